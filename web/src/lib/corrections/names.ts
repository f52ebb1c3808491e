/**
 * The pupils' and subjects' names of a request's cells: the request stores ids, and the journal
 * page of each subject it names (class and period) holds the names. A reader without the journal
 * (the department's specialist) sees the ids; the page is not worth failing for.
 */
import { journalApi } from '../journal/api';
import type { Correction } from './api';
import type { Catalog, Names } from './scope';

export async function namesOf(c: Pick<Correction, 'schoolId' | 'classId' | 'periodId' | 'cells'>, catalog: Catalog): Promise<Names> {
  const subjects = new Map(catalog.subjects);
  const students = new Map<string, string>();
  const subjectIds = [...new Set(c.cells.map((x) => x.subjectId))];
  const pages = await Promise.allSettled(subjectIds.map((subjectId) => journalApi.page({ schoolId: c.schoolId, classId: c.classId, periodId: c.periodId, subjectId })));
  for (const p of pages) {
    if (p.status !== 'fulfilled') continue;
    if (p.value.subjectName) subjects.set(p.value.subjectId, p.value.subjectName);
    for (const s of p.value.students) students.set(s.studentId, s.name);
  }
  return { subjects, students, periods: catalog.periodNames };
}
