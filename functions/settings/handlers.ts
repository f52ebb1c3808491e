/**
 * The settings area: the department's lock rules and how early period marks open (R-01, clause 6.3,
 * 3.9) and a school's own settings (stricter locks and opening, test limits; ), with its
 * marking rules as dated versions (weights, thresholds, minimum marks; R-31, clause 6.1).
 * The department's settings are read by GET /api/departments/{id}/settings in the school area.
 */
import { dateInZone } from '../../shared/domain/calendar';
import { schoolVersions, versionViews } from '../../shared/domain/marking-rules';
import { effectiveOpenDaysBefore, openDaysBeforeProblems } from '../../shared/domain/period-mark-rules';
import { effectiveLocks, LOCK_FIELDS, resolveSchoolSettings, validateDepartmentSettings, validateSchoolSettings, type LockDays, type SchoolSettings } from '../../shared/domain/settings';
import { rulesInForce } from '../../shared/domain/settings-versions';
import { WORK_TYPES } from '../../shared/domain/work-types';
import { ConflictError, NotFoundError } from '../../shared/errors';
import { getDepartmentSettings, getSchoolSettings, saveDepartmentSettings, saveSchoolSettings, type DepartmentSettings, type StoredSchoolSettings } from '../../shared/repos/settings';
import { resolveMonitoringThresholds } from '../../shared/domain/reports/monitoring';
import { saveCorrectionSettings } from '../../shared/services/correction-settings';
import { saveMonitoringThresholds } from '../../shared/services/monitoring-settings';
import { addMarkingRules as addVersion, settingsInvalid, STALE_SETTINGS } from '../../shared/services/marking-rules-settings';
import { handlersOf, type Req } from '../http/area';
import { settingsRoutes } from './routes';

const handler = handlersOf(settingsRoutes);

export const putDepartmentSettings = handler('putDepartmentSettings', async (req) => {
  const departmentId = req.params.departmentId!;
  req.authorize({ departmentId }, 'Сроки блокировки устанавливает управление образования.');
  const current = await getDepartmentSettings(departmentId);
  if (!current) throw new NotFoundError('Управление образования не найдено.');
  const next = {
    lockDays: req.body.lockDays,
    marksInAdvanceAllowed: req.body.marksInAdvanceAllowed,
    periodMarksOpenDaysBefore: req.body.periodMarksOpenDaysBefore ?? current.periodMarksOpenDaysBefore,
  };
  const problems = [...validateDepartmentSettings(next), ...openDaysBeforeProblems(next.periodMarksOpenDaysBefore)];
  if (problems.length) throw settingsInvalid(problems);
  if (req.body.version !== current.version) throw new ConflictError(STALE_SETTINGS, current);
  const saved = await saveDepartmentSettings(current, next, { actor: req.principal, at: req.now });
  if (!saved.ok) throw new ConflictError(STALE_SETTINGS, saved.current ?? undefined);
  return { body: saved.value };
});

/** The school's settings as the screen shows them: the school's values with defaults, the department's
 * limits beside them, what is in force, and the versions of the marking rules. */
function schoolView(stored: StoredSchoolSettings, dep: DepartmentSettings, now: Date) {
  const resolved = resolveSchoolSettings(stored.settings);
  // The versions are shown as a list of their own, each with what it changed.
  const { markingRules: _versions, ...settings } = resolved;
  const today = dateInZone(now, stored.timeZone);
  const versions = schoolVersions(resolved);
  const inForce = rulesInForce(versions, today);
  const department = { lockDays: dep.lockDays, marksInAdvanceAllowed: dep.marksInAdvanceAllowed, periodMarksOpenDaysBefore: dep.periodMarksOpenDaysBefore };
  return {
    schoolId: stored.schoolId,
    version: stored.version,
    settings: { ...settings, weights: inForce.weights, thresholds: inForce.thresholds, monitoringThresholds: resolveMonitoringThresholds(settings.monitoringThresholds) },
    department,
    effective: {
      ...effectiveLocks(department, settings),
      periodMarksOpenDaysBefore: effectiveOpenDaysBefore(dep.periodMarksOpenDaysBefore, settings.periodMarksOpenDaysBefore),
    },
    workTypes: WORK_TYPES.map(({ id, name, defaultWeight }) => ({ id, name, defaultWeight })),
    markingRules: { today, versions: versionViews(versions) },
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
  return { body: schoolView(stored, dep, req.now) };
});

const WRITE_REFUSED = 'Настройки школы меняют директор и заместитель директора.';

export const putSchoolSettings = handler('putSchoolSettings', async (req) => {
  const { stored, dep } = await schoolAndDepartment(req);
  req.authorize(stored, WRITE_REFUSED);
  const b = req.body;
  const current = resolveSchoolSettings(stored.settings);
  // An empty field follows the department: it is not stored at all.
  const lockDays: Partial<LockDays> = {};
  for (const k of LOCK_FIELDS) {
    const v = b.lockDays[k];
    if (v !== null && v !== undefined) lockDays[k] = v;
  }
  // The form states these two afresh (absent: as the department says); the rest (weights, versions) stays.
  const { marksInAdvanceAllowed: _m, periodMarksOpenDaysBefore: _o, idleMinutes: idleBefore, ...kept } = current;
  // Absent: unchanged (a client that does not know the field); null: back to the default.
  const idleMinutes = b.idleMinutes === undefined ? idleBefore : (b.idleMinutes ?? undefined);
  const draft: SchoolSettings = {
    ...kept,
    lockDays,
    ...(b.marksInAdvanceAllowed === null || b.marksInAdvanceAllowed === undefined ? {} : { marksInAdvanceAllowed: b.marksInAdvanceAllowed }),
    testLimits: b.testLimits,
    ...(b.periodMarksOpenDaysBefore === null || b.periodMarksOpenDaysBefore === undefined ? {} : { periodMarksOpenDaysBefore: b.periodMarksOpenDaysBefore }),
    ...(idleMinutes === undefined ? {} : { idleMinutes }),
  };
  const problems = [
    ...validateSchoolSettings(dep, draft),
    ...(draft.periodMarksOpenDaysBefore === undefined ? [] : openDaysBeforeProblems(draft.periodMarksOpenDaysBefore, dep.periodMarksOpenDaysBefore)),
  ];
  if (problems.length) throw settingsInvalid(problems);
  if (b.version !== stored.version) throw new ConflictError(STALE_SETTINGS, schoolView(stored, dep, req.now));
  const saved = await saveSchoolSettings(stored, draft, { actor: req.principal, at: req.now });
  if (!saved.ok) throw new ConflictError(STALE_SETTINGS, saved.current ? schoolView(saved.current, dep, req.now) : undefined);
  return { body: schoolView(saved.value, dep, req.now) };
});

export const addMarkingRules = handler('addMarkingRules', async (req) => {
  const { stored, dep } = await schoolAndDepartment(req);
  req.authorize(stored, WRITE_REFUSED);
  const saved = await addVersion(stored, req.body, { actor: req.principal, at: req.now }, (s) => schoolView(s, dep, req.now));
  return { body: { ...schoolView(saved.stored, dep, req.now), changedPeriods: saved.changedPeriods.map((c) => c.text) } };
});

export const putCorrectionSettings = handler('putCorrectionSettings', async (req) => {
  const { stored, dep } = await schoolAndDepartment(req);
  req.authorize(stored, 'Срок внесения исправлений и ответственного за контроль ведения журнала назначает директор (п. 3.11 Положения).');
  const saved = await saveCorrectionSettings(stored, req.body, { actor: req.principal, at: req.now }, (s) => schoolView(s, dep, req.now));
  return { body: schoolView(saved, dep, req.now) };
});

export const putMonitoringThresholds = handler('putMonitoringThresholds', async (req) => {
  const { stored, dep } = await schoolAndDepartment(req);
  req.authorize(stored, WRITE_REFUSED);
  const saved = await saveMonitoringThresholds(stored, req.body, { actor: req.principal, at: req.now }, (s) => schoolView(s, dep, req.now));
  return { body: schoolView(saved, dep, req.now) };
});
