/** Authorisation rules of the ktp area (see shared/auth/policy.ts). */
import type { Rules } from './objects';

export interface KtpObjects {}

export const ktpRules: Rules<KtpObjects> = {};
