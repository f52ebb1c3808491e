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
  /** The schools' time zone: what the functions see as SCHOOL_TIME_ZONE and the schedules run in. */
  schoolTimeZone: string;
}

export const DEFAULT_SETTINGS: Settings = {
  objectLockMode: 'COMPLIANCE',
  // The same department the local stack and the job's own fallback use.
  departmentId: 'krd',
  schoolTimeZone: 'Europe/Moscow',
};

export function readSettings(node: Node): Settings {
  const text = (key: keyof Settings): string => {
    const v: unknown = node.tryGetContext(key) ?? DEFAULT_SETTINGS[key];
    if (typeof v !== 'string' || v.trim() === '') throw new Error(`Context "${key}" must be a non-empty string`);
    return v.trim();
  };
  const mode = text('objectLockMode').toUpperCase();
  if (!(OBJECT_LOCK_MODES as readonly string[]).includes(mode)) {
    throw new Error(`Context "objectLockMode" must be one of ${OBJECT_LOCK_MODES.join(', ')}, not "${mode}"`);
  }
  return { objectLockMode: mode as ObjectLockMode, departmentId: text('departmentId'), schoolTimeZone: text('schoolTimeZone') };
}
