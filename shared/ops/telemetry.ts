/**
 * Structured logs and metrics with Powertools for AWS Lambda: one JSON line per request or job run
 * on stdout, which Lambda sends to CloudWatch Logs and the local runner prints as it is, and
 * metrics in CloudWatch's embedded metric format (EMF) in the same stream.
 *
 * What a line may carry is decided here, field by field: ids of routes, schools and requests,
 * statuses, durations and a hash of the user id; never names, logins, passwords, marks, bodies or
 * messages (R-71). test/integration/observe.int.test.ts checks it on real requests.
 *
 * Tests run with POWERTOOLS_LOG_LEVEL=SILENT and POWERTOOLS_METRICS_DISABLED=true
 * (vitest.config.ts); `npm start` and the cloud print everything.
 */
import { createHash } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRIC, METRICS_NAMESPACE, requestCounters } from './metrics';

/** The stack's name in the cloud (infra/stack.ts sets it), so two stacks keep apart. */
const SERVICE = process.env.POWERTOOLS_SERVICE_NAME || 'zhurnal-local';

export const logger = new Logger({ serviceName: SERVICE });
const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE });

/**
 * Who made a request, without saying who: the same user gives the same value in every line, so
 * one person's requests can be followed, and the value leads back to nobody without the table.
 */
export function userHash(userId: string): string {
  return `u_${createHash('sha256').update(`zhurnal-log:${userId}`).digest('hex').slice(0, 16)}`;
}

/** Everything a request line may say. Adding a field here is a decision about personal data. */
export interface RequestLine {
  /** API Gateway's request id: also in the stage's access log and the `x-request-id` header. */
  requestId: string;
  /** The Lambda invocation's id, when running in Lambda. */
  lambdaRequestId?: string;
  /** The manifest's route key (`PUT /api/schools/{schoolId}/...`): a template, never the ids. */
  route: string;
  area?: string;
  handler?: string;
  status: number;
  durationMs: number;
  /** Our own ids only (a school, a department), never a name. */
  school?: string;
  department?: string;
  user?: string;
  /** The machine-readable code of an error answer (`locked`, `conflict`, ...), never its message. */
  errorCode?: string;
}

export function logRequest(line: RequestLine): void {
  const level = line.status >= 500 ? 'error' : line.status >= 400 ? 'warn' : 'info';
  logger[level]('request', { ...line });
}

/**
 * Adds the request's counters (shared/ops/metrics.ts). Each is its own EMF line, emitted at once:
 * the local runner serves requests concurrently in one process, so nothing is buffered between
 * requests. The school goes as a property, not a dimension: per-school figures come from Logs
 * Insights over these lines without paying for a metric per school.
 */
export function countRequest(handler: string, status: number, school: string | undefined): void {
  for (const name of requestCounters(handler, status)) {
    const single = metrics.singleMetric();
    if (school) single.addMetadata('school', school);
    single.addMetadata('handler', handler);
    single.addMetric(name, MetricUnit.Count, 1);
  }
}

/** A scheduled job's run: one EMF line with its count, failure and duration, by job. */
export function countJobRun(job: string, durationMs: number, ok: boolean): void {
  const run = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE, defaultDimensions: { job } });
  run.addMetric(METRIC.jobRuns, MetricUnit.Count, 1);
  run.addMetric(METRIC.jobFailures, MetricUnit.Count, ok ? 0 : 1);
  run.addMetric(METRIC.jobDuration, MetricUnit.Milliseconds, durationMs);
  run.publishStoredMetrics();
}
