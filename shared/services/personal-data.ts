/**
 * Personal data (R-71; 152-FZ): every view of a student's personal card and every export of
 * personal data is logged (who, when, which students, what), and the school's administrator and
 * director read that log. The request that shows or exports the data writes its entry itself,
 * after the data was read and allowed, so a view that was refused leaves no entry and a view that
 * was answered always has one (the entry is written before the answer goes out).
 */
import type { Principal } from '../auth/roles';
import { endOfDayInZone, ruDateTimeInZone, startOfDayInZone } from '../domain/calendar';
import { readAccessLog, recordAccess, type AccessKind } from '../repos/personal-data';
import type { School } from '../repos/school';

export const ACCESS_TITLES: Record<AccessKind, string> = { view: 'просмотр карточки', export: 'выгрузка' };

/** Entries on one page of the log screen. */
export const ACCESS_PAGE_SIZE = 50;

export interface StudentNamed {
  studentId: string;
  lastName: string;
  firstName: string;
  middleName?: string;
}

const fullName = (s: StudentNamed) => [s.lastName, s.firstName, s.middleName].filter(Boolean).join(' ');

export async function logPersonalDataAccess(input: { by: Principal; school: Pick<School, 'schoolId'>; kind: AccessKind; students: StudentNamed[]; what: string; now: Date }): Promise<void> {
  await recordAccess({
    schoolId: input.school.schoolId,
    actorId: input.by.userId,
    actorName: input.by.displayName,
    kind: input.kind,
    students: input.students.map((s) => ({ studentId: s.studentId, name: fullName(s) })),
    what: input.what,
    at: input.now.toISOString(),
  });
}

export interface AccessLogQuery {
  studentId?: string;
  /** School days, inclusive (YYYY-MM-DD in the school's zone). */
  from?: string;
  to?: string;
  after?: string;
}

/** A page of the log, newest first, with the times on the school's clock (ДД.ММ.ГГГГ ЧЧ:ММ). */
export async function accessLog(school: Pick<School, 'schoolId' | 'timeZone'>, q: AccessLogQuery) {
  // Sort keys begin with the ISO instant, so a day range is a key range ('~' sorts after any instant).
  const from = q.from ? new Date(startOfDayInZone(q.from, school.timeZone)).toISOString() : '0';
  const to = q.to ? new Date(endOfDayInZone(q.to, school.timeZone)).toISOString() : '~';
  const page = await readAccessLog(school.schoolId, { from, to, studentId: q.studentId, limit: ACCESS_PAGE_SIZE, after: q.after });
  return {
    entries: page.entries.map((e) => ({
      at: e.at,
      atText: ruDateTimeInZone(new Date(e.at), school.timeZone),
      actorName: e.actorName,
      kind: e.kind,
      kindTitle: ACCESS_TITLES[e.kind],
      what: e.what,
      students: e.students,
    })),
    after: page.after,
  };
}
