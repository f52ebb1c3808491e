/**
 * The cloud stack, asserted on the synthesised CloudFormation template. Nothing is bundled
 * (context `aws:cdk:bundling-stacks: []`, toolchain trap 3); test/infra/bundle.test.ts covers the
 * bundles. Areas, routes and jobs come from the manifest, never from a list kept here.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, jobs, routeKey, routes } from '../../functions/routes';
import { areaAccess, JOB_ACCESS } from '../../infra/access';
import { createTableInput, TABLE } from '../../shared/db/table';
import { journalApp, synth, type Json, type Resource, type Synth } from './synth';

const SECURE_TRANSPORT_DENY = (bucketId: string) => (r: Resource) =>
  r.Properties.Bucket?.Ref === bucketId &&
  (r.Properties.PolicyDocument.Statement as Json[]).some(
    (s) =>
      s.Effect === 'Deny' &&
      s.Action === 's3:*' &&
      s.Principal?.AWS === '*' &&
      s.Condition?.Bool?.['aws:SecureTransport'] === 'false',
  );

let s: Synth;
// The synth takes 1-3 s, more on a busy two-core machine: beyond the default 10 s hook timeout.
beforeAll(() => {
  s = synth();
}, 60_000);

describe('the DynamoDB table', () => {
  it('should be the table of shared/db/table.ts: keys, both GSIs, TTL', () => {
    const [, table] = s.one('AWS::DynamoDB::Table');
    const p = table.Properties;
    const local = createTableInput('x');
    expect(p.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(p.KeySchema).toEqual(local.KeySchema);
    const byName = (a: { AttributeName: string }, b: { AttributeName: string }) => a.AttributeName.localeCompare(b.AttributeName);
    expect([...p.AttributeDefinitions].sort(byName)).toEqual([...local.AttributeDefinitions].sort(byName));
    expect(p.GlobalSecondaryIndexes).toEqual(local.GlobalSecondaryIndexes);
    expect((p.GlobalSecondaryIndexes as Json[]).map((ix) => ix.IndexName)).toEqual(['gsi1', 'gsi2']);
    expect(p.GlobalSecondaryIndexes).toHaveLength(TABLE.indexes.length);
    expect(p.TimeToLiveSpecification).toEqual({ AttributeName: TABLE.ttlAttribute, Enabled: true });
    expect(TABLE.ttlAttribute).toBe('expiresAt');
  });

  it('should be on demand, recoverable, undeletable and encrypted', () => {
    const [, table] = s.one('AWS::DynamoDB::Table');
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true });
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });
});

describe('the HTTP API', () => {
  it('should have exactly one route per manifest entry', () => {
    s.one('AWS::ApiGatewayV2::Api', (r) => r.Properties.ProtocolType === 'HTTP');
    const keys = s.ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey as string);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys).toHaveLength(routes.length);
    expect(new Set(keys)).toEqual(new Set(routes.map(routeKey)));
  });

  it("should send each route to its own area's function", () => {
    const integrationTarget = new Map(
      s.ofType('AWS::ApiGatewayV2::Integration').map(([id, r]) => [id, r.Properties.IntegrationUri['Fn::GetAtt'][0] as string]),
    );
    const routeTarget = new Map(
      s.ofType('AWS::ApiGatewayV2::Route').map(([, r]) => {
        const ref = (r.Properties.Target['Fn::Join'][1] as Json[])[1]!.Ref as string;
        return [r.Properties.RouteKey as string, integrationTarget.get(ref)];
      }),
    );
    for (const r of routes) {
      const fn = s.stack.api.functions.get(r.area);
      expect(fn, `function of area ${r.area}`).toBeDefined();
      expect(routeTarget.get(routeKey(r)), routeKey(r)).toBe(s.logicalId(fn!));
    }
  });

  it('should keep each stack well below the 500 resources CloudFormation allows, the routes in their own', () => {
    const count = (t: Template) => Object.keys(t.toJSON().Resources).length;
    const routesStack = Template.fromStack(s.stack.api.routes);
    expect(Object.keys(routesStack.findResources('AWS::ApiGatewayV2::Route'))).toHaveLength(routes.length);
    // The margin is what a few more issues add, so the limit is met here and not in a deploy.
    expect(count(s.template)).toBeLessThan(450);
    expect(count(routesStack)).toBeLessThan(450);
  });

  it('should let API Gateway invoke each area function', () => {
    for (const fn of s.stack.api.functions.values()) {
      const id = s.logicalId(fn);
      s.one(
        'AWS::Lambda::Permission',
        (r) => r.Properties.FunctionName?.['Fn::GetAtt']?.[0] === id && r.Properties.Principal === 'apigateway.amazonaws.com',
      );
    }
  });
});

describe('the functions', () => {
  it('should be one per area in the manifest and one per job', () => {
    expect(AREAS.length).toBeGreaterThan(0);
    expect([...s.stack.api.functions.keys()].sort()).toEqual([...AREAS].sort());
    expect([...s.stack.jobs.functions.keys()].sort()).toEqual(jobs.map((j) => j.name).sort());
    // No web build here, so no other function (BucketDeployment's) is in the template.
    expect(s.ofType('AWS::Lambda::Function')).toHaveLength(AREAS.length + jobs.length);
  });

  it('should run on nodejs24.x with memory for scrypt N=2^17 and the configuration shared/config.ts reads', () => {
    const jobIds = new Set([...s.stack.jobs.functions.values()].map((fn) => s.logicalId(fn)));
    const secretId = s.one('AWS::SecretsManager::Secret')[0];
    for (const [id, fn] of s.ofType('AWS::Lambda::Function')) {
      const p = fn.Properties;
      expect(p.Runtime, id).toBe('nodejs24.x');
      expect(p.Handler, id).toBe('index.handler');
      expect(p.MemorySize, id).toBeGreaterThanOrEqual(1024);
      const env = p.Environment.Variables as Json;
      expect(env.TABLE_NAME, id).toEqual({ Ref: s.one('AWS::DynamoDB::Table')[0] });
      expect(env.REPORT_BUCKET, id).toEqual({ Ref: s.one('AWS::S3::Bucket', (b) => b.Properties.ObjectLockEnabled === true)[0] });
      expect(env.SESSION_SIGNING_KEY_SECRET_ARN, id).toEqual({ Ref: secretId });
      expect(env.SCHOOL_TIME_ZONE, id).toBe('Europe/Moscow');
      expect(env.REPORT_LOCK_MODE, id).toBe('COMPLIANCE');
      if (jobIds.has(id)) expect(env.DEPARTMENT_ID, id).toBe('krd');
      else expect(env.DEPARTMENT_ID, id).toBeUndefined();
      // The runtime sets AWS_REGION itself and refuses a function that sets it.
      expect(env.AWS_REGION, id).toBeUndefined();
    }
  });
});

describe('least privilege', () => {
  /** The statements of the policies attached to a function's role. */
  function statementsOf(fn: { role?: { node: { defaultChild?: unknown } } }): Json[] {
    const roleId = s.stack.getLogicalId(fn.role!.node.defaultChild as CfnFunction);
    return s
      .ofType('AWS::IAM::Policy')
      .filter(([, p]) => (p.Properties.Roles as Json[]).some((r) => r.Ref === roleId))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[]);
  }
  const actionsOf = (statements: Json[]) => statements.flatMap((st) => [st.Action].flat() as string[]);

  it('should allow no Scan, no stream reads and no wildcard action to anyone', () => {
    const all = s.ofType('AWS::IAM::Policy').flatMap(([, p]) => actionsOf(p.Properties.PolicyDocument.Statement));
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain('dynamodb:Scan');
    expect(all.filter((a) => a.startsWith('dynamodb:') && /Records|Shard|Stream/.test(a))).toEqual([]);
    expect(all.filter((a) => a === '*' || a.endsWith(':*'))).toEqual([]);
  });

  it('should grant each function what infra/access.ts says and nothing more', () => {
    const functions = [
      ...[...s.stack.api.functions].map(([name, fn]) => ({ name, fn, access: areaAccess(name) })),
      ...[...s.stack.jobs.functions].map(([name, fn]) => ({ name, fn, access: JOB_ACCESS[name]! })),
    ];
    for (const { name, fn, access } of functions) {
      const actions = actionsOf(statementsOf(fn));
      const dynamo = actions.filter((a) => a.startsWith('dynamodb:'));
      if (access.table === 'none') expect(dynamo, name).toEqual([]);
      if (access.table !== 'none') expect(dynamo, name).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem']));
      if (access.table === 'read') expect(dynamo.filter((a) => /Put|Update|Delete|Write/.test(a)), name).toEqual([]);
      if (access.table === 'readWrite') expect(dynamo, name).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem']));
      expect(actions.includes('secretsmanager:GetSecretValue'), name).toBe(access.sessionKey);
      expect(actions.includes('s3:PutObject'), name).toBe(access.reports === 'write' || access.reports === 'readWrite');
      expect(actions.includes('s3:GetObject'), name).toBe(access.reports === 'read' || access.reports === 'readWrite');
      expect(actions.includes('s3:PutObjectLegalHold'), name).toBe(access.legalHold === true);
      expect(actions.filter((a) => a.startsWith('s3:Delete')), name).toEqual([]);
    }
  });

  it('should let the archive write with retention and legal hold, but never delete, bypass or shorten a lock (issue 14)', () => {
    const all = s.ofType('AWS::IAM::Policy').flatMap(([, p]) => actionsOf(p.Properties.PolicyDocument.Statement));
    // Nobody may delete an object or a version, get past a GOVERNANCE lock, or change the bucket's lock.
    expect(all.filter((a) => /^s3:(Delete|BypassGovernanceRetention|PutBucketObjectLockConfiguration|PutLifecycleConfiguration)/.test(a))).toEqual([]);
    const archive = actionsOf(statementsOf(s.stack.api.functions.get('archive')!)).filter((a) => a.startsWith('s3:'));
    expect(archive.sort()).toEqual(['s3:GetObject', 's3:PutObjectLegalHold']);
    const approval = actionsOf(statementsOf(s.stack.api.functions.get('archive-pdf')!)).filter((a) => a.startsWith('s3:'));
    expect(approval.sort()).toEqual(['s3:GetObject', 's3:PutObject', 's3:PutObjectLegalHold', 's3:PutObjectRetention']);
  });

  it('should let the functions that verify sessions read the signing secret, and only that secret', () => {
    const secretId = s.one('AWS::SecretsManager::Secret')[0];
    const [, secret] = s.one('AWS::SecretsManager::Secret');
    expect(secret.Properties.GenerateSecretString.PasswordLength).toBeGreaterThanOrEqual(32);
    const reads = s
      .ofType('AWS::IAM::Policy')
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[])
      .filter((st) => [st.Action].flat().includes('secretsmanager:GetSecretValue'));
    const readers = [
      ...AREAS.filter((area) => areaAccess(area).sessionKey),
      ...jobs.filter((job) => JOB_ACCESS[job.name]!.sessionKey),
    ];
    expect(reads).toHaveLength(readers.length);
    for (const st of reads) expect(st.Resource).toEqual({ Ref: secretId });
  });
});

describe('the report bucket', () => {
  const reportBucket = (t: Synth) => t.one('AWS::S3::Bucket', (b) => b.Properties.ObjectLockEnabled === true);

  it('should be versioned, encrypted, private and TLS-only', () => {
    const [id, bucket] = reportBucket(s);
    const p = bucket.Properties;
    expect(p.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(p.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toMatch(/^(AES256|aws:kms)$/);
    expect(p.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    s.one('AWS::S3::BucketPolicy', SECURE_TRANSPORT_DENY(id));
    expect(bucket.DeletionPolicy).toBe('Retain');
  });

  it('should lock objects in COMPLIANCE mode for 5 years by default', () => {
    const [, bucket] = reportBucket(s);
    expect(bucket.Properties.ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 1827 } },
    });
  });

  it('should lock in GOVERNANCE mode when a dev stack asks for it, and refuse an unknown mode', () => {
    const [, bucket] = reportBucket(synth({ objectLockMode: 'GOVERNANCE' }));
    expect(bucket.Properties.ObjectLockConfiguration.Rule.DefaultRetention).toEqual({ Mode: 'GOVERNANCE', Days: 1827 });
    expect(() => synth({ objectLockMode: 'NONE' })).toThrow(/objectLockMode/);
  });

  it('should expire journals after 1827 days and summary sheets after 9132 days, and clean up old versions', () => {
    const [, bucket] = reportBucket(s);
    const rules = bucket.Properties.LifecycleConfiguration.Rules as Json[];
    const prefixOf = (r: Json): string | undefined => r.Prefix ?? r.Filter?.Prefix;
    const journals = rules.filter((r) => prefixOf(r) === 'journals/');
    const sheets = rules.filter((r) => prefixOf(r) === 'summary-sheets/');
    expect(journals).toHaveLength(1);
    expect(sheets).toHaveLength(1);
    expect(journals[0]).toMatchObject({ Status: 'Enabled', ExpirationInDays: 1827 });
    expect(sheets[0]).toMatchObject({ Status: 'Enabled', ExpirationInDays: 9132 });
    // Noncurrent versions of every key, whatever its prefix.
    const cleanUp = rules.filter((r) => r.NoncurrentVersionExpiration && prefixOf(r) === undefined && r.Status === 'Enabled');
    expect(cleanUp).toHaveLength(1);
    expect(cleanUp[0]!.NoncurrentVersionExpiration.NoncurrentDays).toBeGreaterThan(0);
  });
});

describe('the web app', () => {
  it('should keep the web bucket private, read by CloudFront through origin access control', () => {
    const bucketId = s.logicalId(s.stack.web.bucket);
    const bucket = s.all[bucketId]!;
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.WebsiteConfiguration).toBeUndefined();
    s.one('AWS::S3::BucketPolicy', SECURE_TRANSPORT_DENY(bucketId));
    const [, policy] = s.one('AWS::S3::BucketPolicy', (r) => r.Properties.Bucket?.Ref === bucketId);
    const allows = (policy.Properties.PolicyDocument.Statement as Json[]).filter((st) => st.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    expect(allows[0]!.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
    expect(allows[0]!.Action).toBe('s3:GetObject');
    expect(allows[0]!.Condition.StringEquals['AWS:SourceArn']).toBeDefined();

    s.one('AWS::CloudFront::OriginAccessControl', (r) => r.Properties.OriginAccessControlConfig.OriginAccessControlOriginType === 's3');
    const [, dist] = s.one('AWS::CloudFront::Distribution');
    const c = dist.Properties.DistributionConfig;
    const s3Origin = (c.Origins as Json[]).find((o) => o.Id === c.DefaultCacheBehavior.TargetOriginId)!;
    expect(s3Origin.DomainName).toEqual({ 'Fn::GetAtt': [bucketId, 'RegionalDomainName'] });
    expect(s3Origin.OriginAccessControlId).toBeDefined();
    expect(c.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  it('should send /api/* to the HTTP API uncached, with every method, cookies and headers', () => {
    const [apiId] = s.one('AWS::ApiGatewayV2::Api');
    const [, dist] = s.one('AWS::CloudFront::Distribution');
    const c = dist.Properties.DistributionConfig;
    const api = (c.CacheBehaviors as Json[]).filter((b) => b.PathPattern === '/api/*');
    expect(api).toHaveLength(1);
    const b = api[0]!;
    expect([...b.AllowedMethods].sort()).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
    // AWS managed "CachingDisabled".
    expect(b.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    // AWS managed "AllViewerExceptHostHeader": every viewer header (X-CSRF-Token among them), all
    // cookies and query strings, but not Host, which API Gateway needs to be its own.
    expect(b.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
    expect(b.ViewerProtocolPolicy).toBe('https-only');
    const origin = (c.Origins as Json[]).find((o) => o.Id === b.TargetOriginId)!;
    expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    expect(JSON.stringify(origin.DomainName)).toContain(`{"Ref":"${apiId}"}`);
    expect(JSON.stringify(origin.DomainName)).toContain('.execute-api.');
  });

  describe('deployment of web/build', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'zhurnal-web-'));
      mkdirSync(join(dir, '_app', 'immutable'), { recursive: true });
      writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Журнал</title>');
      writeFileSync(join(dir, '_app', 'immutable', 'app.abc123.js'), 'export {};');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('should deploy nothing when there is no web build', () => {
      expect(s.template.findResources('Custom::CDKBucketDeployment')).toEqual({});
    });

    it('should deploy the build into the web bucket and invalidate CloudFront when there is one', () => {
      const t = synth({}, { webBuildDir: dir });
      const bucketId = t.logicalId(t.stack.web.bucket);
      const deployments = t.ofType('Custom::CDKBucketDeployment');
      expect(deployments).toHaveLength(2);
      for (const [, d] of deployments) expect(d.Properties.DestinationBucketName).toEqual({ Ref: bucketId });
      const [distId] = t.one('AWS::CloudFront::Distribution');
      expect(deployments.filter(([, d]) => d.Properties.DistributionId?.Ref === distId)).toHaveLength(1);
    });
  });
});

describe('the scheduled jobs', () => {
  it('should have one schedule per job, in Moscow time, with an explicit retry policy, invoking the job function', () => {
    const schedules = s.ofType('AWS::Scheduler::Schedule');
    expect(jobs.length).toBeGreaterThan(0);
    expect(schedules).toHaveLength(jobs.length);
    for (const job of jobs) {
      const fn = s.stack.jobs.functions.get(job.name)!;
      const [, sch] = s.one(
        'AWS::Scheduler::Schedule',
        (r) => r.Properties.Target.Arn?.['Fn::GetAtt']?.[0] === s.logicalId(fn),
      );
      const p = sch.Properties;
      expect(p.ScheduleExpression, job.name).toBe(job.schedule);
      expect(p.ScheduleExpressionTimezone, job.name).toBe('Europe/Moscow');
      expect(p.State, job.name).toBe('ENABLED');
      expect(p.FlexibleTimeWindow, job.name).toEqual({ Mode: 'OFF' });
      // Not the default of 185 retries over 24 hours (toolchain trap 5).
      expect(p.Target.RetryPolicy, job.name).toEqual({ MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 });
      expect(p.Target.DeadLetterConfig.Arn['Fn::GetAtt'][1], job.name).toBe('Arn');
    }
  });

  it('should close periods daily at 00:20 in the schools\' zone, with a function that may store with retention but never delete (R-40)', () => {
    const fn = s.stack.jobs.functions.get('close-period')!;
    const [, sch] = s.one('AWS::Scheduler::Schedule', (r) => r.Properties.Target.Arn?.['Fn::GetAtt']?.[0] === s.logicalId(fn));
    expect(sch.Properties).toMatchObject({ ScheduleExpression: 'cron(20 0 * * ? *)', ScheduleExpressionTimezone: 'Europe/Moscow', State: 'ENABLED' });
    const roleId = s.stack.getLogicalId(fn.role!.node.defaultChild as CfnFunction);
    const actions = s
      .ofType('AWS::IAM::Policy')
      .filter(([, p]) => (p.Properties.Roles as Json[]).some((r) => r.Ref === roleId))
      .flatMap(([, p]) => (p.Properties.PolicyDocument.Statement as Json[]).flatMap((st) => [st.Action].flat() as string[]));
    expect(actions.filter((a) => a.startsWith('s3:')).sort()).toEqual(['s3:PutObject', 's3:PutObjectRetention']);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:UpdateItem']));
  });

  it('should synthesise as an environment-agnostic stack too (no region given)', () => {
    const { app, stack } = journalApp({}, {}, { agnostic: true });
    expect(Stack.of(stack).region).toMatch(/^\$\{Token/);
    expect(() => app.synth()).not.toThrow();
  });
});
