/**
 * Where data lives: the one DynamoDB table, the report bucket, and the bucket of access logs.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectLockRetention, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { TABLE } from '../shared/db/table';
import { REPORT_PREFIXES, RETENTION_DAYS } from './retention';
import type { ObjectLockMode } from './settings';

/** How long access logs are kept: as long as the functions' logs, long enough to investigate. */
export const ACCESS_LOG_DAYS = 90;
export const ACCESS_LOG_PREFIXES = { reports: 's3-reports', web: 's3-web', cloudfront: 'cloudfront' } as const;

/**
 * Built from shared/db/table.ts, the same object the local runner creates its table from, so the
 * cloud and local tables cannot drift. Every key attribute is a string, as in `createTableInput`.
 */
export function journalTable(scope: Construct): Table {
  const key = (name: string) => ({ name, type: AttributeType.STRING });
  const table = new Table(scope, 'Table', {
    partitionKey: key(TABLE.partitionKey),
    sortKey: key(TABLE.sortKey),
    billingMode: BillingMode.PAY_PER_REQUEST,
    // The journal is the school's legal record: recoverable to any second of the last 35 days,
    // and not deletable by a stray `cdk destroy` or console click.
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
    // Personal data of children: encrypted with a KMS key.
    encryption: TableEncryption.AWS_MANAGED,
    timeToLiveAttribute: TABLE.ttlAttribute,
  });
  for (const ix of TABLE.indexes) {
    table.addGlobalSecondaryIndex({
      indexName: ix.name,
      partitionKey: key(ix.partitionKey),
      sortKey: key(ix.sortKey),
      projectionType: ProjectionType.ALL,
    });
  }
  return table;
}

/**
 * A table made outside the stack, by a point-in-time restore of the journal table (README.md,
 * "Runbook"): same keys and indexes, so the functions' grants cover its indexes as before.
 */
export function existingJournalTable(scope: Construct, tableName: string): ITable {
  return Table.fromTableAttributes(scope, 'ExistingTable', {
    tableName,
    globalIndexes: TABLE.indexes.map((ix) => ix.name),
    grantIndexPermissions: true,
  });
}

/**
 * Rendered PDF reports kept for their legal term. Object Lock's default retention covers
 * every object for the shorter, 5-year term; a summary sheet gets its 25-year retain-until date per
 * object when it is written (s3:PutObjectRetention, toolchain trap 9). Lifecycle removes each kind
 * after its term, as R-70 also requires.
 */
export function reportBucket(scope: Construct, mode: ObjectLockMode, logs: Bucket): Bucket {
  const term = Duration.days(RETENTION_DAYS.journals);
  return new Bucket(scope, 'ReportBucket', {
    // Who read or wrote which report: the bucket holds legal records.
    serverAccessLogsBucket: logs,
    serverAccessLogsPrefix: `${ACCESS_LOG_PREFIXES.reports}/`,
    versioned: true,
    objectLockEnabled: true,
    objectLockDefaultRetention:
      mode === 'COMPLIANCE' ? ObjectLockRetention.compliance(term) : ObjectLockRetention.governance(term),
    encryption: BucketEncryption.S3_MANAGED,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    removalPolicy: RemovalPolicy.RETAIN,
    lifecycleRules: [
      { id: 'journals-5-years', prefix: REPORT_PREFIXES.journals, expiration: Duration.days(RETENTION_DAYS.journals) },
      {
        id: 'summary-sheets-25-years',
        prefix: REPORT_PREFIXES.summarySheets,
        expiration: Duration.days(RETENTION_DAYS.summarySheets),
      },
      {
        // In a versioned bucket, expiry and overwrites only make a version noncurrent; this removes
        // it for good. Object Lock still keeps a version until its own retain-until date, so the
        // short delay never cuts a legal term short.
        id: 'clean-up-noncurrent-versions',
        noncurrentVersionExpiration: Duration.days(1),
        expiredObjectDeleteMarker: true,
        abortIncompleteMultipartUploadAfter: Duration.days(7),
      },
    ],
  });
}

/**
 * S3 server access logs of both buckets and CloudFront's standard logs. CloudFront writes its logs
 * with an ACL (awslogsdelivery), so this one bucket keeps ACLs on (owner preferred); S3 delivers its
 * own through the bucket policy CDK adds. Logs name addresses and paths, not people, and go after
 * ACCESS_LOG_DAYS.
 */
export function accessLogBucket(scope: Construct): Bucket {
  return new Bucket(scope, 'AccessLogs', {
    encryption: BucketEncryption.S3_MANAGED,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    removalPolicy: RemovalPolicy.RETAIN,
    lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(ACCESS_LOG_DAYS), abortIncompleteMultipartUploadAfter: Duration.days(7) }],
  });
}
