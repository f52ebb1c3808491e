/**
 * What the KTP and assessment screens share: which school and year a screen is about, their
 * addresses, and small helpers. Pure, so it is easy to reason about and to test.
 */
import { dateInZone, planningYearOf } from '../../../../shared/domain/calendar';
import { DEFAULT_SCHOOL_ZONE } from '../format';
import { schoolsWhere } from '../policy';
import type { Me } from '../types';

const seg = encodeURIComponent;

/** The school year a date belongs to for planning: from June on, the coming year (KTPs are written before it starts). */
export function planningYearId(now: Date, timeZone = DEFAULT_SCHOOL_ZONE): string {
  return planningYearOf(dateInZone(now, timeZone));
}

/** «2026/2027» from '2026'. */
export function yearLabel(yearId: string): string {
  return /^\d{4}$/.test(yearId) ? `${yearId}/${Number(yearId) + 1}` : yearId;
}

/** The school a screen is about: the one in the address if the person works there (they read its schedule of assessments), else their first. */
export function schoolOf(me: Me, asked: string | null): string | null {
  const mine = schoolsWhere(me, 'assessment.read');
  if (asked && mine.includes(asked)) return asked;
  return mine[0] ?? null;
}

export const ktpPaths = {
  list: (schoolId: string, yearId: string, classId?: string) =>
    `/ktp?school=${seg(schoolId)}&year=${seg(yearId)}${classId ? `&class=${seg(classId)}` : ''}`,
  editor: (r: { schoolId: string; yearId: string; classId: string; subjectId: string; groupId: string }) =>
    `/ktp/${seg(r.classId)}/${seg(r.subjectId)}/${seg(r.groupId)}?school=${seg(r.schoolId)}&year=${seg(r.yearId)}`,
  assessments: (schoolId: string, yearId: string, classId?: string, halfId = 'h1') =>
    `/assessments?school=${seg(schoolId)}&year=${seg(yearId)}&half=${seg(halfId)}${classId ? `&class=${seg(classId)}` : ''}`,
};

/** A file's bytes as base64, in chunks (a spread of a large array would overflow the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
