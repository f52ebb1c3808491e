/**
 * `npm run job -- <name> [--now 2027-05-31T21:00:00Z]`: runs a scheduled job by hand against the
 * local data, through the running `npm start` stack if there is one, or on its own otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jobModules } from '../../functions/index';
import { jobs } from '../../functions/routes';
import { projectRoot, startDynamoDbLocal, type RunningDynamo } from './dynamodb-local';
import { waitForTcp } from './ports';
import { DEPARTMENT_ID, REPORT_BUCKET, TABLE_NAME } from './names';
import { ensureTable } from '../../shared/db/ensure-table';
import { startS3, type RunningS3 } from './s3';

const [name, ...rest] = process.argv.slice(2);
const load = name ? jobModules[name] : undefined;
if (!load) {
  console.error(`Usage: npm run job -- <name> [--now ISO-date] [--school <id> --period <id>]\nJobs: ${jobs.map((j) => `${j.name} (${j.summary})`).join('; ')}`);
  process.exit(2);
}
const option = (name: string) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : undefined);
const now = option('--now') ? new Date(option('--now')!) : new Date();
// Narrows a job that supports it (close-period) to one school's one period.
const narrowed = { schoolId: option('--school'), periodId: option('--period') };
if (Number.isNaN(now.getTime())) {
  console.error('--now must be an ISO date, e.g. 2027-05-31T21:00:00Z');
  process.exit(2);
}

const dataDir = join(projectRoot, '.local', 'data');
const stackFile = join(dataDir, 'stack.json');
let own: RunningDynamo | undefined;
let endpoint: string | undefined;
// A job that stores reports (paper-reports) needs the report bucket: the running stack's, else its own.
let s3: RunningS3 | undefined;
let s3Endpoint: string | undefined;
if (existsSync(stackFile)) {
  const running = JSON.parse(readFileSync(stackFile, 'utf8')) as { dynamoEndpoint: string; s3Endpoint?: string };
  s3Endpoint = running.s3Endpoint;
  const port = Number(new URL(running.dynamoEndpoint).port);
  endpoint = await waitForTcp(port, 500).then(
    () => running.dynamoEndpoint,
    () => undefined,
  );
}
if (!endpoint) {
  own = await startDynamoDbLocal({ dbPath: join(dataDir, 'dynamodb') });
  endpoint = own.endpoint;
  s3 = await startS3({ directory: join(dataDir, 's3'), buckets: [REPORT_BUCKET] });
  s3Endpoint = s3.endpoint;
}
Object.assign(process.env, {
  TABLE_NAME,
  REPORT_BUCKET,
  AWS_ENDPOINT_URL_DYNAMODB: endpoint,
  ...(s3Endpoint ? { AWS_ENDPOINT_URL_S3: s3Endpoint, S3_FORCE_PATH_STYLE: 'true' } : {}),
  AWS_REGION: process.env.AWS_REGION ?? 'eu-central-1',
  AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'S3RVER',
  AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'S3RVER',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  SESSION_SIGNING_KEY: 'not-used-by-jobs-but-required-by-config-0000',
});
try {
  await ensureTable();
  const result = await (await load()).run(DEPARTMENT_ID, now, narrowed);
  console.log(JSON.stringify(result));
} finally {
  await own?.stop();
  await s3?.stop();
}
