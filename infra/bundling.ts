/**
 * The esbuild options of every function bundle, in one place: the CDK stack's NodejsFunction and
 * `infra/build-functions.ts` (which the benchmark measures) both take them from here.
 */
import { gzipSync } from 'node:zlib';
import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import { openApiDocument } from '../functions/openapi';

/**
 * An ESM bundle has no `require`, `__filename` or `__dirname`, and CommonJS dependencies bundled
 * into it (pdfmake, parts of the SDK) use them at load time (toolchain trap 4). Single quotes only:
 * the banner travels as a command-line argument when CDK runs esbuild.
 */
const ESM_CJS_SHIM = [
  "import { createRequire as __zjCreateRequire } from 'node:module';",
  "import { fileURLToPath as __zjFileURLToPath } from 'node:url';",
  "import { dirname as __zjDirname } from 'node:path';",
  'const require = __zjCreateRequire(import.meta.url);',
  'const __filename = __zjFileURLToPath(import.meta.url);',
  'const __dirname = __zjDirname(__filename);',
].join(' ');

/**
 * The OpenAPI document, made from the manifest at build time and handed to the system function
 * (functions/system/handlers.ts) as a constant: it is the same for every request of a deployment,
 * and making it at run time needs every area's schemas in that function. Gzipped: 15 KB, not 250.
 */
const OPENAPI_GZ = gzipSync(JSON.stringify(openApiDocument()), { level: 9 }).toString('base64');

export const esbuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  // The Lambda runtime (infra/lambda.ts) is Node 22 or newer even though local development runs on Node 20.
  target: 'node22',
  // Prefer packages' ESM builds: smaller, tree-shakable bundles (the SDK's `module` field).
  mainFields: ['module', 'main'],
  minify: true,
  // Russian messages stay as UTF-8 instead of \uXXXX escapes, which would double their size.
  charset: 'utf8',
  sourcemap: false,
  // The SDK is bundled, not taken from the runtime: the code runs against the pinned SDK it was
  // tested with, and the ESM SDK bundle loads faster than the runtime's copy (toolchain, measured).
  external: [],
  banner: { js: ESM_CJS_SHIM },
  // Report fonts are embedded in the bundle; only the Lambda entry imports them as bytes (trap 7).
  loader: { '.ttf': 'binary' },
  define: { 'process.env.ZHURNAL_OPENAPI_GZ': JSON.stringify(OPENAPI_GZ) },
  // Code that never runs in a function, replaced by stubs that say why (infra/bundle-stubs/): the
  // SDK's default credential chain beyond the link Lambda uses, the WOFF2 decoder of the PDF fonts,
  // the S3 client's event streams, and web streams loaded at start-up for middy's streamed answers.
  // Resolved from the repository root, the working directory of both builds.
  alias: {
    '@aws-sdk/credential-provider-node': './infra/bundle-stubs/lambda-credentials.ts',
    'brotli/decompress.js': './infra/bundle-stubs/brotli-decompress.ts',
    '@smithy/core/event-streams': './infra/bundle-stubs/event-streams.ts',
    'node:stream/web': './infra/bundle-stubs/stream-web.ts',
  },
} satisfies BuildOptions;

/**
 * The same options in NodejsFunction's vocabulary. CDK always bundles for platform node.
 * test/infra/bundle.test.ts checks that CDK's bundle and `infra/build-functions.ts`'s are the same
 * bytes, so an option that one of them drops shows up there.
 */
export const nodejsBundling: BundlingOptions = {
  format: esbuildOptions.format as OutputFormat,
  target: esbuildOptions.target,
  mainFields: esbuildOptions.mainFields,
  minify: esbuildOptions.minify,
  // Not `charset: Charset.UTF8`: aws-cdk-lib 2.276 declares that option but never passes it to
  // esbuild, which left the deployed bundles ASCII-escaped and about 70 KB larger than the ones
  // the benchmark measured.
  esbuildArgs: {
    '--charset': esbuildOptions.charset,
    '--alias': Object.entries(esbuildOptions.alias).map(([from, to]) => `${from}=${to}`),
  },
  sourceMap: esbuildOptions.sourcemap,
  externalModules: esbuildOptions.external,
  banner: esbuildOptions.banner.js,
  loader: esbuildOptions.loader,
  define: esbuildOptions.define,
  // Local esbuild only: the build must not need Docker.
  forceDockerBundling: false,
};
