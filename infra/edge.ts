/**
 * Optional: a WAF web ACL in front of CloudFront that limits how often one address may call the
 * sign-in and activation paths. CloudFront's web ACLs live in us-east-1 whatever the stack's
 * region, so this is a stack of its own, deployed once before the main one:
 *
 *   npx cdk deploy ZhurnalEdge -c signInWaf=true
 *   npx cdk deploy Zhurnal -c webAclArn=<its WebAclArn output>
 *
 * Cost (README.md, "Optional WAF"): a web ACL and one rule, and every request CloudFront serves is
 * inspected, not only the sign-in ones.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { routes } from '../functions/routes';
import { PASSWORD_HANDLERS } from '../shared/ops/metrics';

/**
 * Requests one address may send to the password paths in any 5 minutes; above it WAF answers 403
 * until the rate drops. A school's whole staff sitting behind one NAT address sign in well below
 * this; a password-guessing script does not.
 */
export const SIGN_IN_REQUESTS_PER_5_MINUTES = 300;

export class EdgeStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, { ...props, env: { ...props.env, region: 'us-east-1' } });
    const paths = routes.filter((r) => PASSWORD_HANDLERS.includes(r.handler)).map((r) => r.path);
    if (paths.length !== PASSWORD_HANDLERS.length) throw new Error(`infra/edge.ts: no route for each of ${PASSWORD_HANDLERS.join(', ')}`);
    const pathIs = (path: string): CfnWebACL.StatementProperty => ({
      byteMatchStatement: {
        fieldToMatch: { uriPath: {} },
        positionalConstraint: 'EXACTLY',
        searchString: path,
        textTransformations: [{ priority: 0, type: 'NONE' }],
      },
    });
    const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: true,
    });
    this.webAcl = new CfnWebACL(this, 'SignInRateLimit', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      description: 'Zhurnal: rate limit per address on sign-in and activation',
      visibilityConfig: visibility('ZhurnalEdge'),
      rules: [
        {
          name: 'sign-in-rate-per-address',
          priority: 0,
          action: { block: {} },
          visibilityConfig: visibility('ZhurnalSignInRate'),
          statement: {
            rateBasedStatement: {
              limit: SIGN_IN_REQUESTS_PER_5_MINUTES,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              scopeDownStatement: paths.length === 1 ? pathIs(paths[0]!) : { orStatement: { statements: paths.map(pathIs) } },
            },
          },
        },
      ],
    });
    new CfnOutput(this, 'WebAclArn', { value: this.webAcl.attrArn });
  }
}
