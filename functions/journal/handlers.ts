/**
 * The journal area (R-20 - R-26, R-42): the teacher's page, entering marks, attendance, topics and
 * homework, the class teacher's corrections and daily check, the change log, rosters, OGE/EGE/GVE.
 * Each handler loads the object, authorises it, calls one service function and shapes the answer.
 * Parents and students are refused by the adapter before anything is read (the precondition of
 * the journal's actions, shared/auth/rules/journal.ts).
 *
 * The page costs one Query: tenancy needs no extra read because the principal's department and
 * grants decide `inSchool` (a school of another department is simply not one of the caller's).
 */
import type { ObjectOf } from '../../shared/auth/policy';
import type { Principal } from '../../shared/auth/roles';
import { daysBetween, dateInZone } from '../../shared/domain/calendar';
import { parseLessonId, type LessonRef } from '../../shared/domain/journal-model';
import { isWorkTypeId } from '../../shared/domain/work-types';
import { BadRequestError, NotFoundError } from '../../shared/errors';
import type { CellRef, Place } from '../../shared/repos/journal';
import { EXAM_KINDS, type ExamKind } from '../../shared/repos/journal';
import { getClass } from '../../shared/repos/school';
import { changeLogOf } from '../../shared/services/journal-changes';
import { CLASS_DAY_MAX_DAYS, classDayView } from '../../shared/services/journal-day';
import { correctAbsenceReason, fillLesson, loadWriteContext, setAttendance, setMark, type Actor } from '../../shared/services/journal-entry';
import { listExams, removeExam, saveExam } from '../../shared/services/journal-exams';
import { myJournals } from '../../shared/services/journal-mine';
import { teacherDay } from '../../shared/services/teacher-day';
import { ktpTopicsOfPage } from '../../shared/services/journal-ktp';
import { journalPage, loadJournalPage } from '../../shared/services/journal-page';
import { materialiseRosters } from '../../shared/services/journal-rosters';
import { journalRulesForReading } from '../../shared/services/journal-settings';
import { handlersOf, sessionOf, type Authorizing, type Req } from '../http/area';
import { assertLiveAccount } from '../http/renew';
import { journalRoutes } from './routes';

const handler = handlersOf(journalRoutes);
const NOT_YOURS = 'Журнал этого класса по этому предмету вам недоступен: его ведут учитель предмета, учитель подгруппы или назначенный заменяющий.';
const NOT_YOUR_LESSON = 'Этот урок ведёт другой учитель: записи в журнал вносят учитель предмета (подгруппы) или назначенный на эти даты заменяющий (п. 5 положения).';

function placeOf(req: Pick<Req, 'params'>): Place {
  return { schoolId: req.params.schoolId!, classId: req.params.classId!, periodId: req.params.periodId!, subjectId: req.params.subjectId! };
}

function actorOf(p: Principal): Actor {
  return { userId: p.userId, displayName: p.displayName };
}

function lessonRefOf(id: string | undefined): LessonRef {
  const ref = id === undefined ? null : parseLessonId(id);
  if (!ref) throw new BadRequestError('Неверный идентификатор урока.');
  return ref;
}

/** The class of the path as the object of a class-level action; tenancy comes from the principal. */
function classOf(req: Pick<Req, 'principal' | 'params'>) {
  return { departmentId: req.principal.departmentId, schoolId: req.params.schoolId!, classId: req.params.classId! };
}

// --- the page and "my journals" -----------------------------------------------------------------

export const listMyJournals = handler('listMyJournals', async (req) => {
  const p = req.principal;
  const schoolId = req.params.schoolId!;
  req.authorize({ departmentId: p.departmentId, schoolId }, 'Журнал доступен учителям и администрации школы.');
  const rules = await journalRulesForReading(p.departmentId, schoolId, req.now);
  return { body: await myJournals(p, schoolId, rules, req.now) };
});

export const getMyDay = handler('getMyDay', async (req) => {
  const p = req.principal;
  const schoolId = req.params.schoolId!;
  req.authorize({ departmentId: p.departmentId, schoolId }, 'Уроки на сегодня видны учителям школы.');
  const rules = await journalRulesForReading(p.departmentId, schoolId, req.now);
  return { body: await teacherDay(schoolId, p.userId, rules.timeZone, req.now) };
});

export const getJournalPage = handler('getJournalPage', async (req) => {
  const p = req.principal;
  const loaded = await loadJournalPage(p.departmentId, placeOf(req), req.now);
  req.authorize(loaded.access, NOT_YOURS);
  return { body: await journalPage(p, loaded, req.now, req.query.group ?? null) };
});

/** The approved KTP's topic of each lesson on the page: the lesson panel offers it. */
export const getKtpTopics = handler('getKtpTopics', async (req) => {
  const loaded = await loadJournalPage(req.principal.departmentId, placeOf(req), req.now);
  req.authorize(loaded.access, NOT_YOURS);
  return { body: await ktpTopicsOfPage(loaded, req.query.group ?? null) };
});

// --- entering ----------------------------------------------------------------------------------

/**
 * The lesson and cell being written, authorised for the route's action. The lesson and the cell are
 * named in the body, so they are peeked at (well-formed ids only) before the body is validated.
 */
async function writeContext(
  req: Authorizing<ObjectOf<'journal.write'>> & Pick<Req, 'peek' | 'session' | 'now'>,
  lessonId: string | undefined,
  cell: CellRef,
  purpose: 'fill' | 'correctReason' = 'fill',
) {
  const ctx = await loadWriteContext(req.principal, placeOf(req), lessonRefOf(lessonId), cell, req.now, purpose);
  // These routes are `callerAccount: 'inBatch'`: the session is judged on the account read above.
  assertLiveAccount(sessionOf(req), ctx.callerAccount, req.now);
  req.authorize(ctx.access, purpose === 'fill' ? NOT_YOUR_LESSON : 'Причины пропусков исправляет классный руководитель (п. 3.7 положения).');
  return ctx;
}

function studentIn(req: Pick<Req, 'peek'>): string {
  const studentId = req.peek('studentId');
  if (!studentId) throw new BadRequestError('Неверный идентификатор обучающегося.');
  return studentId;
}

export const putMark = handler('putMark', async (req) => {
  const workType = req.peek('workType');
  if (!workType || !isWorkTypeId(workType)) throw new BadRequestError('Неизвестный вид работы.');
  const ctx = await writeContext(req, req.peek('lessonId'), { kind: 'mark', studentId: studentIn(req), workType });
  return { body: await setMark(ctx, req.body, actorOf(req.principal), req.now) };
});

export const putAttendance = handler('putAttendance', async (req) => {
  const ctx = await writeContext(req, req.peek('lessonId'), { kind: 'attendance', studentId: studentIn(req) });
  return { body: await setAttendance(ctx, req.body, actorOf(req.principal), req.now) };
});

export const putAbsenceReason = handler('putAbsenceReason', async (req) => {
  const ctx = await writeContext(req, req.peek('lessonId'), { kind: 'attendance', studentId: studentIn(req) }, 'correctReason');
  return { body: await correctAbsenceReason(ctx, req.body, actorOf(req.principal), req.now) };
});

export const putLesson = handler('putLesson', async (req) => {
  const ctx = await writeContext(req, req.params.lessonId!, { kind: 'lesson' });
  return { body: await fillLesson(ctx, req.body, actorOf(req.principal), req.now) };
});

// --- change log, rosters, the class teacher's day ------------------------------------------------

export const getChangeLog = handler('getChangeLog', async (req) => {
  req.authorize(classOf(req), 'Журнал изменений доступен директору, заместителю директора и классному руководителю.');
  const rules = await journalRulesForReading(req.principal.departmentId, req.params.schoolId!, req.now);
  const log = await changeLogOf(req.params.schoolId!, req.params.classId!, req.params.periodId!, req.query, rules.timeZone);
  return { body: { ...log, timeZone: rules.timeZone } };
});

export const buildRosters = handler('buildRosters', async (req) => {
  req.authorize(classOf(req), 'Списки классов по предметам формирует заместитель директора.');
  return { body: await materialiseRosters(req.params.schoolId!, req.params.classId!, req.params.periodId!, req.now) };
});

export const getClassDay = handler('getClassDay', async (req) => {
  req.authorize(classOf(req), 'Контроль заполнения журнала класса доступен его классному руководителю и администрации.');
  const { from, to } = req.query;
  if (from && to && daysBetween(from, to) >= CLASS_DAY_MAX_DAYS) throw new BadRequestError(`Выберите от 1 до ${CLASS_DAY_MAX_DAYS} дней.`);
  const rules = await journalRulesForReading(req.principal.departmentId, req.params.schoolId!, req.now);
  return { body: await classDayView(req.params.schoolId!, req.params.classId!, { from, to }, rules, req.now) };
});

// --- external assessments (R-26) ----------------------------------------------------------------

async function schoolClass(req: Pick<Req, 'params'>) {
  const cls = await getClass(req.params.schoolId!, req.params.classId!);
  if (!cls) throw new NotFoundError('Класс не найден.');
  return cls;
}

export const listExternalAssessments = handler('listExternalAssessments', async (req) => {
  req.authorize(classOf(req), 'Результаты ОГЭ, ЕГЭ и ГВЭ доступны администрации школы и классному руководителю.');
  const cls = await schoolClass(req);
  return { body: { classId: cls.classId, grade: cls.grade, exams: await listExams(req.params.schoolId!, cls) } };
});

const EXAMS_REFUSED = 'Результаты ОГЭ, ЕГЭ и ГВЭ вносят заместитель директора или секретарь.';

export const putExternalAssessment = handler('putExternalAssessment', async (req) => {
  req.authorize(classOf(req), EXAMS_REFUSED);
  const cls = await schoolClass(req);
  const rules = await journalRulesForReading(req.principal.departmentId, req.params.schoolId!, req.now);
  return { body: await saveExam(req.params.schoolId!, cls, req.body, actorOf(req.principal), dateInZone(req.now, rules.timeZone), req.now) };
});

export const deleteExternalAssessment = handler('deleteExternalAssessment', async (req) => {
  req.authorize(classOf(req), EXAMS_REFUSED);
  // examId: <date>.<kind>.<subjectId>
  const m = /^(\d{4}-\d{2}-\d{2})\.([A-Z]{3})\.([A-Za-z0-9_-]{1,64})$/.exec(req.params.examId!);
  if (!m || !EXAM_KINDS.includes(m[2] as ExamKind)) throw new BadRequestError('Неверный идентификатор результата.');
  const cls = await schoolClass(req);
  const exam = { studentId: req.params.studentId!, date: m[1]!, kind: m[2] as ExamKind, subjectId: m[3]!, version: req.query.version };
  await removeExam(req.params.schoolId!, cls, exam, actorOf(req.principal), req.now);
  return {};
});
