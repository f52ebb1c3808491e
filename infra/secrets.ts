/**
 * The session-token signing key lives in Secrets Manager, never in the repo or the template; the
 * functions get its ARN (SESSION_SIGNING_KEY_SECRET_ARN) and read it at cold start.
 */
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';

export const SESSION_KEY_LENGTH = 48;

export function sessionSigningKey(scope: Construct): Secret {
  return new Secret(scope, 'SessionSigningKey', {
    description: 'Zhurnal: HMAC key that signs session tokens. Replacing it signs everyone out.',
    // 48 letters and digits, about 285 bits; shared/auth/session.ts requires at least 32 characters.
    generateSecretString: { passwordLength: SESSION_KEY_LENGTH, excludePunctuation: true },
  });
}
