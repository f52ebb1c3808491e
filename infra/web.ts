/**
 * The web app: a private bucket behind CloudFront (origin access control), and the HTTP API on the
 * same origin under /api/*. One origin is required, not a convenience: the session cookie is
 * `__Host-` and SameSite=Strict, so the browser only sends it to the host that set it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { ACCESS_LOG_PREFIXES } from './storage';
import { API_CSP, HSTS_MAX_AGE_SECONDS, inlineScriptHashes, PERMISSIONS_POLICY, webCsp } from '../shared/security-headers';

/** The inline scripts of the built pages (SvelteKit's bootstrap in index.html), for the CSP's hashes. */
function builtScriptHashes(dir: string | undefined): string[] {
  if (!dir || !existsSync(dir)) return [];
  const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
  return [...new Set(pages.flatMap((f) => inlineScriptHashes(readFileSync(join(dir, f), 'utf8'))))];
}

/**
 * The security headers of shared/security-headers.ts as a CloudFront policy; they replace whatever
 * the origin sent (`override`), so the bucket and the API answer alike.
 */
function securityHeadersPolicy(scope: Construct, id: string, csp: string): ResponseHeadersPolicy {
  return new ResponseHeadersPolicy(scope, id, {
    comment: `Zhurnal security headers (${id})`,
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
      strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS), includeSubdomains: true, override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.SAME_ORIGIN, override: true },
      contentTypeOptions: { override: true },
    },
    customHeadersBehavior: { customHeaders: [{ header: 'Permissions-Policy', value: PERMISSIONS_POLICY, override: true }] },
  });
}

/**
 * The app is a single-page app (SvelteKit adapter-static with an index.html fallback): a path with
 * no file extension is a client-side route and gets the app shell. Done in a viewer-request
 * function rather than with CloudFront error responses, which would also turn the API's 403 and 404
 * answers into the app shell with status 200.
 */
const SPA_FALLBACK = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.indexOf('.', uri.lastIndexOf('/')) === -1) request.uri = '/index.html';
  return request;
}`;

/** SvelteKit puts content-hashed files here: they never change, so browsers may keep them. */
const IMMUTABLE_DIR = '_app/immutable';

export interface WebProps {
  api: HttpApi;
  /** The built web app (web/build); without it the bucket stays empty, so synth needs no web build. */
  webBuildDir?: string;
  /** Where CloudFront's and the web bucket's access logs go (infra/storage.ts). */
  logs: Bucket;
  /** The site's own name and its us-east-1 certificate; both or neither (infra/settings.ts). */
  domainName?: string;
  certificateArn?: string;
  /** The optional WAF web ACL of infra/edge.ts. */
  webAclArn?: string;
}

export class Web extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: props.logs,
      serverAccessLogsPrefix: `${ACCESS_LOG_PREFIXES.web}/`,
    });

    const stack = Stack.of(this);
    const webHeaders = securityHeadersPolicy(this, 'WebHeaders', webCsp(builtScriptHashes(props.webBuildDir)));
    const apiHeaders = securityHeadersPolicy(this, 'ApiHeaders', API_CSP);
    const apiHost = `${props.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Zhurnal: web app and /api/*',
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultRootObject: 'index.html',
      // Every request with its edge result and time taken: the cloud-side record of what a browser
      // asked, before the API's own access log.
      enableLogging: true,
      logBucket: props.logs,
      logFilePrefix: `${ACCESS_LOG_PREFIXES.cloudfront}/`,
      // With its own name the site can refuse TLS below 1.2; *.cloudfront.net always allows TLSv1.
      ...(props.domainName && props.certificateArn
        ? {
            domainNames: [props.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      webAclId: props.webAclArn,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: webHeaders,
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new EdgeFunction(this, 'SpaFallback', {
              runtime: FunctionRuntime.JS_2_0,
              code: FunctionCode.fromInline(SPA_FALLBACK),
            }),
          },
        ],
      },
      additionalBehaviors: {
        // Never cached; cookies, query strings and headers (the CSRF header among them) go to the
        // API, all but Host, which must be the API's own for API Gateway to accept the request.
        '/api/*': {
          origin: new HttpOrigin(apiHost, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: apiHeaders,
        },
      },
    });

    if (props.webBuildDir) this.deploy(props.webBuildDir);
  }

  /**
   * Hashed assets first, kept across deploys (pruning them would break pages already open with the
   * previous index.html); then everything else, revalidated on every load, and a cache invalidation.
   */
  private deploy(dir: string): void {
    const immutable = join(dir, IMMUTABLE_DIR);
    const assets = existsSync(immutable)
      ? new BucketDeployment(this, 'DeployAssets', {
          sources: [Source.asset(immutable)],
          destinationBucket: this.bucket,
          destinationKeyPrefix: `${IMMUTABLE_DIR}/`,
          prune: false,
          cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
        })
      : undefined;
    const shell = new BucketDeployment(this, 'DeployShell', {
      sources: [Source.asset(dir, { exclude: [`${IMMUTABLE_DIR}/**`] })],
      destinationBucket: this.bucket,
      // Excluded keys are also spared by the prune.
      exclude: [`${IMMUTABLE_DIR}/*`],
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    if (assets) shell.node.addDependency(assets);
  }
}
