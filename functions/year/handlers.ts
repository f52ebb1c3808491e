/**
 * The year area (R-10, clause 1.4): a school's academic years with their study periods per grade
 * and holidays, set up by the deputy director (or the director).
 */
import type { z } from 'zod';
import { may } from '../../shared/auth/policy';
import { validateYear, YEAR_ID_RE } from '../../shared/domain/year-rules';
import type { AcademicYear } from '../../shared/domain/year';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../../shared/errors';
import { getSchool } from '../../shared/repos/school';
import { getYear, listYears as readYears, saveYear } from '../../shared/repos/year';
import { handler, sessionOf, type Req } from '../http/area';
import type { yearBody } from './schemas';

const STALE = 'Учебный год уже изменил другой пользователь. Показан текущий вариант: проверьте его и сохраните снова.';

/** The school named in the path, checked for `action`; another department's school is not found. */
async function schoolFor(req: Req<unknown>, action: 'year.read' | 'year.write', refusal: string) {
  const p = sessionOf(req).principal;
  const school = await getSchool(p.departmentId, req.params.schoolId!);
  if (!school) throw new NotFoundError('Школа не найдена.');
  if (!may(p, action, { departmentId: school.departmentId, schoolId: school.schoolId })) throw new ForbiddenError(refusal);
  return { p, school };
}

function yearIdOf(req: Req<unknown>): string {
  const yearId = req.params.yearId!;
  if (!YEAR_ID_RE.test(yearId)) throw new BadRequestError('Учебный год обозначается годом его начала, например 2026.');
  return yearId;
}

const READ_REFUSED = 'Учебный год доступен заместителю директора и директору школы.';

export const listYears = handler(async (req) => {
  const { school } = await schoolFor(req, 'year.read', READ_REFUSED);
  return { body: { years: await readYears(school.schoolId) } };
});

export const getYearInfo = handler(async (req) => {
  const yearId = yearIdOf(req);
  const { school } = await schoolFor(req, 'year.read', READ_REFUSED);
  const year = await getYear(school.schoolId, yearId);
  if (!year) throw new NotFoundError(`Учебный год ${yearId}/${Number(yearId) + 1} ещё не задан.`);
  return { body: year };
});

export const putYear = handler<z.infer<typeof yearBody>>(async (req) => {
  const yearId = yearIdOf(req);
  const { p, school } = await schoolFor(req, 'year.write', 'Учебный год задают заместитель директора и директор.');
  const { version, ...rest } = req.body;
  const draft: Omit<AcademicYear, 'version'> = {
    schoolId: school.schoolId,
    yearId,
    startDate: rest.startDate,
    endDate: rest.endDate,
    periodSets: rest.periodSets.map((s) => ({
      kind: s.kind,
      grades: [...s.grades].sort((a, b) => a - b),
      periods: s.periods.map((x) => ({ periodId: x.periodId.trim(), name: x.name.trim(), startDate: x.startDate, endDate: x.endDate })),
    })),
    holidays: rest.holidays.map((h) => ({
      name: h.name.trim(),
      startDate: h.startDate,
      endDate: h.endDate,
      ...(h.grades === undefined ? {} : { grades: [...h.grades].sort((a, b) => a - b) }),
    })),
  };
  const problems = validateYear(draft);
  if (problems.length) {
    throw new BadRequestError(`Учебный год не сохранён. ${problems.map((x) => x.message).join(' ')}`, { fields: problems });
  }
  const before = await getYear(school.schoolId, yearId, { consistent: true });
  if ((before?.version ?? 0) !== version) throw new ConflictError(STALE, before ?? undefined);
  const saved = await saveYear(before, draft, { actor: p, at: req.now });
  if (!saved.ok) throw new ConflictError(STALE, saved.current ?? undefined);
  return { body: saved.year };
});
