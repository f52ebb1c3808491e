/**
 * The cloud stack: the same table, handlers, routes and jobs the local stack runs, on AWS.
 * Each concern lives in its own file; this one wires them together.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { Resources } from './access';
import { Api } from './api';
import { Jobs } from './jobs';
import { Monitoring } from './monitoring';
import { suppressReviewedFindings } from './nag';
import { sessionSigningKey } from './secrets';
import { readSettings, type Settings } from './settings';
import { accessLogBucket, existingJournalTable, journalTable, reportBucket } from './storage';
import { Web } from './web';

export interface JournalStackProps extends StackProps {
  /** The built web app to deploy; omitted when web/build does not exist. */
  webBuildDir?: string;
}

export class JournalStack extends Stack {
  readonly settings: Settings;
  readonly table: ITable;
  readonly reports: Bucket;
  readonly sessionKey: Secret;
  readonly api: Api;
  readonly jobs: Jobs;
  readonly web: Web;
  readonly accessLogs: Bucket;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: JournalStackProps = {}) {
    super(scope, id, props);
    this.settings = readSettings(this.node);
    this.table = this.settings.tableName ? existingJournalTable(this, this.settings.tableName) : journalTable(this);
    this.accessLogs = accessLogBucket(this);
    this.reports = reportBucket(this, this.settings.objectLockMode, this.accessLogs);
    this.sessionKey = sessionSigningKey(this);
    const resources: Resources = { table: this.table, reports: this.reports, sessionKey: this.sessionKey };

    // What shared/config.ts reads. Every function gets all of it (the config fails fast on a
    // missing variable); what a function may actually do with it is granted in infra/access.ts.
    // AWS_REGION is set by the Lambda runtime itself.
    const environment = {
      TABLE_NAME: this.table.tableName,
      REPORT_BUCKET: this.reports.bucketName,
      SESSION_SIGNING_KEY_SECRET_ARN: this.sessionKey.secretArn,
      SCHOOL_TIME_ZONE: this.settings.schoolTimeZone,
      // The per-object retention of stored reports uses the bucket's mode, so a GOVERNANCE dev
      // stack does not get compliance-locked objects it can never shorten.
      REPORT_LOCK_MODE: this.settings.objectLockMode,
      // Logs and metrics (shared/ops) name the stack as their service, so two stacks in one
      // account keep apart on the dashboard.
      SERVICE_NAME: this.stackName,
      // Read by nothing: changing it replaces every function's execution environments, so all of
      // them read the session signing key afresh (shared/auth/signing-key.ts caches it).
      SESSION_KEY_VERSION: this.settings.sessionKeyVersion,
      // The address printed on activation-code sheets; without a name of its own the sheets take the
      // calling page's origin (the CloudFront name).
      ...(this.settings.domainName ? { SITE_URL: `https://${this.settings.domainName}` } : {}),
    };

    this.api = new Api(this, 'Api', { environment, resources });
    this.jobs = new Jobs(this, 'Jobs', {
      environment,
      resources,
      departmentId: this.settings.departmentId,
      timeZone: this.settings.schoolTimeZone,
    });
    this.web = new Web(this, 'Web', {
      api: this.api.httpApi,
      webBuildDir: props.webBuildDir,
      logs: this.accessLogs,
      domainName: this.settings.domainName,
      certificateArn: this.settings.certificateArn,
      webAclArn: this.settings.webAclArn,
    });
    this.monitoring = new Monitoring(this, 'Monitoring', {
      api: this.api.httpApi,
      apiFunctions: this.api.functions,
      jobFunctions: this.jobs.functions,
      deadLetters: this.jobs.deadLetters,
      table: this.table,
      alarmEmail: this.settings.alarmEmail,
    });
    // Every finding of cdk-nag's AwsSolutions pack that stays is suppressed there, each with its
    // reason; test/infra/nag.test.ts fails on any other.
    suppressReviewedFindings(this);

    new CfnOutput(this, 'Url', { value: `https://${this.web.distribution.distributionDomainName}` });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'ReportBucketName', { value: this.reports.bucketName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.topic.topicArn });
    new CfnOutput(this, 'ApiAccessLogGroup', { value: this.api.accessLogs.logGroupName });
    new CfnOutput(this, 'AccessLogBucketName', { value: this.accessLogs.bucketName });
    // What the runbook (README.md) names: the secret to replace, the queue to read, the jobs to re-run.
    new CfnOutput(this, 'SessionSigningKeyArn', { value: this.sessionKey.secretArn });
    new CfnOutput(this, 'JobDeadLetterQueueUrl', { value: this.jobs.deadLetters.queueUrl });
    for (const [name, fn] of this.jobs.functions) {
      const id = name.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase());
      new CfnOutput(this, `Job${id}Function`, { value: fn.functionName, description: `Job "${name}": invoke it to re-run by hand` });
    }
  }
}
