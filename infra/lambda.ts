/**
 * The one way this stack makes a function: Node 24 on Graviton, bundled by local esbuild with the
 * shared options (no Docker), logs kept for a bounded time.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { join } from 'node:path';
import { nodejsBundling } from './bundling';
import { REPO_ROOT } from './functions';

export interface JournalFunctionProps {
  entry: string;
  description: string;
  environment: Record<string, string>;
  timeout: Duration;
  /** Extra NodejsFunction props, e.g. the asynchronous-invocation settings of a job. */
  extra?: Partial<NodejsFunctionProps>;
}

export function journalFunction(scope: Construct, id: string, props: JournalFunctionProps): NodejsFunction {
  return new NodejsFunction(scope, id, {
    entry: props.entry,
    handler: 'handler',
    description: props.description,
    // The newest Node runtime (cdk-nag L1): nodejs22.x leaves maintenance in April 2027.
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    // Password hashing is scrypt N=2^17, r=8: 128 MiB per hash on top of the runtime, and Lambda's
    // CPU share grows with memory, so 1024 MB keeps a sign-in well under a second.
    memorySize: 1024,
    timeout: props.timeout,
    environment: props.environment,
    bundling: nodejsBundling,
    projectRoot: REPO_ROOT,
    depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
    // Logs may carry personal data: keep them no longer than needed to investigate.
    logGroup: new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    }),
    ...props.extra,
  });
}
