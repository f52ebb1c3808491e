/** Authorisation rules of the people area (see shared/auth/policy.ts). */
import type { Rules } from './objects';

export interface PeopleObjects {}

export const peopleRules: Rules<PeopleObjects> = {};
