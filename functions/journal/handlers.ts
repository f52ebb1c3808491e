/**
 * The journal area (R-20 - R-26, R-42): the teacher's page, entering marks, attendance, topics and
 * homework, the class teacher's corrections and daily check, the change log, rosters, OGE/EGE/GVE.
 * Each handler loads the object, asks the policy, calls one service function and shapes the answer.
 *
 * The page costs one Query: tenancy needs no extra read because the principal's department and
 * grants decide `inSchool` (a school of another department is simply not one of the caller's).
 */
import type { z } from 'zod';
import { may } from '../../shared/auth/policy';
import type { Principal } from '../../shared/auth/roles';
import { isIsoDate, daysBetween, dateInZone } from '../../shared/domain/calendar';
import { parseLessonId, type LessonRef } from '../../shared/domain/journal-model';
import { BadRequestError, ForbiddenError, NotFoundError } from '../../shared/errors';
import type { CellRef, Place } from '../../shared/repos/journal';
import { EXAM_KINDS, type ExamKind } from '../../shared/repos/journal';
import { getClass } from '../../shared/repos/school';
import { changeLogOf } from '../../shared/services/journal-changes';
import { CLASS_DAY_MAX_DAYS, classDayView } from '../../shared/services/journal-day';
import { correctAbsenceReason, fillLesson, loadWriteContext, setAttendance, setMark, type Actor } from '../../shared/services/journal-entry';
import { listExams, removeExam, saveExam } from '../../shared/services/journal-exams';
import { myJournals } from '../../shared/services/journal-mine';
import { journalPage, loadJournalPage } from '../../shared/services/journal-page';
import { materialiseRosters } from '../../shared/services/journal-rosters';
import { journalRulesForReading } from '../../shared/services/journal-settings';
import { handler, sessionOf, type Req } from '../http/area';
import type * as schemas from './schemas';

const NOT_YOURS = 'Журнал этого класса по этому предмету вам недоступен: его ведут учитель предмета, учитель подгруппы или назначенный заменяющий.';
const NOT_YOUR_LESSON = 'Этот урок ведёт другой учитель: записи в журнал вносят учитель предмета (подгруппы) или назначенный на эти даты заменяющий (п. 5 положения).';

function placeOf(req: Req<unknown>): Place {
  return { schoolId: req.params.schoolId!, classId: req.params.classId!, periodId: req.params.periodId!, subjectId: req.params.subjectId! };
}

function actorOf(p: Principal): Actor {
  return { userId: p.userId, displayName: p.displayName };
}

function lessonRefOf(id: string): LessonRef {
  const ref = parseLessonId(id);
  if (!ref) throw new BadRequestError('Неверный идентификатор урока.');
  return ref;
}

type ClassAction = 'journal.readChangeLog' | 'journal.buildRosters' | 'journal.classDay' | 'externalAssessment.read' | 'externalAssessment.write';

/** The class of the path, checked for a class-level action. */
function checkClass(req: Req<unknown>, action: ClassAction, refusal: string): Principal {
  const p = sessionOf(req).principal;
  if (!may(p, action, { departmentId: p.departmentId, schoolId: req.params.schoolId!, classId: req.params.classId! })) {
    throw new ForbiddenError(refusal);
  }
  return p;
}

/** Parents and students are refused before anything is read. */
function staffOnly(req: Req<unknown>): void {
  const p = sessionOf(req).principal;
  if (!p.grants.some((g) => g.role !== 'parent' && g.role !== 'student' && 'schoolId' in g && g.schoolId === req.params.schoolId)) {
    throw new ForbiddenError('Журнал доступен только учителям и администрации школы.');
  }
}

// --- the page and "my journals" -----------------------------------------------------------------

export const listMyJournals = handler(async (req) => {
  const p = sessionOf(req).principal;
  const schoolId = req.params.schoolId!;
  if (!may(p, 'journal.listMine', { departmentId: p.departmentId, schoolId })) throw new ForbiddenError('Журнал доступен учителям и администрации школы.');
  const rules = await journalRulesForReading(p.departmentId, schoolId);
  return { body: await myJournals(p, schoolId, rules, req.now) };
});

export const getJournalPage = handler(async (req) => {
  staffOnly(req);
  const p = sessionOf(req).principal;
  const group = req.query.group;
  if (group !== undefined && !/^[A-Za-z0-9_-]{1,40}$/.test(group)) throw new BadRequestError('Неверная подгруппа.');
  const loaded = await loadJournalPage(p.departmentId, placeOf(req));
  if (!may(p, 'journal.read', loaded.access)) throw new ForbiddenError(NOT_YOURS);
  return { body: await journalPage(p, loaded, req.now, group ?? null) };
});

// --- entering ----------------------------------------------------------------------------------

async function writeContext(req: Req<unknown>, lessonId: string, cell: CellRef, purpose: 'fill' | 'correctReason' = 'fill') {
  const p = sessionOf(req).principal;
  const ctx = await loadWriteContext(p, placeOf(req), lessonRefOf(lessonId), cell, req.now, purpose);
  if (purpose === 'fill' && !may(p, 'journal.write', ctx.access)) throw new ForbiddenError(NOT_YOUR_LESSON);
  if (purpose === 'correctReason' && !may(p, 'journal.correctReason', ctx.access)) {
    throw new ForbiddenError('Причины пропусков исправляет классный руководитель (п. 3.7 положения).');
  }
  return { p, ctx };
}

export const putMark = handler<z.output<typeof schemas.markBody>>(async (req) => {
  staffOnly(req);
  const b = req.body;
  const { p, ctx } = await writeContext(req, b.lessonId, { kind: 'mark', studentId: b.studentId, workType: b.workType });
  return { body: await setMark(ctx, b, actorOf(p), req.now) };
});

export const putAttendance = handler<z.output<typeof schemas.attendanceBody>>(async (req) => {
  staffOnly(req);
  const b = req.body;
  const { p, ctx } = await writeContext(req, b.lessonId, { kind: 'attendance', studentId: b.studentId });
  return { body: await setAttendance(ctx, b, actorOf(p), req.now) };
});

export const putAbsenceReason = handler<z.output<typeof schemas.reasonBody>>(async (req) => {
  staffOnly(req);
  const b = req.body;
  const { p, ctx } = await writeContext(req, b.lessonId, { kind: 'attendance', studentId: b.studentId }, 'correctReason');
  return { body: await correctAbsenceReason(ctx, b, actorOf(p), req.now) };
});

export const putLesson = handler<z.output<typeof schemas.lessonBody>>(async (req) => {
  staffOnly(req);
  const { p, ctx } = await writeContext(req, req.params.lessonId!, { kind: 'lesson' });
  return { body: await fillLesson(ctx, req.body, actorOf(p), req.now) };
});

// --- change log, rosters, the class teacher's day ------------------------------------------------

export const getChangeLog = handler(async (req) => {
  checkClass(req, 'journal.readChangeLog', 'Журнал изменений доступен директору, заместителю директора и классному руководителю.');
  const subject = req.query.subject;
  if (subject !== undefined && !/^[A-Za-z0-9_.-]{1,64}$/.test(subject)) throw new BadRequestError('Неверный предмет.');
  return { body: await changeLogOf(req.params.schoolId!, req.params.classId!, req.params.periodId!, subject) };
});

export const buildRosters = handler(async (req) => {
  checkClass(req, 'journal.buildRosters', 'Списки классов по предметам формирует заместитель директора.');
  return { body: await materialiseRosters(req.params.schoolId!, req.params.classId!, req.params.periodId!, req.now) };
});

export const getClassDay = handler(async (req) => {
  const p = checkClass(req, 'journal.classDay', 'Контроль заполнения журнала класса доступен его классному руководителю и администрации.');
  const { from, to } = req.query;
  for (const d of [from, to]) if (d !== undefined && !isIsoDate(d)) throw new BadRequestError('Даты: ГГГГ-ММ-ДД.');
  if (from && to && (from > to || daysBetween(from, to) >= CLASS_DAY_MAX_DAYS)) {
    throw new BadRequestError(`Выберите от 1 до ${CLASS_DAY_MAX_DAYS} дней, дата начала не позже даты окончания.`);
  }
  const rules = await journalRulesForReading(p.departmentId, req.params.schoolId!);
  return { body: await classDayView(req.params.schoolId!, req.params.classId!, { from, to }, rules, req.now) };
});

// --- external assessments (R-26) ----------------------------------------------------------------

async function classOf(req: Req<unknown>) {
  const cls = await getClass(req.params.schoolId!, req.params.classId!);
  if (!cls) throw new NotFoundError('Класс не найден.');
  return cls;
}

export const listExternalAssessments = handler(async (req) => {
  checkClass(req, 'externalAssessment.read', 'Результаты ОГЭ, ЕГЭ и ГВЭ доступны администрации школы и классному руководителю.');
  const cls = await classOf(req);
  return { body: { classId: cls.classId, grade: cls.grade, exams: await listExams(req.params.schoolId!, cls) } };
});

export const putExternalAssessment = handler<z.output<typeof schemas.examBody>>(async (req) => {
  const p = checkClass(req, 'externalAssessment.write', 'Результаты ОГЭ, ЕГЭ и ГВЭ вносят заместитель директора или секретарь.');
  const cls = await classOf(req);
  const rules = await journalRulesForReading(p.departmentId, req.params.schoolId!);
  return { body: await saveExam(req.params.schoolId!, cls, req.body, actorOf(p), dateInZone(req.now, rules.timeZone), req.now) };
});

export const deleteExternalAssessment = handler(async (req) => {
  const p = checkClass(req, 'externalAssessment.write', 'Результаты ОГЭ, ЕГЭ и ГВЭ вносят заместитель директора или секретарь.');
  // examId: <date>.<kind>.<subjectId>
  const m = /^(\d{4}-\d{2}-\d{2})\.([A-Z]{3})\.([A-Za-z0-9_-]{1,64})$/.exec(req.params.examId!);
  if (!m || !EXAM_KINDS.includes(m[2] as ExamKind)) throw new BadRequestError('Неверный идентификатор результата.');
  const version = Number(req.query.version);
  if (!Number.isInteger(version) || version < 1) throw new BadRequestError('Укажите версию удаляемой записи (?version=…): обновите страницу.');
  const cls = await classOf(req);
  await removeExam(req.params.schoolId!, cls, { studentId: req.params.studentId!, date: m[1]!, kind: m[2] as ExamKind, subjectId: m[3]!, version }, actorOf(p), req.now);
  return {};
});
