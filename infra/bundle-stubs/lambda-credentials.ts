/**
 * Stands in for `@aws-sdk/credential-provider-node` in function bundles (an esbuild alias in
 * infra/bundling.ts). Lambda always hands a function its execution role's keys in the environment
 * (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), which is the first link of the
 * SDK's default chain. The other links (SSO, profiles, web identity, sign-in, processes, instance
 * metadata) never run in Lambda, but they bring the STS, SSO and sign-in clients with their XML and
 * query protocols: about 95 KB of every bundle. Local code and tests do not use bundles and keep
 * the SDK's full chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

/** The signature the SDK clients' runtime configuration calls. */
export const defaultProvider = (init: Parameters<typeof fromEnv>[0] = {}) => fromEnv(init);
