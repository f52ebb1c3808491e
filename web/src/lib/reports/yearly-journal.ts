/**
 * The yearly journal of a class (R-64, clause 8.5) on the class's reports screen: a plain link to
 * the PDF (the browser saves it with the session cookie), offered to the director and deputies of
 * the school, the only ones the server renders it for.
 */
import { classObject, mayMe } from '../policy';
import type { Me } from '../types';

const seg = encodeURIComponent;

export const YEARLY_JOURNAL_TEXT = {
  link: 'Журнал класса за учебный год (PDF)',
  hint: 'все предметы, темы, домашние задания, отметки и посещаемость, сводные ведомости; с местом для подписи директора и печати',
};

export const yearlyJournalPdf = (schoolId: string, classId: string) => `/api/schools/${seg(schoolId)}/classes/${seg(classId)}/yearly-journal/pdf`;

/** The server's own rule (shared/auth/rules/yearly-journal.ts), so the link is offered exactly where the PDF is given. */
export const mayPrintYearlyJournal = (me: Me, schoolId: string, classId: string): boolean => mayMe(me, 'report.yearlyJournal', classObject(me, schoolId, classId));
