/**
 * The authorisation layer: "may this principal do this action to this object?". Every handler
 * asks it after loading the object, so a changed id in a request meets the same check as any
 * other (R-05, clause 3.4). A role alone is never enough where an object is named.
 * Each area keeps its rules in shared/auth/rules/<area>.ts; this module joins them.
 */
import type { Principal } from './roles';
import { coreRules, type CoreObjects } from './rules/core';
import { curriculumRules, type CurriculumObjects } from './rules/curriculum';
import { journalRules, type JournalObjects } from './rules/journal';
import { ktpRules, type KtpObjects } from './rules/ktp';
import { peopleRules, type PeopleObjects } from './rules/people';
import { settingsRules, type SettingsObjects } from './rules/settings';
import { timetableRules, type TimetableObjects } from './rules/timetable';
import { yearRules, type YearObjects } from './rules/year';

export type * from './rules/objects';

type Objects = CoreObjects & SettingsObjects & YearObjects & PeopleObjects & CurriculumObjects & TimetableObjects & KtpObjects & JournalObjects;
export type Action = keyof Objects;
export type ObjectOf<A extends Action> = Objects[A];

const rules = {
  ...coreRules,
  ...settingsRules,
  ...yearRules,
  ...peopleRules,
  ...curriculumRules,
  ...timetableRules,
  ...ktpRules,
  ...journalRules,
} as { [A in Action]: (p: Principal, o: Objects[A]) => boolean };

export function may<A extends Action>(p: Principal, action: A, object: ObjectOf<A>): boolean {
  const rule = rules[action];
  if (!rule) throw new Error(`No authorisation rule for action ${String(action)}`);
  return rule(p, object);
}

export const ACTIONS = Object.keys(rules) as Action[];
