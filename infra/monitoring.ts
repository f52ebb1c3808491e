/**
 * What the one person on call is told, and what they look at: alarms to an SNS topic (its e-mail
 * address is the `alarmEmail` context) and one CloudWatch dashboard. Each alarm's description says
 * where the README's runbook covers it.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { jobs as jobSpecs } from '../functions/routes';
import { METRIC, METRICS_NAMESPACE } from '../shared/ops/metrics';

/** The thresholds, named so the runbook and the tests read the same numbers. */
export const ALARM_THRESHOLDS = {
  /** Per cent of API requests answered 5xx, in 2 of 3 five-minute periods with 20+ requests. */
  api5xxPercent: 1,
  /** API p99 latency, in 3 consecutive five-minute periods. */
  apiP99Ms: 2500,
  /**
   * Refused sign-ins and activations (wrong password or code, disabled account) per five minutes,
   * in 2 consecutive periods. A school's morning brings a few typos a minute; a hundred refusals in
   * five minutes, twice over, is a password-guessing run spread over many logins or addresses (the
   * per-login and per-address throttle answers 429 and is counted apart), or people locked out
   * together (a wave of expired codes, a broken sign-in page).
   */
  signInFailures: 100,
} as const;

/** Every table operation the code uses (shared/db, shared/repos); one metric each, summed. */
const TABLE_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.BATCH_WRITE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
  Operation.TRANSACT_GET_ITEMS,
];

const FIVE_MINUTES = Duration.minutes(5);

/**
 * Hours between two runs of a job's schedule. Only the forms the manifest uses are understood, so a
 * new kind of schedule stops the synth here instead of getting a "did not run" alarm that is wrong.
 */
export function jobIntervalHours(schedule: string): number {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(schedule);
  if (rate) {
    const n = Number(rate[1]);
    const unit = rate[2]!;
    return unit.startsWith('minute') ? n / 60 : unit.startsWith('hour') ? n : n * 24;
  }
  // cron(minute hour day-of-month month day-of-week year): a fixed time every day.
  if (/^cron\(\d{1,2} \d{1,2} \* \* \? \*\)$/.test(schedule)) return 24;
  throw new Error(`infra/monitoring.ts: cannot tell how often "${schedule}" runs; teach jobIntervalHours this form`);
}

export interface MonitoringProps {
  api: HttpApi;
  apiFunctions: Map<string, NodejsFunction>;
  jobFunctions: Map<string, NodejsFunction>;
  deadLetters: Queue;
  table: ITable;
  alarmEmail?: string;
}

export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;
  private readonly prefix: string;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.prefix = stack.stackName;
    this.topic = new Topic(this, 'AlarmTopic', { displayName: `${this.prefix}: alarms`, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    const { api } = props;
    const requests = api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum', label: 'requests' });
    const serverErrors = api.metricServerError({ period: FIVE_MINUTES, label: '5xx' });
    const clientErrors = api.metricClientError({ period: FIVE_MINUTES, label: '4xx' });
    const p99 = api.metricLatency({ period: FIVE_MINUTES, statistic: 'p99', label: 'p99' });
    const p50 = api.metricLatency({ period: FIVE_MINUTES, statistic: 'p50', label: 'p50' });
    // Below 20 requests a single error is not a rate worth waking anyone for.
    const errorRate = new MathExpression({
      expression: 'IF(requests >= 20, 100 * FILL(errors, 0) / requests, 0)',
      usingMetrics: { requests, errors: serverErrors },
      period: FIVE_MINUTES,
      label: '5xx, % of requests',
    });
    this.alarm('Api5xxRate', errorRate, {
      threshold: ALARM_THRESHOLDS.api5xxPercent,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      description: `More than ${ALARM_THRESHOLDS.api5xxPercent}% of API requests failed with a server error.`,
    });
    this.alarm('ApiP99Latency', p99, {
      threshold: ALARM_THRESHOLDS.apiP99Ms,
      evaluationPeriods: 3,
      description: `API p99 latency above ${ALARM_THRESHOLDS.apiP99Ms} ms for 15 minutes.`,
    });

    const functions = [...props.apiFunctions, ...props.jobFunctions];
    for (const [name, fn] of functions) {
      this.alarm(`Errors-${name}`, fn.metricErrors({ period: FIVE_MINUTES }), {
        threshold: 1,
        description: `Function "${name}" failed: a crash, a timeout or running out of memory (an answered 5xx is not counted here).`,
      });
      this.alarm(`Throttles-${name}`, fn.metricThrottles({ period: FIVE_MINUTES }), {
        threshold: 1,
        description: `Function "${name}" was throttled: the account's Lambda concurrency is exhausted.`,
      });
    }

    const dlqDepth = props.deadLetters.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' });
    this.alarm('JobDeadLetters', dlqDepth, {
      threshold: 1,
      description: 'A scheduled job run was given up on and is waiting in the dead-letter queue.',
    });

    const tableThrottles = this.sumOverOperations(props.table, 'ThrottledRequests', 'throttled', 'throttled requests');
    const tableErrors = this.sumOverOperations(props.table, 'SystemErrors', 'errors', 'system errors');
    this.alarm('TableThrottles', tableThrottles, { threshold: 1, description: 'DynamoDB throttled requests to the journal table.' });
    this.alarm('TableSystemErrors', tableErrors, { threshold: 1, description: 'DynamoDB answered requests to the journal table with a 500.' });

    this.alarm('SignInFailures', this.productMetric(METRIC.signInFailures), {
      threshold: ALARM_THRESHOLDS.signInFailures,
      evaluationPeriods: 2,
      description: `More than ${ALARM_THRESHOLDS.signInFailures} sign-ins or activations refused in each of two five-minute periods.`,
    });

    const specs = new Map(jobSpecs.map((j) => [j.name, j]));
    const jobInvocations: IMetric[] = [];
    for (const [name, fn] of props.jobFunctions) {
      const spec = specs.get(name);
      if (!spec) throw new Error(`infra/monitoring.ts: job function "${name}" has no manifest entry`);
      // Hourly buckets, alarmed when every one of the interval plus two hours of slack is empty.
      // Missing data is breaching: a job that never ran has no data at all.
      const hours = Math.ceil(jobIntervalHours(spec.schedule)) + 2;
      const invocations = fn.metricInvocations({ period: Duration.hours(1), label: name });
      jobInvocations.push(invocations);
      this.alarm(`JobDidNotRun-${name}`, invocations, {
        threshold: 1,
        comparison: ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: hours,
        missing: TreatMissingData.BREACHING,
        description: `Job "${name}" (${spec.schedule}) has not started for ${hours} hours.`,
      });
    }

    this.dashboard = this.buildDashboard({
      requests,
      clientErrors,
      serverErrors,
      errorRate,
      p50,
      p99,
      functions,
      dlqDepth,
      tableThrottles,
      tableErrors,
      table: props.table,
      jobInvocations,
      jobNames: [...props.jobFunctions.keys()],
    });
  }

  /** One of the product's own metrics (shared/ops/metrics.ts), summed by default; per job if named. */
  private productMetric(name: string, statistic = 'Sum', job?: string): Metric {
    return new Metric({
      namespace: METRICS_NAMESPACE,
      metricName: name,
      dimensionsMap: job ? { service: this.prefix, job } : { service: this.prefix },
      statistic,
      period: FIVE_MINUTES,
      label: job ? `${name} ${job}` : name,
    });
  }

  private alarm(
    id: string,
    metric: IMetric,
    o: {
      threshold: number;
      description: string;
      evaluationPeriods?: number;
      datapointsToAlarm?: number;
      comparison?: ComparisonOperator;
      missing?: TreatMissingData;
    },
  ): Alarm {
    const alarm = new Alarm(this, id, {
      alarmName: `${this.prefix}-${id}`,
      alarmDescription: `${o.description} Runbook: README.md, "Runbook", alarm ${id.replace(/-.*$/, '')}.`,
      metric,
      threshold: o.threshold,
      comparisonOperator: o.comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: o.evaluationPeriods ?? 1,
      datapointsToAlarm: o.datapointsToAlarm,
      treatMissingData: o.missing ?? TreatMissingData.NOT_BREACHING,
    });
    const action = new SnsAction(this.topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    this.alarms.push(alarm);
    return alarm;
  }

  /**
   * DynamoDB reports throttles and system errors per operation. CDK's own sum adds the series as
   * they are, and a period with data for one operation but none for another then sums to nothing:
   * each is filled with 0 first. Ids start with `idPrefix`: a graph may hold both sums.
   */
  private sumOverOperations(table: ITable, metricName: string, idPrefix: string, label: string): MathExpression {
    const usingMetrics: Record<string, IMetric> = {};
    TABLE_OPERATIONS.forEach((operation, i) => {
      usingMetrics[`${idPrefix}${i}`] = table.metric(metricName, {
        dimensionsMap: { TableName: table.tableName, Operation: operation },
        statistic: 'Sum',
        period: FIVE_MINUTES,
      });
    });
    const expression = Object.keys(usingMetrics)
      .map((k) => `FILL(${k}, 0)`)
      .join(' + ');
    return new MathExpression({ expression, usingMetrics, period: FIVE_MINUTES, label });
  }

  private buildDashboard(m: {
    requests: IMetric;
    clientErrors: IMetric;
    serverErrors: IMetric;
    errorRate: IMetric;
    p50: IMetric;
    p99: IMetric;
    functions: [string, NodejsFunction][];
    dlqDepth: IMetric;
    tableThrottles: IMetric;
    tableErrors: IMetric;
    table: ITable;
    jobInvocations: IMetric[];
    jobNames: string[];
  }): Dashboard {
    const app = (name: string, statistic = 'Sum', job?: string) => this.productMetric(name, statistic, job);
    const dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `${this.prefix}-operations` });
    const w = { width: 8, height: 6 };
    dashboard.addWidgets(
      new TextWidget({
        markdown: `# ${this.prefix}\nAlarms go to the SNS topic \`${this.prefix}\` alarms; what each means and what to do: README.md, "Runbook".`,
        width: 24,
        height: 2,
      }),
    );
    dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 6 }));
    dashboard.addWidgets(
      new GraphWidget({ title: 'API requests and errors', left: [m.requests, m.clientErrors, m.serverErrors], right: [m.errorRate], ...w }),
      new GraphWidget({ title: 'API latency (ms)', left: [m.p50, m.p99], ...w }),
      new GraphWidget({
        title: 'Journal: marks saved, locks, conflicts',
        left: [app(METRIC.marksSaved), app(METRIC.lockRefusals), app(METRIC.conflicts)],
        ...w,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({ title: 'Function errors', left: m.functions.map(([name, fn]) => fn.metricErrors({ label: name, period: FIVE_MINUTES })), ...w }),
      new GraphWidget({ title: 'Function throttles', left: m.functions.map(([name, fn]) => fn.metricThrottles({ label: name, period: FIVE_MINUTES })), ...w }),
      new GraphWidget({
        title: 'Function p99 duration (ms)',
        left: m.functions.map(([name, fn]) => fn.metricDuration({ label: name, period: FIVE_MINUTES, statistic: 'p99' })),
        ...w,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'DynamoDB: consumed capacity, throttles, system errors',
        left: [
          m.table.metricConsumedReadCapacityUnits({ period: FIVE_MINUTES, label: 'read units' }),
          m.table.metricConsumedWriteCapacityUnits({ period: FIVE_MINUTES, label: 'write units' }),
        ],
        right: [m.tableThrottles, m.tableErrors],
        ...w,
      }),
      new GraphWidget({
        title: 'Sign-in: failures and throttled',
        left: [app(METRIC.signInFailures), app(METRIC.signInThrottled)],
        leftAnnotations: [{ value: ALARM_THRESHOLDS.signInFailures, label: 'SignInFailures alarm' }],
        ...w,
      }),
      new GraphWidget({
        title: 'Jobs: runs, failures, duration, dead letters',
        left: [
          ...m.jobInvocations,
          ...m.jobNames.flatMap((job) => [app(METRIC.jobRuns, 'Sum', job), app(METRIC.jobFailures, 'Sum', job)]),
          m.dlqDepth,
        ],
        right: m.jobNames.map((job) => app(METRIC.jobDuration, 'Maximum', job)),
        ...w,
      }),
    );
    return dashboard;
  }
}
