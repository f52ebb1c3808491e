/** Authorisation rules of the settings area (see shared/auth/policy.ts). */
import type { Rules } from './objects';

export interface SettingsObjects {}

export const settingsRules: Rules<SettingsObjects> = {};
