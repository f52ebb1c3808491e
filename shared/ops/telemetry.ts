/**
 * Structured logs and metrics: one JSON line per request or job run, and metrics in CloudWatch's
 * embedded metric format (EMF), written to stdout (warnings and errors to stderr), which Lambda
 * sends to CloudWatch Logs and the local runner prints as they are.
 *
 * Hand-written rather than Powertools for AWS Lambda: Powertools' logger and metrics add about
 * 34 KB and ~10 ms of cold import to every API bundle, which took the largest areas (journal,
 * people, ~415 KB) past the 450 KB budget of issue 7. The lines have Powertools' shape (level,
 * message, timestamp, service; the same EMF document), so queries and the dashboard would not
 * change if Powertools came back.
 *
 * What a line may carry is decided here and in the callers, field by field: ids of routes,
 * schools and requests, statuses, durations and a hash of the user id; never names, logins,
 * passwords, marks, bodies or messages (R-71). test/integration/observe.int.test.ts checks it on
 * real requests.
 *
 * LOG_LEVEL (DEBUG, INFO, WARN, ERROR, SILENT; default INFO) filters lines; SILENT also silences
 * metrics. The tests run SILENT (vitest.config.ts); `npm start` and the cloud print everything.
 */
import { createHash } from 'node:crypto';
import { METRIC, METRICS_NAMESPACE, requestCounters } from './metrics';

const LEVELS = { DEBUG: 10, INFO: 20, WARN: 30, ERROR: 40, SILENT: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

/** The stack's name in the cloud (infra/stack.ts sets SERVICE_NAME), so two stacks keep apart. */
const SERVICE = process.env.SERVICE_NAME || 'zhurnal-local';

function levelFrom(value: string | undefined): LogLevel {
  const v = value?.toUpperCase();
  return v && v in LEVELS ? (v as LogLevel) : 'INFO';
}
let threshold: LogLevel = levelFrom(process.env.LOG_LEVEL);

/** For tests that read the lines; everything else takes LOG_LEVEL. */
export function setLogLevel(level: LogLevel): void {
  threshold = level;
}
export function logLevel(): LogLevel {
  return threshold;
}

type Fields = Record<string, string | number | boolean | undefined>;

function write(level: Exclude<LogLevel, 'SILENT'>, message: string, fields: Fields): void {
  if (LEVELS[level] < LEVELS[threshold]) return;
  const line = JSON.stringify({ level, message, timestamp: new Date().toISOString(), service: SERVICE, ...fields });
  (LEVELS[level] >= LEVELS.WARN ? process.stderr : process.stdout).write(`${line}\n`);
}

export const log = {
  info: (message: string, fields: Fields = {}) => write('INFO', message, fields),
  warn: (message: string, fields: Fields = {}) => write('WARN', message, fields),
  error: (message: string, fields: Fields = {}) => write('ERROR', message, fields),
};

/**
 * One EMF document: CloudWatch turns each named value into a metric point in METRICS_NAMESPACE
 * with these dimensions (and `service`); `properties` stay searchable in Logs Insights only.
 */
function emitMetrics(values: Record<string, { value: number; unit: 'Count' | 'Milliseconds' }>, dimensions: Record<string, string>, properties: Fields = {}): void {
  if (threshold === 'SILENT') return;
  const dims = { service: SERVICE, ...dimensions };
  const document = {
    _aws: {
      Timestamp: Date.now(),
      CloudWatchMetrics: [
        {
          Namespace: METRICS_NAMESPACE,
          Dimensions: [Object.keys(dims)],
          Metrics: Object.entries(values).map(([Name, v]) => ({ Name, Unit: v.unit })),
        },
      ],
    },
    ...properties,
    ...dims,
    ...Object.fromEntries(Object.entries(values).map(([name, v]) => [name, v.value])),
  };
  process.stdout.write(`${JSON.stringify(document)}\n`);
}

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
  log[level]('request', { ...line });
}

/** An error's class as code names it (`TypeError`, `ValidationException`); anything else is not logged. */
function errorClass(err: unknown): string {
  const name = err instanceof Error ? err.name : typeof err;
  return /^[A-Za-z_$][\w$.]{0,59}$/.test(name) ? name : 'Error';
}

/**
 * Where the error was thrown, without what it says: only the stack's `at ...` lines (functions,
 * files, lines), never the message above them, which may quote a value from the table or the
 * request (a DynamoDB ValidationException names the attribute's value; a TypeError the object).
 */
function stackFrames(err: unknown): string | undefined {
  if (!(err instanceof Error) || typeof err.stack !== 'string') return undefined;
  // V8 starts the stack with `Name: message`, and a message may span lines that look like frames.
  const header = err.message ? `${err.name}: ${err.message}` : err.name;
  const frames = (err.stack.startsWith(header) ? err.stack.slice(header.length) : err.stack)
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 20)
    .map((line) => line.trim());
  return frames.length ? frames.join('\n') : undefined;
}

/**
 * An error no handler turned into an answer (a 500): its class and stack frames with the request's
 * ids, so that `filter requestId = "<id>"` finds it beside the request line. Never its message.
 */
export function logUnhandledError(err: unknown, ids: { requestId: string; lambdaRequestId?: string }): void {
  const cause = err instanceof Error && err.cause !== undefined ? errorClass(err.cause) : undefined;
  log.error('Unhandled error', { ...ids, errorClass: errorClass(err), cause, stack: stackFrames(err) });
}

/**
 * Adds the request's counters (shared/ops/metrics.ts), in one EMF document written at once: the
 * local runner serves requests concurrently in one process, so nothing is buffered between
 * requests. The school goes as a property, not a dimension: per-school figures come from Logs
 * Insights over these lines without paying for a metric per school.
 */
export function countRequest(handler: string, status: number, school: string | undefined): void {
  const counters = requestCounters(handler, status);
  if (counters.length === 0) return;
  emitMetrics(Object.fromEntries(counters.map((name) => [name, { value: 1, unit: 'Count' as const }])), {}, { school, handler });
}

/** A scheduled job's run: its count, failure and duration, by job. */
export function countJobRun(job: string, durationMs: number, ok: boolean): void {
  emitMetrics(
    {
      [METRIC.jobRuns]: { value: 1, unit: 'Count' },
      [METRIC.jobFailures]: { value: ok ? 0 : 1, unit: 'Count' },
      [METRIC.jobDuration]: { value: durationMs, unit: 'Milliseconds' },
    },
    { job },
  );
}
