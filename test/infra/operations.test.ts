/**
 * Operating the stack (issue 15): alarms to an SNS topic, the dashboard, stage throttling and the
 * access logs of the API, CloudFront and both buckets, asserted on the synthesised template.
 */
import { App, type CfnResource } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobs, routeKey, routes } from '../../functions/routes';
import { ACCESS_LOG_FORMAT, PASSWORD_ROUTE_THROTTLE, STAGE_THROTTLE } from '../../infra/api';
import { EdgeStack, SIGN_IN_REQUESTS_PER_5_MINUTES } from '../../infra/edge';
import { ALARM_THRESHOLDS, jobIntervalHours } from '../../infra/monitoring';
import { ACCESS_LOG_DAYS } from '../../infra/storage';
import { METRIC, METRICS_NAMESPACE, PASSWORD_HANDLERS } from '../../shared/ops/metrics';
import { synth, type Json, type Resource, type Synth } from './synth';

let s: Synth;
beforeAll(() => {
  s = synth({ alarmEmail: 'oncall@school.example' });
}, 60_000);

const alarms = (t: Synth) => new Map(t.ofType('AWS::CloudWatch::Alarm').map(([id, r]) => [r.Properties.AlarmName as string, { id, p: r.Properties }]));
const alarm = (t: Synth, name: string) => {
  const found = alarms(t).get(`ZhurnalTest-${name}`);
  expect(found, `alarm ${name}`).toBeDefined();
  return found!.p;
};
/** An alarm's single metric, however CDK rendered it (flat, or as a labelled metric stat). */
const metricOf = (p: Json): Json => {
  const stats = ((p.Metrics ?? []) as Json[]).filter((m) => m.MetricStat);
  if (stats.length === 1 && !(p.Metrics as Json[]).some((m) => m.Expression)) {
    const { Metric, Period, Stat } = stats[0]!.MetricStat;
    return { ...Metric, Period, Stat };
  }
  expect(p.Metrics, 'a single-metric alarm').toBeUndefined();
  return { Namespace: p.Namespace, MetricName: p.MetricName, Dimensions: p.Dimensions, Period: p.Period, Stat: p.ExtendedStatistic ?? p.Statistic };
};
/** The metrics of a math-expression alarm. */
const metricsOf = (p: Json) => ((p.Metrics ?? []) as Json[]).filter((m) => m.MetricStat).map((m) => m.MetricStat.Metric as Json);

describe('the alarm topic', () => {
  it('should send to the e-mail address given as context, over TLS only', () => {
    const [topicId] = s.one('AWS::SNS::Topic');
    const [, sub] = s.one('AWS::SNS::Subscription');
    expect(sub.Properties).toMatchObject({ Protocol: 'email', Endpoint: 'oncall@school.example', TopicArn: { Ref: topicId } });
    const [, policy] = s.one('AWS::SNS::TopicPolicy');
    const deny = (policy.Properties.PolicyDocument.Statement as Json[]).find((st) => st.Effect === 'Deny');
    expect(deny?.Condition?.Bool?.['aws:SecureTransport']).toBe('false');
  });

  it('should have no subscription without an address, and refuse one that is not an address', () => {
    const t = synth();
    t.one('AWS::SNS::Topic');
    expect(t.ofType('AWS::SNS::Subscription')).toEqual([]);
    expect(() => synth({ alarmEmail: 'oncall' })).toThrow(/alarmEmail/);
  });

  it('should be the action of every alarm, on alarm and on recovery', () => {
    const [topicId] = s.one('AWS::SNS::Topic');
    const all = s.ofType('AWS::CloudWatch::Alarm');
    expect(all.length).toBeGreaterThan(0);
    for (const [id, a] of all) {
      expect(a.Properties.AlarmActions, id).toEqual([{ Ref: topicId }]);
      expect(a.Properties.OKActions, id).toEqual([{ Ref: topicId }]);
      expect(a.Properties.AlarmDescription, id).toMatch(/Runbook/);
    }
  });
});

describe('the alarms', () => {
  it('should watch the API 5xx rate, ignoring quiet periods', () => {
    const p = alarm(s, 'Api5xxRate');
    const expression = (p.Metrics as Json[]).find((m) => m.Expression)!;
    expect(expression.Expression).toMatch(/IF\(requests >= 20, 100 \* FILL\(errors, 0\) \/ requests, 0\)/);
    const names = metricsOf(p).map((m) => m.MetricName).sort();
    expect(names).toEqual(['5xx', 'Count']);
    for (const m of metricsOf(p)) expect(m.Namespace).toBe('AWS/ApiGateway');
    expect(p.Threshold).toBe(ALARM_THRESHOLDS.api5xxPercent);
    expect(p).toMatchObject({ EvaluationPeriods: 3, DatapointsToAlarm: 2, TreatMissingData: 'notBreaching' });
  });

  it('should watch the API p99 latency', () => {
    const p = alarm(s, 'ApiP99Latency');
    expect(p.Threshold).toBe(ALARM_THRESHOLDS.apiP99Ms);
    expect(p.EvaluationPeriods).toBe(3);
    expect(metricOf(p)).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: 'Latency', Stat: 'p99', Period: 300 });
    expect(metricOf(p).Dimensions).toEqual([{ Name: 'ApiId', Value: { Ref: s.logicalId(s.stack.api.httpApi) } }]);
  });

  it('should watch errors and throttles of every function, API areas and jobs', () => {
    const functions = [...s.stack.api.functions, ...s.stack.jobs.functions];
    expect(functions.length).toBeGreaterThan(1);
    for (const [name, fn] of functions) {
      for (const [kind, metric] of [['Errors', 'Errors'], ['Throttles', 'Throttles']] as const) {
        const p = alarm(s, `${kind}-${name}`);
        expect(p, name).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
        expect(metricOf(p), name).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: metric, Stat: 'Sum' });
        expect(metricOf(p).Dimensions, name).toEqual([{ Name: 'FunctionName', Value: { Ref: s.logicalId(fn) } }]);
      }
    }
  });

  it('should watch refused sign-ins and activations, the product metric the functions emit', () => {
    const p = alarm(s, 'SignInFailures');
    expect(metricOf(p)).toMatchObject({ Namespace: METRICS_NAMESPACE, MetricName: METRIC.signInFailures, Stat: 'Sum', Period: 300 });
    // The dimensions the functions write (shared/ops/telemetry.ts: `service` = the stack's name).
    expect(metricOf(p).Dimensions).toEqual([{ Name: 'service', Value: 'ZhurnalTest' }]);
    expect(p).toMatchObject({
      Threshold: ALARM_THRESHOLDS.signInFailures,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 2,
      TreatMissingData: 'notBreaching',
    });
    expect(p.AlarmDescription).toMatch(/Runbook: README.md, "Runbook", alarm SignInFailures/);
  });

  it('should fire when the job dead-letter queue is not empty', () => {
    const p = alarm(s, 'JobDeadLetters');
    expect(p.Threshold).toBe(1);
    expect(metricOf(p)).toMatchObject({ Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Stat: 'Maximum' });
    expect(metricOf(p).Dimensions[0].Value).toEqual({ 'Fn::GetAtt': [s.logicalId(s.stack.jobs.deadLetters), 'QueueName'] });
  });

  it('should sum DynamoDB throttled requests and system errors over every operation, each filled with 0', () => {
    for (const [name, metricName] of [['TableThrottles', 'ThrottledRequests'], ['TableSystemErrors', 'SystemErrors']] as const) {
      const p = alarm(s, name);
      const metrics = metricsOf(p);
      expect(metrics.length, name).toBeGreaterThanOrEqual(5);
      const operations = metrics.map((m) => (m.Dimensions as Json[]).find((d) => d.Name === 'Operation')!.Value);
      expect(operations, name).toEqual(expect.arrayContaining(['GetItem', 'Query', 'TransactWriteItems', 'BatchGetItem', 'UpdateItem']));
      for (const m of metrics) {
        expect(m).toMatchObject({ Namespace: 'AWS/DynamoDB', MetricName: metricName });
        expect((m.Dimensions as Json[]).find((d) => d.Name === 'TableName')!.Value).toEqual({ Ref: s.logicalId(s.stack.table) });
      }
      const expression = (p.Metrics as Json[]).find((m) => m.Expression)!.Expression as string;
      expect(expression.match(/FILL\(\w+, 0\)/g), name).toHaveLength(metrics.length);
      expect(p.Threshold).toBe(1);
    }
  });

  it('should fire when a scheduled job has not started within its interval and two hours', () => {
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) {
      const p = alarm(s, `JobDidNotRun-${job.name}`);
      const hours = Math.ceil(jobIntervalHours(job.schedule)) + 2;
      expect(metricOf(p), job.name).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: 'Invocations', Stat: 'Sum', Period: 3600 });
      expect(p, job.name).toMatchObject({
        EvaluationPeriods: hours,
        Threshold: 1,
        ComparisonOperator: 'LessThanThreshold',
        // A job that never ran has no data at all.
        TreatMissingData: 'breaching',
      });
      expect(metricOf(p).Dimensions, job.name).toEqual([{ Name: 'FunctionName', Value: { Ref: s.logicalId(s.stack.jobs.functions.get(job.name)!) } }]);
    }
  });

  it('should read the intervals of the schedule forms it knows, and refuse others', () => {
    expect(jobIntervalHours('cron(15 0 * * ? *)')).toBe(24);
    expect(jobIntervalHours('rate(6 hours)')).toBe(6);
    expect(jobIntervalHours('rate(2 days)')).toBe(48);
    expect(jobIntervalHours('rate(30 minutes)')).toBe(0.5);
    expect(() => jobIntervalHours('cron(0 8 ? * MON-FRI *)')).toThrow(/jobIntervalHours/);
  });
});

describe('the dashboard', () => {
  it('should be one, showing every alarm and the product metrics', () => {
    const [, dashboard] = s.one('AWS::CloudWatch::Dashboard');
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    const all = s.ofType('AWS::CloudWatch::Alarm');
    for (const [id] of all) expect(body, id).toContain(`"${id}","Arn"`);
    for (const name of ['MarksSaved', 'LockRefusals', 'Conflicts', 'SignInFailures', 'SignInThrottled', 'JobRuns', 'JobDuration']) {
      expect(body, name).toContain(name);
    }
    // The sign-in graph draws the alarm's threshold, so a rising line is read against it.
    expect(body).toContain(`{\\"value\\":${ALARM_THRESHOLDS.signInFailures},\\"label\\":\\"SignInFailures alarm\\"`);
  });
});

describe('the API stage', () => {
  const stage = (t: Synth): Resource => t.one('AWS::ApiGatewayV2::Stage')[1];

  it('should throttle every route, and sign-in and activation tighter', () => {
    const p = stage(s).Properties;
    expect(p.StageName).toBe('$default');
    expect(p.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: STAGE_THROTTLE.rateLimit, ThrottlingBurstLimit: STAGE_THROTTLE.burstLimit });
    const passwordRoutes = routes.filter((r) => PASSWORD_HANDLERS.includes(r.handler)).map(routeKey);
    expect(passwordRoutes.sort()).toEqual(['POST /api/auth/activate', 'POST /api/auth/sign-in']);
    expect(Object.keys(p.RouteSettings).sort()).toEqual(passwordRoutes);
    for (const key of passwordRoutes) {
      expect(p.RouteSettings[key]).toEqual({ ThrottlingRateLimit: PASSWORD_ROUTE_THROTTLE.rateLimit, ThrottlingBurstLimit: PASSWORD_ROUTE_THROTTLE.burstLimit });
    }
    expect(PASSWORD_ROUTE_THROTTLE.rateLimit).toBeLessThan(STAGE_THROTTLE.rateLimit);
    // Route settings name routes that must exist first.
    const routeIds = s.ofType('AWS::ApiGatewayV2::Route').filter(([, r]) => passwordRoutes.includes(r.Properties.RouteKey)).map(([id]) => id);
    expect(routeIds).toHaveLength(2);
    // They live in the routes' nested stack (infra/api.ts), which the stage waits for.
    const routesStack = s.stack.api.routes;
    expect(Object.keys(Template.fromStack(routesStack).findResources('AWS::ApiGatewayV2::Route'))).toEqual(expect.arrayContaining(routeIds));
    expect(stage(s).DependsOn).toContain(s.stack.getLogicalId(routesStack.nestedStackResource as CfnResource));
  });

  it('should write a JSON access log line per request, with the request id, to a log group kept 90 days', () => {
    const p = stage(s).Properties;
    const logGroupId = s.logicalId(s.stack.api.accessLogs);
    expect(p.AccessLogSettings.DestinationArn).toEqual({ 'Fn::GetAtt': [logGroupId, 'Arn'] });
    const format = JSON.parse(p.AccessLogSettings.Format);
    expect(format).toEqual(ACCESS_LOG_FORMAT);
    expect(format.requestId).toBe('$context.requestId');
    expect(format.status).toBe('$context.status');
    expect(s.all[logGroupId]!.Properties.RetentionInDays).toBe(90);
  });
});

describe('access logs of CloudFront and the buckets', () => {
  it('should log CloudFront and both buckets into the access-log bucket, which forgets after 90 days', () => {
    const logsId = s.logicalId(s.stack.accessLogs);
    const logs = s.all[logsId]!.Properties;
    expect(logs.LifecycleConfiguration.Rules).toEqual([expect.objectContaining({ ExpirationInDays: ACCESS_LOG_DAYS, Status: 'Enabled' })]);
    // CloudFront's standard logs are written with an ACL.
    expect(logs.OwnershipControls.Rules[0].ObjectOwnership).toBe('BucketOwnerPreferred');
    expect(logs.PublicAccessBlockConfiguration.BlockPublicAcls).toBe(true);
    const [, dist] = s.one('AWS::CloudFront::Distribution');
    expect(dist.Properties.DistributionConfig.Logging.Bucket).toEqual({ 'Fn::GetAtt': [logsId, 'RegionalDomainName'] });
    for (const bucket of [s.stack.web.bucket, s.stack.reports]) {
      expect(s.all[s.logicalId(bucket)]!.Properties.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: logsId });
    }
  });
});

describe('the site name, TLS and the WAF', () => {
  const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666';
  const webAclArn = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/ZhurnalSignIn/0a1b2c3d-1111-2222-3333-444455556666';

  it('should serve its own name with TLS 1.2 at least, behind the given web ACL', () => {
    const t = synth({ domainName: 'journal.school.example', certificateArn, webAclArn });
    const c = t.one('AWS::CloudFront::Distribution')[1].Properties.DistributionConfig;
    expect(c.Aliases).toEqual(['journal.school.example']);
    expect(c.ViewerCertificate).toMatchObject({ AcmCertificateArn: certificateArn, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
    expect(c.WebACLId).toBe(webAclArn);
    // The activation-code sheets print this address.
    for (const [id, fn] of t.ofType('AWS::Lambda::Function')) expect(fn.Properties.Environment?.Variables?.SITE_URL, id).toBe('https://journal.school.example');
  });

  it('should refuse a name without its certificate, and a certificate outside us-east-1', () => {
    expect(() => synth({ domainName: 'journal.school.example' })).toThrow(/certificateArn/);
    expect(() => synth({ domainName: 'journal.school.example', certificateArn: certificateArn.replace('us-east-1', 'eu-central-1') })).toThrow(/us-east-1/);
  });
});

describe('the runbook levers', () => {
  it('should switch every function, grant and alarm to a restored table given as context, and drop its own', () => {
    const t = synth({ tableName: 'zhurnal-restored-20261129' });
    expect(t.ofType('AWS::DynamoDB::Table')).toEqual([]);
    for (const [id, fn] of t.ofType('AWS::Lambda::Function')) expect(fn.Properties.Environment.Variables.TABLE_NAME, id).toBe('zhurnal-restored-20261129');
    const resources = JSON.stringify(t.ofType('AWS::IAM::Policy').map(([, p]) => p.Properties.PolicyDocument));
    expect(resources).toContain(':table/zhurnal-restored-20261129"');
    expect(resources).toContain(':table/zhurnal-restored-20261129/index/*"');
    const throttles = alarm(t, 'TableThrottles');
    for (const m of metricsOf(throttles)) expect((m.Dimensions as Json[]).find((d) => d.Name === 'TableName')!.Value).toBe('zhurnal-restored-20261129');
    expect(() => synth({ tableName: 'a b' })).toThrow(/tableName/);
  });

  it('should name in its outputs what the runbook uses: the secret, the dead-letter queue, each job function, the logs', () => {
    const outputs = s.template.toJSON().Outputs as Json;
    expect(outputs.SessionSigningKeyArn.Value).toEqual({ Ref: s.logicalId(s.stack.sessionKey) });
    expect(outputs.JobDeadLetterQueueUrl.Value).toEqual({ Ref: s.logicalId(s.stack.jobs.deadLetters) });
    expect(outputs.JobExpireAccessFunction.Value).toEqual({ Ref: s.logicalId(s.stack.jobs.functions.get('expire-access')!) });
    expect(outputs.ApiAccessLogGroup.Value).toEqual({ Ref: s.logicalId(s.stack.api.accessLogs) });
    expect(outputs.AlarmTopicArn.Value).toEqual({ Ref: s.logicalId(s.stack.monitoring.topic) });
  });

  it('should hand every function the session key version, so changing it restarts them all', () => {
    const version = (t: Synth) => new Set(t.ofType('AWS::Lambda::Function').map(([, fn]) => fn.Properties.Environment.Variables.SESSION_KEY_VERSION));
    expect(version(s)).toEqual(new Set(['1']));
    expect(version(synth({ sessionKeyVersion: '2026-11-29' }))).toEqual(new Set(['2026-11-29']));
  });
});

describe('the optional WAF stack', () => {
  it('should rate-limit each address on the sign-in and activation paths only, in us-east-1 for CloudFront', () => {
    const stack = new EdgeStack(new App(), 'ZhurnalEdge');
    expect(stack.region).toBe('us-east-1');
    const acls = Object.values(Template.fromStack(stack).findResources('AWS::WAFv2::WebACL')) as Resource[];
    expect(acls).toHaveLength(1);
    const p = acls[0]!.Properties;
    expect(p.Scope).toBe('CLOUDFRONT');
    expect(p.DefaultAction).toEqual({ Allow: {} });
    expect(p.Rules).toHaveLength(1);
    const rule = p.Rules[0];
    expect(rule.Action).toEqual({ Block: {} });
    const rate = rule.Statement.RateBasedStatement;
    expect(rate).toMatchObject({ AggregateKeyType: 'IP', Limit: SIGN_IN_REQUESTS_PER_5_MINUTES, EvaluationWindowSec: 300 });
    const paths = (rate.ScopeDownStatement.OrStatement.Statements as Json[]).map((st) => st.ByteMatchStatement.SearchString).sort();
    const expected = routes.filter((r) => PASSWORD_HANDLERS.includes(r.handler)).map((r) => r.path).sort();
    expect(paths).toEqual(expected);
    expect(paths).toEqual(['/api/auth/activate', '/api/auth/sign-in']);
  });
});
