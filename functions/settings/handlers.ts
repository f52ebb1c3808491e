/**
 * The settings area: the department's lock rules (R-01, clause 6.3) and a school's own settings
 * (stricter locks, weighted-average weights and thresholds, test limits; ).
 * The department's settings are read by GET /api/departments/{id}/settings in the school area.
 */
import {
  effectiveLocks,
  LOCK_FIELDS,
  resolveSchoolSettings,
  validateDepartmentSettings,
  validateSchoolSettings,
  type LockDays,
  type SchoolSettings,
  type SettingsProblem,
} from '../../shared/domain/settings';
import { WORK_TYPES, type WorkTypeId } from '../../shared/domain/work-types';
import { BadRequestError, ConflictError, NotFoundError } from '../../shared/errors';
import {
  getDepartmentSettings,
  getSchoolSettings,
  saveDepartmentSettings,
  saveSchoolSettings,
  type DepartmentSettings,
  type StoredSchoolSettings,
} from '../../shared/repos/settings';
import { handlersOf, type Req } from '../http/area';
import { settingsRoutes } from './routes';

const handler = handlersOf(settingsRoutes);
const STALE = 'Настройки уже изменил другой пользователь. Показаны текущие значения: проверьте их и сохраните снова.';

function invalid(problems: SettingsProblem[]): BadRequestError {
  return new BadRequestError(problems.map((p) => p.message).join(' '), { fields: problems.map((p) => ({ path: p.field, message: p.message })) });
}

export const putDepartmentSettings = handler('putDepartmentSettings', async (req) => {
  const departmentId = req.params.departmentId!;
  req.authorize({ departmentId }, 'Сроки блокировки устанавливает управление образования.');
  const current = await getDepartmentSettings(departmentId);
  if (!current) throw new NotFoundError('Управление образования не найдено.');
  const next = { lockDays: req.body.lockDays, marksInAdvanceAllowed: req.body.marksInAdvanceAllowed };
  const problems = validateDepartmentSettings(next);
  if (problems.length) throw invalid(problems);
  if (req.body.version !== current.version) throw new ConflictError(STALE, current);
  const saved = await saveDepartmentSettings(current, next, { actor: req.principal, at: req.now });
  if (!saved.ok) throw new ConflictError(STALE, saved.current ?? undefined);
  return { body: saved.value };
});

/** The school's settings as the screen shows them: the school's values with defaults, the department's
 * limits beside them, and what is in force. */
function schoolView(stored: StoredSchoolSettings, dep: DepartmentSettings) {
  const settings = resolveSchoolSettings(stored.settings);
  const department = { lockDays: dep.lockDays, marksInAdvanceAllowed: dep.marksInAdvanceAllowed };
  return {
    schoolId: stored.schoolId,
    version: stored.version,
    settings,
    department,
    effective: effectiveLocks(department, settings),
    workTypes: WORK_TYPES.map(({ id, name, defaultWeight }) => ({ id, name, defaultWeight })),
  };
}

/** The school named in the path and its department's rules; another department's school is not found. */
async function schoolAndDepartment(req: Pick<Req, 'principal' | 'params'>) {
  const { departmentId } = req.principal;
  const [stored, dep] = await Promise.all([getSchoolSettings(departmentId, req.params.schoolId!), getDepartmentSettings(departmentId)]);
  if (!stored || !dep) throw new NotFoundError('Школа не найдена.');
  return { stored, dep };
}

export const getSchoolSettingsInfo = handler('getSchoolSettingsInfo', async (req) => {
  const { stored, dep } = await schoolAndDepartment(req);
  req.authorize(stored, 'Настройки школы доступны директору и заместителю директора.');
  return { body: schoolView(stored, dep) };
});

export const putSchoolSettings = handler('putSchoolSettings', async (req) => {
  const { stored, dep } = await schoolAndDepartment(req);
  req.authorize(stored, 'Настройки школы меняют директор и заместитель директора.');
  const b = req.body;
  // An empty field follows the department: it is not stored at all.
  const lockDays: Partial<LockDays> = {};
  for (const k of LOCK_FIELDS) {
    const v = b.lockDays[k];
    if (v !== null && v !== undefined) lockDays[k] = v;
  }
  const draft: SchoolSettings = {
    lockDays,
    ...(b.marksInAdvanceAllowed === null || b.marksInAdvanceAllowed === undefined ? {} : { marksInAdvanceAllowed: b.marksInAdvanceAllowed }),
    weights: b.weights as Record<WorkTypeId, number>,
    thresholds: b.thresholds,
    testLimits: b.testLimits,
  };
  const problems = validateSchoolSettings(dep, draft);
  if (problems.length) throw invalid(problems);
  if (b.version !== stored.version) throw new ConflictError(STALE, schoolView(stored, dep));
  // Work types the form left out keep their default weight, written down so that what is stored is
  // what the school works by.
  const next = resolveSchoolSettings(draft);
  const saved = await saveSchoolSettings(stored, next, { actor: req.principal, at: req.now });
  if (!saved.ok) throw new ConflictError(STALE, saved.current ? schoolView(saved.current, dep) : undefined);
  return { body: schoolView(saved.value, dep) };
});
