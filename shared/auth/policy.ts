/**
 * The authorisation layer: "may this principal do this action to this object?". Every handler
 * asks it after loading the object, so a changed id in a request meets the same check as any
 * other (R-05, clause 3.4). A role alone is never enough where an object is named.
 * Each area keeps its rules in shared/auth/rules/<area>.ts; this module joins them.
 */
import { withoutViewerGrants, type Principal } from './roles';
import { archiveRules, type ArchiveObjects } from './rules/archive';
import { coreRules, type CoreObjects } from './rules/core';
import { correctionPreconditions, correctionRules, type CorrectionObjects } from './rules/corrections';
import { curriculumRules, type CurriculumObjects } from './rules/curriculum';
import { departmentRules, type DepartmentObjects } from './rules/department';
import { diaryPreconditions, diaryRules, type DiaryObjects } from './rules/diary';
import { journalPreconditions, journalRules, type JournalObjects } from './rules/journal';
import { ktpRules, type KtpObjects } from './rules/ktp';
import { messagePreconditions, messageRules, type MessageObjects } from './rules/messages';
import { monitoringRules, type MonitoringObjects } from './rules/monitoring';
import { paperReportPreconditions, paperReportRules, type PaperReportObjects } from './rules/paper-reports';
import { peopleRules, type PeopleObjects } from './rules/people';
import { reportPreconditions, reportRules, type ReportObjects } from './rules/reports';
import { yearlyJournalPreconditions, yearlyJournalRules, type YearlyJournalObjects } from './rules/yearly-journal';
import { periodCloseRules, type PeriodCloseObjects } from './rules/period-close';
import { periodMarkPreconditions, periodMarkRules, type PeriodMarkObjects } from './rules/period-marks';
import { personalDataRules, type PersonalDataObjects } from './rules/personal-data';
import { settingsRules, type SettingsObjects } from './rules/settings';
import { timetableRules, type TimetableObjects } from './rules/timetable';
import { yearRules, type YearObjects } from './rules/year';
import type { Precondition, SchoolObject } from './rules/objects';
import { onlyViewerIn, viewerMay, viewsSchool, VIEWER_READ_ACTIONS } from './rules/viewer';

export type * from './rules/objects';

type Objects = ArchiveObjects & CoreObjects & DepartmentObjects & SettingsObjects & YearObjects & PeopleObjects & CurriculumObjects & TimetableObjects & KtpObjects & JournalObjects & PeriodMarkObjects & PersonalDataObjects & CorrectionObjects & MessageObjects & DiaryObjects & PaperReportObjects & ReportObjects & YearlyJournalObjects & PeriodCloseObjects & MonitoringObjects;
export type Action = keyof Objects;
export type ObjectOf<A extends Action> = Objects[A];

const rules = {
  ...archiveRules,
  ...coreRules,
  ...departmentRules,
  ...settingsRules,
  ...yearRules,
  ...peopleRules,
  ...curriculumRules,
  ...timetableRules,
  ...ktpRules,
  ...journalRules,
  ...periodMarkRules,
  ...personalDataRules,
  ...correctionRules,
  ...messageRules,
  ...diaryRules,
  ...paperReportRules,
  ...reportRules,
  ...yearlyJournalRules,
  ...periodCloseRules,
  ...monitoringRules,
} as { [A in Action]: (p: Principal, o: Objects[A]) => boolean };

const preconditions: { [A in Action]?: Precondition } = { ...journalPreconditions, ...periodMarkPreconditions, ...correctionPreconditions, ...messagePreconditions, ...diaryPreconditions, ...paperReportPreconditions, ...reportPreconditions, ...yearlyJournalPreconditions };

export function may<A extends Action>(p: Principal, action: A, object: ObjectOf<A>): boolean {
  const rule = rules[action];
  if (!rule) throw new Error(`No authorisation rule for action ${String(action)}`);
  // A read-only grant counts for nothing in the ordinary rules; it passes only the reads of its
  // areas and classes (shared/auth/rules/viewer.ts), so it can never write (clauses 4.1, 4.5).
  if (viewerMay(p, action, object)) return true;
  const writer = withoutViewerGrants(p);
  const pre = preconditions[action];
  return (!pre || pre.rule(writer, object as SchoolObject)) && rule(writer, object);
}

export const ACTIONS = Object.keys(rules) as Action[];


/**
 * The school-level check of an action, for a caller about to act in `school`: null when the action
 * has none or it holds, else the refusal. The API adapter asks it before the handler reads anything.
 */
export function refusalBeforeLoading(p: Principal, action: Action, school: SchoolObject): string | null {
  // A read-only grant's reads are decided on the object; anything else is refused at once.
  if (VIEWER_READ_ACTIONS.has(action) && viewsSchool(p, school.schoolId)) return null;
  if (onlyViewerIn(p, school.schoolId)) return VIEWER_REFUSAL;
  const pre = preconditions[action];
  return !pre || pre.rule(withoutViewerGrants(p), school) ? null : pre.refusal;
}

export const VIEWER_REFUSAL = 'Ваш доступ к этой школе — только просмотр: изменять данные нельзя.';
