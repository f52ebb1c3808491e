/**
 * The findings of cdk-nag's AwsSolutions pack that were reviewed and stay, each with the evidence
 * that makes it acceptable. The gaps it found are fixed where they are (access logs: infra/api.ts,
 * infra/web.ts, infra/storage.ts; the runtime: infra/lambda.ts; TLS 1.2 with the site's own name:
 * infra/web.ts). test/infra/nag.test.ts runs the pack and fails on any finding not listed here.
 *
 * IAM suppressions name the exact policy or resource they accept (`appliesTo`), so a new managed
 * policy or a new wildcard is still reported.
 */
import { Stack } from 'aws-cdk-lib';
import { NagSuppressions, type NagPackSuppression } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { JournalStack } from './stack';

const BASIC_EXECUTION_ROLE = 'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';

const REASONS = {
  APIG4:
    'No API Gateway authoriser, by design: every route except sign-in, activation, health and the OpenAPI document requires the ' +
    'session cookie, whose JWT is verified (signature, expiry, CSRF header on writes) by the one area adapter every request ' +
    'passes (functions/http/area.ts), and each handler then checks the route\'s manifest permission on the object it loads ' +
    '(shared/auth/policy.ts). The authorisation matrices test it: test/integration/authz.int.test.ts over HTTP (role x route x ' +
    'own/other object) and test/unit/*-policy.test.ts. A Lambda authoriser would verify the same token a second time per request.',
  IAM4:
    'AWSLambdaBasicExecutionRole grants only logs:CreateLogGroup, logs:CreateLogStream and logs:PutLogEvents, which every ' +
    'function needs to write its logs; everything else a function may do is granted per function in infra/access.ts.',
  IAM5_INDEXES:
    'The wildcard is `index/*` of the one journal table: its GSIs (shared/db/table.ts), which Query reads with the same actions ' +
    'the table grant lists (infra/access.ts: never Scan, never streams).',
  IAM5_REPORTS:
    'Objects of the one report bucket: report keys are made per school and period by the code (shared/repos/reports.ts); the ' +
    'actions are only PutObject, PutObjectRetention and (where listed in infra/access.ts) GetObject, never delete.',
  IAM5_SCHEDULER:
    "EventBridge Scheduler's role may invoke the job function and its versions (`<function arn>:*`), as CDK's LambdaInvoke " +
    'target grants it; it can invoke nothing else.',
  IAM5_DEPLOYMENT:
    "CDK's BucketDeployment copies the built web app from the CDK asset bucket into the web bucket and invalidates CloudFront: " +
    'it needs every object of both buckets; it runs only at deploy time.',
  IAM4_DEPLOYMENT: "CDK's BucketDeployment function writes its logs with AWSLambdaBasicExecutionRole (logs only).",
  L1_DEPLOYMENT:
    "CDK's own BucketDeployment function: its runtime is chosen and updated by aws-cdk-lib, not by this stack; it runs only at deploy time.",
  SMG4:
    'Not rotated automatically: the key signs sessions of at most 30 minutes (shared/auth/session.ts), and replacing it signs ' +
    'everyone out at once, which must not happen at 8 a.m. on a school day. It is rotated by hand at a quiet hour: README.md, ' +
    '"Runbook", "Rotate the session signing key".',
  SQS3: 'This queue is itself the dead-letter queue of the scheduled jobs (infra/jobs.ts); the JobDeadLetters alarm watches it.',
  CFR4:
    'Without its own domain name the site is served under *.cloudfront.net with the default certificate, for which CloudFront ' +
    'cannot raise the minimum protocol above TLSv1. Deploying with -c domainName=... -c certificateArn=... sets TLSv1.2_2021 ' +
    '(infra/web.ts) and this suppression goes away.',
  CFR1:
    'No geographic restriction: pupils and parents read the diary from anywhere (holidays, families abroad), and nothing in ' +
    'the regulation limits where the journal may be read from; access is by account.',
  CFR2:
    'No WAF unless -c webAclArn=... (infra/edge.ts; cost in README.md): sign-in and activation are throttled by the API stage ' +
    '(infra/api.ts, 50/s) and per login and per address in the application (shared/auth/throttle.ts).',
} as const;

function suppress(construct: IConstruct, suppressions: NagPackSuppression[]): void {
  NagSuppressions.addResourceSuppressions(construct, suppressions, true);
}

export function suppressReviewedFindings(stack: JournalStack): void {
  for (const routes of [stack.api.httpApi, stack.api.routes]) suppress(routes, [{ id: 'AwsSolutions-APIG4', reason: REASONS.APIG4 }]);

  // The stack's own table (`<Table….Arn>/index/*`) or one restored from a backup (`…:table/<name>/index/*`).
  const tableIndexes = { regex: '/^Resource::(<Table[A-Za-z0-9]+\\.Arn>|arn:[^<]*(<[^>]+>[^<]*)*:table\\/[A-Za-z0-9_.-]+)\\/index\\/\\*$/' };
  const reportsArn = `Resource::<${stack.getLogicalId(stack.reports.node.defaultChild as never)}.Arn>`;
  for (const fn of [...stack.api.functions.values(), ...stack.jobs.functions.values()]) {
    suppress(fn, [
      { id: 'AwsSolutions-IAM4', reason: REASONS.IAM4, appliesTo: [BASIC_EXECUTION_ROLE] },
      {
        id: 'AwsSolutions-IAM5',
        reason: `${REASONS.IAM5_INDEXES} ${REASONS.IAM5_REPORTS}`,
        appliesTo: [tableIndexes, `${reportsArn}/*`],
      },
    ]);
  }
  for (const fn of stack.jobs.functions.values()) {
    const schedulerRoles = stack.node.children.filter((c) => c.node.id.startsWith('SchedulerRoleForTarget-'));
    const fnArn = `Resource::<${stack.getLogicalId(fn.node.defaultChild as never)}.Arn>:*`;
    for (const role of schedulerRoles) suppress(role, [{ id: 'AwsSolutions-IAM5', reason: REASONS.IAM5_SCHEDULER, appliesTo: [fnArn] }]);
  }

  suppress(stack.sessionKey, [{ id: 'AwsSolutions-SMG4', reason: REASONS.SMG4 }]);
  suppress(stack.jobs.deadLetters, [{ id: 'AwsSolutions-SQS3', reason: REASONS.SQS3 }]);

  const distribution = stack.web.distribution;
  suppress(distribution, [{ id: 'AwsSolutions-CFR1', reason: REASONS.CFR1 }]);
  if (!stack.settings.domainName) suppress(distribution, [{ id: 'AwsSolutions-CFR4', reason: REASONS.CFR4 }]);
  if (!stack.settings.webAclArn) suppress(distribution, [{ id: 'AwsSolutions-CFR2', reason: REASONS.CFR2 }]);

  // CDK's singleton function behind BucketDeployment (present when web/build exists), made at the
  // stack's top level under a generated id.
  for (const c of Stack.of(stack).node.children) {
    if (!c.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
    suppress(c, [
      { id: 'AwsSolutions-IAM4', reason: REASONS.IAM4_DEPLOYMENT, appliesTo: [BASIC_EXECUTION_ROLE] },
      { id: 'AwsSolutions-IAM5', reason: REASONS.IAM5_DEPLOYMENT },
      { id: 'AwsSolutions-L1', reason: REASONS.L1_DEPLOYMENT },
    ]);
  }
}
