/**
 * The HTTP API: one Lambda per area, one route per manifest entry (functions/routes.ts), so the
 * cloud has exactly the routes the local runner and the OpenAPI description have.
 *
 * The routes, their integrations and invoke permissions live in a nested stack: every route is a
 * CloudFormation resource, a stack holds at most 500, and the manifest's ~200 routes together with
 * the functions, alarms and buckets passed that limit (504 at issue 14). The nested stack holds 500
 * routes on its own; the parent keeps what the routes grow with only slowly.
 */
import { Duration, NestedStack, RemovalPolicy } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, HttpRoute, HttpRouteKey, type CfnStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { routeKey, routes, type Area } from '../functions/routes';
import { PASSWORD_HANDLERS } from '../shared/ops/metrics';
import { areaAccess, grantAccess, type Resources } from './access';
import { functionEntries } from './functions';
import { journalFunction } from './lambda';

/**
 * Requests per second the stage lets through, steady and in a burst; beyond them API Gateway answers
 * 429 without invoking anything. The default is far above a department's 8 a.m. peak (teachers
 * saving marks at ~25/s, page loads a few times that) and well below what would exhaust the
 * account's Lambda concurrency (1,000) at our ~50 ms a request.
 */
export const STAGE_THROTTLE = { rateLimit: 1000, burstLimit: 2000 } as const;

/**
 * Sign-in and activation (PASSWORD_HANDLERS) hash a password (scrypt, ~0.3 s of a 1 GB function each), so they are
 * what a flood would use to exhaust the functions. 50/s is 180,000 sign-ins an hour, more than a
 * department's parents on 1 September; the per-login and per-address throttles of
 * shared/auth/throttle.ts still apply below it.
 */
export const PASSWORD_ROUTE_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

/**
 * The access log of the stage, one JSON object a request. `requestId` is the one the functions'
 * request lines carry (functions/http/observe.ts), so a request is found in both by that id.
 */
export const ACCESS_LOG_FORMAT = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  method: '$context.httpMethod',
  path: '$context.path',
  route: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  lambdaRequestId: '$context.integration.requestId',
  error: '$context.error.message',
  sourceIp: '$context.identity.sourceIp',
} as const;

export interface ApiProps {
  environment: Record<string, string>;
  resources: Resources;
}

export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly functions: Map<Area, NodejsFunction>;
  readonly accessLogs: LogGroup;
  /** The nested stack of the routes (see the header). */
  readonly routes: NestedStack;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    // No CORS: the web app reaches the API through the same CloudFront origin (infra/web.ts), as
    // the `__Host-` SameSite=Strict session cookie requires.
    this.httpApi = new HttpApi(this, 'Http', { description: 'Zhurnal HTTP API' });

    this.functions = new Map();
    const integrations = new Map<Area, HttpLambdaIntegration>();
    for (const f of functionEntries()) {
      if (f.kind !== 'area') continue;
      const fn = journalFunction(this, `Area-${f.name}`, {
        entry: f.entry,
        description: `Zhurnal API area "${f.name}"`,
        environment: props.environment,
        // Below the HTTP API's 30 s integration limit, so the caller gets the function's own error.
        timeout: Duration.seconds(15),
      });
      grantAccess(fn, areaAccess(f.name), props.resources);
      this.functions.set(f.name, fn);
      // One invoke permission per area, not per route: a function's resource policy is capped at 20 KB,
      // and the area adapter answers 404 to any route key that is not its own.
      integrations.set(f.name, new HttpLambdaIntegration(`Integration-${f.name}`, fn, { scopePermissionToRoute: false }));
    }

    this.routes = new NestedStack(this, 'Routes', { description: 'Zhurnal HTTP API routes (functions/routes.ts)' });
    const byKey = new Map<string, HttpRoute>();
    for (const r of routes) {
      const integration = integrations.get(r.area);
      if (!integration) throw new Error(`Route ${r.method} ${r.path}: area "${r.area}" has no function`);
      const route = new HttpRoute(this.routes, `${r.method}${r.path}`, { httpApi: this.httpApi, routeKey: HttpRouteKey.with(r.path, HttpMethod[r.method]), integration });
      byKey.set(routeKey(r), route);
    }

    // Logs may carry addresses (R-71): kept as long as the functions' logs.
    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    this.configureStage(byKey);
  }

  /**
   * Throttling and access logs on the default stage's own resource: HttpApi makes that stage with
   * neither option, and replacing it with a new `$default` stage would clash with the old one's name
   * during the update.
   */
  private configureStage(byKey: Map<string, HttpRoute>): void {
    const stage = this.httpApi.defaultStage!.node.defaultChild as CfnStage;
    stage.defaultRouteSettings = { throttlingRateLimit: STAGE_THROTTLE.rateLimit, throttlingBurstLimit: STAGE_THROTTLE.burstLimit };
    const passwordRoutes = routes.filter((r) => PASSWORD_HANDLERS.includes(r.handler));
    if (passwordRoutes.length !== PASSWORD_HANDLERS.length) {
      throw new Error(`infra/api.ts: expected one route for each of ${PASSWORD_HANDLERS.join(', ')} in the manifest`);
    }
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const r of passwordRoutes) {
      const key = routeKey(r);
      routeSettings[key] = { ThrottlingRateLimit: PASSWORD_ROUTE_THROTTLE.rateLimit, ThrottlingBurstLimit: PASSWORD_ROUTE_THROTTLE.burstLimit };
      // A stage's route settings name existing routes: create the routes first.
      stage.node.addDependency(byKey.get(key)!);
    }
    stage.routeSettings = routeSettings;
    stage.accessLogSettings = { destinationArn: this.accessLogs.logGroupArn, format: JSON.stringify(ACCESS_LOG_FORMAT) };
  }
}
