/** Authorisation rules of the year area (see shared/auth/policy.ts). */
import type { Rules } from './objects';

export interface YearObjects {}

export const yearRules: Rules<YearObjects> = {};
