/**
 * Sign-in latency over HTTP against the local stack, one after another (scrypt at N=2^17 is the
 * cost being measured, so parallel requests would only measure the two cores' queue), and the
 * DynamoDB requests one sign-in makes.
 */
import { ddbRequestCounter } from '../shared/db/client';
import { percentile, type Figures } from './figures';

const LOGINS = ['director', 'deputy', 'teacher', 'classteacher', 'parent', 'parent2', 'student', 'admin'];

export async function benchSignIn(figures: Figures, baseUrl: string, count: number): Promise<void> {
  const times: number[] = [];
  const before = ddbRequestCounter.count;
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: LOGINS[i % LOGINS.length], password: 'Demo-2026!' }),
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`sign-in ${i} answered ${res.status}`);
    times.push(performance.now() - t);
  }
  const requests = (ddbRequestCounter.count - before) / count;
  times.sort((a, b) => a - b);
  figures.set('signin.p50_ms', percentile(times, 50), 'ms', `${count} sequential sign-ins`);
  figures.set('signin.p99_ms', percentile(times, 99), 'ms');
  figures.set('signin.ddb_requests', requests, 'requests', 'per sign-in: throttle BatchGet + login Query in parallel, then one BatchGet of schools and children (parents: + their classes)');
}
