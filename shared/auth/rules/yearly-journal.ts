/**
 * Who prints a class's yearly journal on demand (R-64, clause 8.5: the journal is printed once a
 * year and certified by the director): the director and the deputies, for any class of their
 * school. The stored copy is made by the scheduled job; this is the same document rendered anew,
 * for a check before the year's end or a lost printout. Nobody else: a class teacher prints the
 * class's reports, not the whole journal.
 */
import { hasSchoolRole } from '../roles';
import { inSchool, staffOnly } from './common';
import type { ClassObject, Rules } from './objects';

export interface YearlyJournalObjects {
  'report.yearlyJournal': ClassObject;
}

export const YEARLY_JOURNAL_REFUSAL = 'Журнал класса за учебный год распечатывают директор и заместители директора.';

export const yearlyJournalRules: Rules<YearlyJournalObjects> = {
  'report.yearlyJournal': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'director', 'deputy'),
};

export const yearlyJournalPreconditions = staffOnly<YearlyJournalObjects>('Журнал класса за год доступен только работникам школы.', ['report.yearlyJournal']);
