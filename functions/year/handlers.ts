/**
 * The year area (R-10, clause 1.4): a school's academic years with their study periods per grade
 * and holidays, set up by the deputy director (or the director).
 */
import { validateYear } from '../../shared/domain/year-rules';
import type { AcademicYear } from '../../shared/domain/year';
import { BadRequestError, ConflictError, NotFoundError } from '../../shared/errors';
import { getYear, listYears as readYears, saveYear } from '../../shared/repos/year';
import { handlersOf } from '../http/area';
import { authorizedSchool, yearIdOf } from '../http/school';
import { yearRoutes } from './routes';

const handler = handlersOf(yearRoutes);
const STALE = 'Учебный год уже изменил другой пользователь. Показан текущий вариант: проверьте его и сохраните снова.';

const READ_REFUSED = 'Учебный год доступен заместителю директора и директору школы.';

export const listYears = handler('listYears', async (req) => {
  const school = await authorizedSchool(req, READ_REFUSED);
  return { body: { years: await readYears(school.schoolId) } };
});

export const getYearInfo = handler('getYearInfo', async (req) => {
  const yearId = yearIdOf(req);
  const school = await authorizedSchool(req, READ_REFUSED);
  const year = await getYear(school.schoolId, yearId);
  if (!year) throw new NotFoundError(`Учебный год ${yearId}/${Number(yearId) + 1} ещё не задан.`);
  return { body: year };
});

export const putYear = handler('putYear', async (req) => {
  const yearId = yearIdOf(req);
  const school = await authorizedSchool(req, 'Учебный год задают заместитель директора и директор.');
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
  const saved = await saveYear(before, draft, { actor: req.principal, at: req.now });
  if (!saved.ok) throw new ConflictError(STALE, saved.current ?? undefined);
  return { body: saved.year };
});
