/**
 * Which requests count toward which metric, the user hash, and a job's line and metrics
 * (shared/ops, functions/jobs/observe.ts). Lines are read from stdout and stderr, where Lambda and
 * the local runner send them.
 */
import { describe, expect, it } from 'vitest';
import { observedJob } from '../../functions/jobs/observe';
import { METRIC, requestCounters } from '../../shared/ops/metrics';
import { countRequest, logRequest, setLogLevel, userHash } from '../../shared/ops/telemetry';
import { capturePrinted } from '../support/log-lines';

describe('request counters', () => {
  it('should count a saved mark only when the save succeeded', () => {
    expect(requestCounters('putMark', 200)).toEqual([METRIC.marksSaved]);
    expect(requestCounters('putMark', 204)).toEqual([METRIC.marksSaved]);
    expect(requestCounters('putMark', 400)).toEqual([]);
    expect(requestCounters('putAttendance', 200)).toEqual([]);
  });

  it('should count lock refusals and lost concurrent edits on any route', () => {
    expect(requestCounters('putMark', 423)).toEqual([METRIC.lockRefusals]);
    expect(requestCounters('putLesson', 423)).toEqual([METRIC.lockRefusals]);
    expect(requestCounters('putMark', 409)).toEqual([METRIC.conflicts]);
    expect(requestCounters('updateStudent', 409)).toEqual([METRIC.conflicts]);
  });

  it('should count refused and throttled sign-ins and activations, not other 401s', () => {
    for (const handler of ['signIn', 'activate']) {
      expect(requestCounters(handler, 401)).toEqual([METRIC.signInFailures]);
      expect(requestCounters(handler, 403)).toEqual([METRIC.signInFailures]);
      expect(requestCounters(handler, 429)).toEqual([METRIC.signInThrottled]);
      expect(requestCounters(handler, 200)).toEqual([]);
      // A malformed body is not a failed attempt at a password.
      expect(requestCounters(handler, 400)).toEqual([]);
    }
    expect(requestCounters('me', 401)).toEqual([]);
  });
});

describe('the user hash', () => {
  it('should be the same for the same user, different for another, and not contain the id', () => {
    expect(userHash('u-teacher-1')).toBe(userHash('u-teacher-1'));
    expect(userHash('u-teacher-1')).not.toBe(userHash('u-teacher-2'));
    expect(userHash('u-teacher-1')).toMatch(/^u_[0-9a-f]{16}$/);
    expect(userHash('u-teacher-1')).not.toContain('teacher');
  });
});

describe('lines and metrics', () => {
  const printed = capturePrinted();

  it('should write one JSON line a request, at the level its status calls for, and the request counters as EMF', () => {
    logRequest({ requestId: 'r-1', route: 'PUT /api/x', handler: 'putMark', status: 423, durationMs: 7, school: 'sch53' });
    countRequest('putMark', 423, 'sch53');
    const [line, emf] = printed.lines();
    expect(printed.chunks().every((l) => l.endsWith('\n') && l.trim().split('\n').length === 1)).toBe(true);
    expect(line).toMatchObject({ level: 'WARN', message: 'request', requestId: 'r-1', status: 423, school: 'sch53', service: 'zhurnal-local' });
    expect(Date.parse(line!.timestamp)).not.toBeNaN();
    expect(emf).toMatchObject({
      _aws: { CloudWatchMetrics: [{ Namespace: 'Zhurnal', Dimensions: [['service']], Metrics: [{ Name: 'LockRefusals', Unit: 'Count' }] }] },
      LockRefusals: 1,
      school: 'sch53',
      handler: 'putMark',
    });
  });

  it('should write nothing below the level, and neither lines nor metrics when silent', () => {
    setLogLevel('WARN');
    logRequest({ requestId: 'r-2', route: 'GET /api/me', status: 200, durationMs: 1 });
    expect(printed.chunks()).toEqual([]);
    setLogLevel('SILENT');
    logRequest({ requestId: 'r-3', route: 'GET /api/me', status: 500, durationMs: 1 });
    countRequest('putMark', 200, undefined);
    expect(printed.chunks()).toEqual([]);
  });

  it('should emit no metric line for a request that counts toward nothing', () => {
    countRequest('me', 200, undefined);
    expect(printed.chunks()).toEqual([]);
  });
});

describe('a job run', () => {
  const printed = capturePrinted();

  it('should log its outcome, duration and counts, and emit JobRuns, JobFailures and JobDuration by job', async () => {
    const handler = observedJob('expire-access', async () => ({ job: 'expire-access', checked: 12, changed: 2, names: ['Иванов'] }));
    await expect(handler({}, { awsRequestId: 'lambda-1' })).resolves.toMatchObject({ checked: 12 });
    const all = printed.lines();
    const line = all.find((l) => l.message === 'job')!;
    expect(line).toMatchObject({ level: 'INFO', job: 'expire-access', outcome: 'ok', checked: 12, changed: 2, lambdaRequestId: 'lambda-1' });
    expect(line.durationMs).toBeGreaterThanOrEqual(0);
    // Only the numbers of the result, never its records.
    expect(JSON.stringify(all)).not.toContain('Иванов');
    const emf = all.find((l) => l._aws)!;
    expect(emf._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'Zhurnal', Dimensions: [['service', 'job']] });
    expect(emf).toMatchObject({ job: 'expire-access', JobRuns: 1, JobFailures: 0 });
    expect(emf.JobDuration).toBeGreaterThanOrEqual(0);
  });

  it('should log and count a failure, and throw it on for the retries and the dead-letter queue', async () => {
    const handler = observedJob('expire-access', async () => {
      throw new TypeError('account u-1 of Иванов failed');
    });
    await expect(handler({})).rejects.toThrow(TypeError);
    const all = printed.lines();
    expect(all.find((l) => l.message === 'job')).toMatchObject({ level: 'ERROR', outcome: 'failed', error: 'TypeError' });
    expect(all.find((l) => l._aws)).toMatchObject({ JobRuns: 1, JobFailures: 1 });
    expect(JSON.stringify(all)).not.toContain('Иванов');
  });
});
