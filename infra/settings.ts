/**
 * Deployment settings, read from CDK context (`cdk synth -c objectLockMode=GOVERNANCE`), with the
 * defaults of a production deployment. Unknown values stop the synth rather than deploy something
 * unintended.
 */
import type { Node } from 'constructs';

export const OBJECT_LOCK_MODES = ['COMPLIANCE', 'GOVERNANCE'] as const;
export type ObjectLockMode = (typeof OBJECT_LOCK_MODES)[number];

export interface Settings {
  /**
   * stored reports cannot be altered or deleted before their term. COMPLIANCE cannot be
   * shortened or bypassed by anyone, not even the account root, so a dev or test stack that must be
   * torn down uses GOVERNANCE (toolchain trap 9).
   */
  objectLockMode: ObjectLockMode;
  /** A deployment serves one education department; the jobs run for it. */
  departmentId: string;
  /**
   * The department's time zone: what the functions see as SCHOOL_TIME_ZONE and the schedules run
   * in. An account's access ends at midnight in it; each school's day rules use the zone
   * stored on the school.
   */
  schoolTimeZone: string;
  /**
   * Who is told when an alarm fires (infra/monitoring.ts). Optional, so a synth needs no address,
   * but a stack deployed without one has alarms nobody hears: the README says to give it.
   */
  alarmEmail?: string;
  /**
   * The site's own name and its ACM certificate (us-east-1). Without them CloudFront serves its
   * *.cloudfront.net name, whose TLS policy cannot be raised above TLSv1 (cdk-nag CFR4).
   */
  domainName?: string;
  certificateArn?: string;
  /**
   * A WAF web ACL (scope CLOUDFRONT, so in us-east-1) put in front of CloudFront: the one made by
   * the optional ZhurnalEdge stack (infra/edge.ts), which rate-limits the sign-in paths per address.
   */
  webAclArn?: string;
  /**
   * An existing table to use instead of the stack's own: a point-in-time restore (README.md,
   * "Runbook"). The stack's own table is then left out of the template, and kept (Retain).
   */
  tableName?: string;
  /**
   * Changed to make every function start afresh and read the session signing key again after it
   * was replaced (README.md, "Rotate the session signing key").
   */
  sessionKeyVersion: string;
}

type TextSetting = 'objectLockMode' | 'departmentId' | 'schoolTimeZone' | 'sessionKeyVersion';

export const DEFAULT_SETTINGS: Pick<Settings, TextSetting> = {
  objectLockMode: 'COMPLIANCE',
  // The same department the local stack and the job's own fallback use.
  departmentId: 'krd',
  schoolTimeZone: 'Europe/Moscow',
  sessionKeyVersion: '1',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/;
const WEB_ACL_ARN = /^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\/[\w-]+\/[0-9a-f-]+$/;

export function readSettings(node: Node): Settings {
  const text = (key: TextSetting): string => {
    const v: unknown = node.tryGetContext(key) ?? DEFAULT_SETTINGS[key];
    if (typeof v !== 'string' || v.trim() === '') throw new Error(`Context "${key}" must be a non-empty string`);
    return v.trim();
  };
  const optional = (key: keyof Settings, pattern: RegExp, what: string): string | undefined => {
    const v: unknown = node.tryGetContext(key);
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'string' || !pattern.test(v.trim())) throw new Error(`Context "${key}" must be ${what}, not "${String(v)}"`);
    return v.trim();
  };
  const mode = text('objectLockMode').toUpperCase();
  if (!(OBJECT_LOCK_MODES as readonly string[]).includes(mode)) {
    throw new Error(`Context "objectLockMode" must be one of ${OBJECT_LOCK_MODES.join(', ')}, not "${mode}"`);
  }
  const domainName = optional('domainName', /^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/i, 'a host name');
  const certificateArn = optional('certificateArn', CERTIFICATE_ARN, 'the ARN of an ACM certificate in us-east-1');
  if (Boolean(domainName) !== Boolean(certificateArn)) {
    throw new Error('Contexts "domainName" and "certificateArn" go together: CloudFront needs the certificate of the name');
  }
  return {
    objectLockMode: mode as ObjectLockMode,
    departmentId: text('departmentId'),
    schoolTimeZone: text('schoolTimeZone'),
    alarmEmail: optional('alarmEmail', EMAIL, 'an e-mail address'),
    domainName,
    certificateArn,
    webAclArn: optional('webAclArn', WEB_ACL_ARN, 'the ARN of a CLOUDFRONT-scope WAF web ACL'),
    tableName: optional('tableName', /^[A-Za-z0-9_.-]{3,255}$/, 'a DynamoDB table name'),
    sessionKeyVersion: text('sessionKeyVersion'),
  };
}
