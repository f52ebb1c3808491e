/** Authorisation rules of the curriculum area (see shared/auth/policy.ts). */
import type { Rules } from './objects';

export interface CurriculumObjects {}

export const curriculumRules: Rules<CurriculumObjects> = {};
