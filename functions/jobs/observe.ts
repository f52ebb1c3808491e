/**
 * A scheduled job's Lambda handler with its log line and metrics (shared/ops/telemetry.ts): one
 * JSON line per run with the job, outcome, duration and the run's counts, and the JobRuns,
 * JobFailures and JobDuration metrics the dashboard shows. A failure is logged and thrown again,
 * so Lambda's retries and the dead-letter queue still see it.
 */
import type { Context } from 'aws-lambda';
import { countJobRun, log } from '../../shared/ops/telemetry';

/** Only the numbers of a job's result (how many checked, changed): never the records themselves. */
function counts(result: unknown): Record<string, number> {
  if (!result || typeof result !== 'object') return {};
  return Object.fromEntries(Object.entries(result).filter((e): e is [string, number] => typeof e[1] === 'number'));
}

export function observedJob<R>(job: string, run: () => Promise<R>) {
  return async (_event: unknown, context?: Partial<Context>): Promise<R> => {
    const startedAt = performance.now();
    const base = { job, lambdaRequestId: context?.awsRequestId };
    try {
      const result = await run();
      const durationMs = Math.round(performance.now() - startedAt);
      countJobRun(job, durationMs, true);
      log.info('job', { ...base, outcome: 'ok', durationMs, ...counts(result) });
      return result;
    } catch (err) {
      const durationMs = Math.round(performance.now() - startedAt);
      countJobRun(job, durationMs, false);
      log.error('job', { ...base, outcome: 'failed', durationMs, error: err instanceof Error ? err.name : 'unknown' });
      throw err;
    }
  };
}
