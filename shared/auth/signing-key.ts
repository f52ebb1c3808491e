/**
 * The session signing key: from configuration, never from the repo. In the cloud the stack passes the
 * ARN of a Secrets Manager secret; on a compatible cloud or locally the key itself is configuration
 * (the local runner generates one and keeps it in its data folder).
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { config } from '../config';
import { signingKeyFrom } from './session';

let key: Promise<Uint8Array> | undefined;

export function signingKey(): Promise<Uint8Array> {
  key ??= (async () => {
    const c = config();
    if (c.sessionKey) return signingKeyFrom(c.sessionKey);
    const out = await new SecretsManagerClient({ region: c.region }).send(
      new GetSecretValueCommand({ SecretId: c.sessionKeySecretArn }),
    );
    if (!out.SecretString) throw new Error('The session signing secret is empty');
    return signingKeyFrom(out.SecretString);
  })();
  return key;
}

export function resetSigningKey(): void {
  key = undefined;
}
