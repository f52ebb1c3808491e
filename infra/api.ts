/**
 * The HTTP API: one Lambda per area, one route per manifest entry (functions/routes.ts), so the
 * cloud has exactly the routes the local runner and the OpenAPI description have.
 */
import { Duration } from 'aws-cdk-lib';
import { HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { routes, type Area } from '../functions/routes';
import { areaAccess, grantAccess, type Resources } from './access';
import { functionEntries } from './functions';
import { journalFunction } from './lambda';

export interface ApiProps {
  environment: Record<string, string>;
  resources: Resources;
}

export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly functions: Map<Area, NodejsFunction>;

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

    for (const r of routes) {
      const integration = integrations.get(r.area);
      if (!integration) throw new Error(`Route ${r.method} ${r.path}: area "${r.area}" has no function`);
      this.httpApi.addRoutes({ path: r.path, methods: [HttpMethod[r.method]], integration });
    }
  }
}
