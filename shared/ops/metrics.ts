/**
 * The product's own metrics (CloudWatch embedded metric format, written by functions/http/observe.ts
 * and functions/jobs/observe.ts), named once here: the functions emit them and the CDK dashboard
 * (infra/monitoring.ts) draws them, so the two cannot drift apart.
 */

/** Namespace of every custom metric; the dimension `service` is the stack's name. */
export const METRICS_NAMESPACE = 'Zhurnal';

export const METRIC = {
  /** A mark written (PUT of a mark answered 2xx). */
  marksSaved: 'MarksSaved',
  /** A change refused by a lock of the regulation (423). */
  lockRefusals: 'LockRefusals',
  /** A concurrent edit lost (409): the caller got the winning value back. */
  conflicts: 'Conflicts',
  /** Sign-in or activation refused: wrong password or code, disabled account (401, 403). */
  signInFailures: 'SignInFailures',
  /** Sign-in or activation refused by the per-login or per-address throttle (429). */
  signInThrottled: 'SignInThrottled',
  /** A scheduled job finished, well or not; `JobFailures` counts the failed ones. */
  jobRuns: 'JobRuns',
  jobFailures: 'JobFailures',
  /** How long a job ran, in milliseconds. */
  jobDuration: 'JobDuration',
} as const;

export type MetricName = (typeof METRIC)[keyof typeof METRIC];

/** The manifest handlers that check a password or an activation code. */
export const PASSWORD_HANDLERS: readonly string[] = ['signIn', 'activate'];
const MARK_HANDLERS: readonly string[] = ['putMark'];

/** The counters a finished request adds one to, from its manifest handler and its status. */
export function requestCounters(handler: string, status: number): MetricName[] {
  const counters: MetricName[] = [];
  if (MARK_HANDLERS.includes(handler) && status >= 200 && status < 300) counters.push(METRIC.marksSaved);
  if (status === 423) counters.push(METRIC.lockRefusals);
  if (status === 409) counters.push(METRIC.conflicts);
  if (PASSWORD_HANDLERS.includes(handler)) {
    if (status === 401 || status === 403) counters.push(METRIC.signInFailures);
    if (status === 429) counters.push(METRIC.signInThrottled);
  }
  return counters;
}
