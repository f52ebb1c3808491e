/**
 * The authorisation layer: "may this principal do this action to this object?". Every handler
 * asks it after loading the object, so a changed id in a request meets the same check as any
 * other (R-05, clause 3.4). A role alone is never enough where an object is named.
 * Each area keeps its rules in shared/auth/rules/<area>.ts; this module joins them.
 */
import type { Principal } from './roles';
import { coreRules, type CoreObjects } from './rules/core';
import { curriculumRules, type CurriculumObjects } from './rules/curriculum';
import { journalPreconditions, journalRules, type JournalObjects } from './rules/journal';
import { ktpRules, type KtpObjects } from './rules/ktp';
import { peopleRules, type PeopleObjects } from './rules/people';
import { periodMarkPreconditions, periodMarkRules, type PeriodMarkObjects } from './rules/period-marks';
import { settingsRules, type SettingsObjects } from './rules/settings';
import { timetableRules, type TimetableObjects } from './rules/timetable';
import { yearRules, type YearObjects } from './rules/year';
import type { Precondition, SchoolObject } from './rules/objects';

export type * from './rules/objects';

type Objects = CoreObjects & SettingsObjects & YearObjects & PeopleObjects & CurriculumObjects & TimetableObjects & KtpObjects & JournalObjects & PeriodMarkObjects;
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
  ...periodMarkRules,
} as { [A in Action]: (p: Principal, o: Objects[A]) => boolean };

const preconditions: { [A in Action]?: Precondition } = { ...journalPreconditions, ...periodMarkPreconditions };

export function may<A extends Action>(p: Principal, action: A, object: ObjectOf<A>): boolean {
  const rule = rules[action];
  if (!rule) throw new Error(`No authorisation rule for action ${String(action)}`);
  const pre = preconditions[action];
  return (!pre || pre.rule(p, object as SchoolObject)) && rule(p, object);
}

export const ACTIONS = Object.keys(rules) as Action[];


/**
 * The school-level check of an action, for a caller about to act in `school`: null when the action
 * has none or it holds, else the refusal. The API adapter asks it before the handler reads anything.
 */
export function refusalBeforeLoading(p: Principal, action: Action, school: SchoolObject): string | null {
  const pre = preconditions[action];
  return !pre || pre.rule(p, school) ? null : pre.refusal;
}
