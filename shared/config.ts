/**
 * Configuration, read once at cold start and typed. A missing variable stops start-up with a
 * message that names it. Every endpoint is configuration so that a DynamoDB-/S3-compatible cloud
 * (a Russian provider, for the personal-data law) can host the same code.
 */
export interface Config {
  tableName: string;
  reportBucket: string;
  /** Empty means the SDK default (AWS). */
  dynamoEndpoint?: string;
  s3Endpoint?: string;
  s3ForcePathStyle: boolean;
  region: string;
  /** The session-token signing key, or the ARN of the secret that holds it. */
  sessionKey?: string;
  sessionKeySecretArn?: string;
  /** `false` only on plain-http local set-ups that browsers do not treat as secure. */
  secureCookies: boolean;
  /** The department's time zone: an account's access end date is over at midnight in it. Each
   * school's own day rules use the zone stored on the school. */
  timeZone: string;
  /** Object Lock mode of stored reports: COMPLIANCE in production, GOVERNANCE on dev stacks; none on
   * a custom S3 endpoint that has no Object Lock. */
  reportLockMode?: 'COMPLIANCE' | 'GOVERNANCE';
  /** The site's address as people type it (printed on code sheets); unset = the request's origin. */
  siteUrl?: string;
}

type Env = Record<string, string | undefined>;

function required(env: Env, name: string): string {
  const v = env[name];
  if (!v) throw new Error(`Configuration: environment variable ${name} is not set`);
  return v;
}

function lockMode(value: string | undefined): Config['reportLockMode'] {
  if (value === undefined || value === '' || value === 'NONE') return undefined;
  if (value === 'COMPLIANCE' || value === 'GOVERNANCE') return value;
  throw new Error(`Configuration: REPORT_LOCK_MODE must be COMPLIANCE, GOVERNANCE or NONE, not "${value}"`);
}

export function readConfig(env: Env = process.env): Config {
  const sessionKey = env.SESSION_SIGNING_KEY || undefined;
  const sessionKeySecretArn = env.SESSION_SIGNING_KEY_SECRET_ARN || undefined;
  if (!sessionKey && !sessionKeySecretArn) {
    throw new Error('Configuration: set SESSION_SIGNING_KEY or SESSION_SIGNING_KEY_SECRET_ARN');
  }
  return {
    tableName: required(env, 'TABLE_NAME'),
    reportBucket: required(env, 'REPORT_BUCKET'),
    dynamoEndpoint: env.AWS_ENDPOINT_URL_DYNAMODB || env.DYNAMODB_ENDPOINT || undefined,
    s3Endpoint: env.AWS_ENDPOINT_URL_S3 || env.S3_ENDPOINT || undefined,
    s3ForcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'eu-central-1',
    sessionKey,
    sessionKeySecretArn,
    secureCookies: env.SECURE_COOKIES !== 'false',
    timeZone: env.SCHOOL_TIME_ZONE || 'Europe/Moscow',
    reportLockMode: lockMode(env.REPORT_LOCK_MODE),
    siteUrl: env.SITE_URL || undefined,
  };
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= readConfig();
  return cached;
}

/** For tests and the local runner that set the environment after import. */
export function resetConfig(): void {
  cached = undefined;
}
