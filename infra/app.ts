/**
 * The CDK app (`cdk.json`: `npx tsx infra/app.ts`). Synthesises offline with no AWS account:
 *
 *   AWS_REGION=eu-central-1 AWS_EC2_METADATA_DISABLED=true npx cdk synth --quiet
 *
 * Context: objectLockMode (COMPLIANCE | GOVERNANCE), departmentId, schoolTimeZone, alarmEmail,
 * domainName and certificateArn, webAclArn (infra/settings.ts), stackName (default Zhurnal), and
 * signInWaf=true to add the us-east-1 stack of the optional WAF (infra/edge.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { EdgeStack } from './edge';
import { REPO_ROOT } from './functions';
import { JournalStack } from './stack';

const app = new App();
const webBuildDir = join(REPO_ROOT, 'web', 'build');
const stackName: unknown = app.node.tryGetContext('stackName') ?? 'Zhurnal';
if (typeof stackName !== 'string') throw new Error('Context "stackName" must be a string');

new JournalStack(app, stackName, {
  env: {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    // Not CDK_DEFAULT_REGION: with no AWS config the CLI sets it to us-east-1 (toolchain trap 2).
    // With no region at all the stack is environment-agnostic and deploys to the CLI's region.
    region: process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined,
  },
  webBuildDir: existsSync(join(webBuildDir, 'index.html')) ? webBuildDir : undefined,
});

if (app.node.tryGetContext('signInWaf') === true || app.node.tryGetContext('signInWaf') === 'true') {
  new EdgeStack(app, `${stackName}Edge`, { env: { account: process.env.CDK_DEFAULT_ACCOUNT } });
}
