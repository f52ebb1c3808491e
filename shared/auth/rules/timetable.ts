/** Authorisation rules of the timetable area (see shared/auth/policy.ts). */
import type { Rules } from './objects';

export interface TimetableObjects {}

export const timetableRules: Rules<TimetableObjects> = {};
