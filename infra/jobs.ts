/**
 * Scheduled jobs: a Lambda and an EventBridge Scheduler schedule per manifest entry, evaluated in
 * the schools' time zone so "15 minutes past midnight" is the schools' midnight all year.
 */
import { Duration, TimeZone } from 'aws-cdk-lib';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Schedule, ScheduleExpression, TimeWindow } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { jobs } from '../functions/routes';
import { grantAccess, jobAccess, type Resources } from './access';
import { functionEntries } from './functions';
import { journalFunction } from './lambda';

/**
 * Scheduler retries a failed delivery 185 times over 24 hours unless told otherwise (toolchain
 * trap 5). The jobs are idempotent and run daily, so a few retries within the hour are enough;
 * the next run picks up whatever this one missed.
 */
export const JOB_RETRY = { attempts: 3, maxEventAge: Duration.hours(1) } as const;

export interface JobsProps {
  environment: Record<string, string>;
  resources: Resources;
  departmentId: string;
  timeZone: string;
}

export class Jobs extends Construct {
  readonly functions: Map<string, NodejsFunction>;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id);
    // A run given up on, by the scheduler or after the function's own retries, leaves a message
    // here instead of vanishing.
    this.deadLetters = new Queue(this, 'DeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    this.functions = new Map();
    const specs = new Map(jobs.map((j) => [j.name, j]));

    for (const f of functionEntries()) {
      const spec = specs.get(f.name);
      if (f.kind !== 'job' || !spec) continue;
      const fn = journalFunction(this, `Job-${f.name}`, {
        entry: f.entry,
        description: `Zhurnal job "${f.name}": ${spec.summary}`.slice(0, 256),
        environment: { ...props.environment, DEPARTMENT_ID: props.departmentId },
        timeout: Duration.minutes(5),
        // The scheduler invokes asynchronously: Lambda's own retries cover errors in the job.
        extra: { retryAttempts: 2, maxEventAge: JOB_RETRY.maxEventAge, onFailure: new SqsDestination(this.deadLetters) },
      });
      grantAccess(fn, jobAccess(f.name), props.resources);
      this.functions.set(f.name, fn);

      new Schedule(this, `Schedule-${f.name}`, {
        description: spec.summary.slice(0, 512),
        schedule: ScheduleExpression.expression(spec.schedule, TimeZone.of(props.timeZone)),
        timeWindow: TimeWindow.off(),
        target: new LambdaInvoke(fn, {
          retryAttempts: JOB_RETRY.attempts,
          maxEventAge: JOB_RETRY.maxEventAge,
          deadLetterQueue: this.deadLetters,
        }),
      });
    }
  }
}
