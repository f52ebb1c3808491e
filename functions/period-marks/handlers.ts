/**
 * Period, year, exam and final marks (issue 10): the class x subjects tables, setting a mark, the
 * early warnings of a class and of a school, and one student's report for the family. Each handler loads the object,
 * authorises it, calls one service function and shapes the answer.
 */
import type { Principal } from '../../shared/auth/roles';
import { NOT_YOUR_FINAL_MARK } from '../../shared/domain/period-mark-rules';
import { NotFoundError } from '../../shared/errors';
import { loadFinalMarkContext, setFinalMark, type Actor } from '../../shared/services/period-marks';
import { classWarnings, schoolWarnings } from '../../shared/services/early-warnings';
import { loadClassMarksContext, periodMarksTable, studentCurrentReport, studentOfClass, studentPeriodReport, yearMarksTable } from '../../shared/services/period-marks-read';
import { handlersOf } from '../http/area';
import { periodMarkRoutes } from './routes';

const handler = handlersOf(periodMarkRoutes);
const NOT_YOUR_CLASS = 'Отметки класса за период доступны классному руководителю, учителям этого класса и администрации школы.';

function actorOf(p: Principal): Actor {
  return { userId: p.userId, displayName: p.displayName };
}

export const getPeriodMarks = handler('getPeriodMarks', async (req) => {
  const ctx = await loadClassMarksContext(req.principal, req.params.schoolId!, req.params.classId!, req.now, req.params.periodId!);
  req.authorize(ctx.access, NOT_YOUR_CLASS);
  return { body: await periodMarksTable(req.principal, ctx, req.now, req.query.subject) };
});

export const getYearMarks = handler('getYearMarks', async (req) => {
  const ctx = await loadClassMarksContext(req.principal, req.params.schoolId!, req.params.classId!, req.now);
  req.authorize(ctx.access, NOT_YOUR_CLASS);
  return { body: await yearMarksTable(req.principal, ctx, req.now) };
});

export const putFinalMark = handler('putFinalMark', async (req) => {
  const p = req.principal;
  const ctx = await loadFinalMarkContext(
    p,
    { schoolId: req.params.schoolId!, classId: req.params.classId!, slot: req.params.slot!, subjectId: req.params.subjectId!, studentId: req.params.studentId! },
    req.now,
  );
  req.authorize(ctx.access, NOT_YOUR_FINAL_MARK);
  return { body: await setFinalMark(ctx, req.body, actorOf(p), req.now) };
});

export const getEarlyWarnings = handler('getEarlyWarnings', async (req) => {
  const ctx = await loadClassMarksContext(req.principal, req.params.schoolId!, req.params.classId!, req.now, req.params.periodId!);
  req.authorize(ctx.access, 'Предупреждения по классу доступны классному руководителю, учителям этого класса и администрации школы.');
  return { body: await classWarnings(ctx, req.now) };
});

export const getSchoolWarnings = handler('getSchoolWarnings', async (req) => {
  const p = req.principal;
  req.authorize({ departmentId: p.departmentId, schoolId: req.params.schoolId! }, 'Предупреждения по всей школе доступны директору и заместителю директора.');
  return { body: await schoolWarnings(p, req.params.schoolId!, req.now, req.query.period) };
});

/** The family's view: anybody but the student and their parents is told nothing exists (404), so ids cannot be probed. */
export const getStudentPeriodReport = handler('getStudentPeriodReport', async (req) => {
  const p = req.principal;
  const [schoolId, classId, periodId, studentId] = [req.params.schoolId!, req.params.classId!, req.params.periodId!, req.params.studentId!];
  if (!req.allowed({ departmentId: p.departmentId, schoolId, classId, studentId })) throw new NotFoundError('Обучающийся не найден.');
  await studentOfClass(schoolId, classId, studentId);
  const ctx = await loadClassMarksContext(p, schoolId, classId, req.now, periodId);
  return { body: await studentPeriodReport(ctx, studentId, req.now) };
});

/** The family's screen knows only the student: the class comes from the card, the period from today. Strangers get 404 as above. */
export const getStudentCurrentReport = handler('getStudentCurrentReport', async (req) => {
  const p = req.principal;
  const [schoolId, studentId] = [req.params.schoolId!, req.params.studentId!];
  // The rule looks at the student alone; the class is not known before the card is read.
  if (!req.allowed({ departmentId: p.departmentId, schoolId, classId: '', studentId })) throw new NotFoundError('Обучающийся не найден.');
  return { body: await studentCurrentReport(p, schoolId, studentId, req.now, req.query.period, req.query.class) };
});
