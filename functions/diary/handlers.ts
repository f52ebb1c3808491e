/**
 * The diary (issue 12): a student's week and events for the student and their parents, and the
 * events the deputy, the director or a class teacher publishes. Each handler authorises the object,
 * calls one service function and shapes the answer. A family's request about anybody else's child
 * is told nothing exists (404), so ids cannot be probed.
 */
import type { StudentObject } from '../../shared/auth/policy';
import { NotFoundError } from '../../shared/errors';
import { dateInZone } from '../../shared/domain/calendar';
import { editEvent, eventRange, loadEvent, peekedAudience, publishEvent, removeEvent, schoolEvents } from '../../shared/services/diary-events';
import { diarySubject } from '../../shared/services/diary-subject';
import { diaryWeek, studentEvents, studentYears } from '../../shared/services/diary-week';
import { handlersOf, type Req } from '../http/area';
import { schoolOf } from '../http/school';
import { diaryRoutes } from './routes';

const handler = handlersOf(diaryRoutes);
const NOBODY = 'Обучающийся не найден.';
const NOT_YOURS = 'Мероприятия для всей школы и параллели публикуют заместитель директора и директор, для класса — его классный руководитель.';

/** The student of the path, if the caller is that student or their parent; otherwise nothing is said about it. */
function ownStudent(req: Pick<Req, 'principal' | 'params'> & { allowed: (o: StudentObject) => boolean }) {
  const p = req.principal;
  const [schoolId, studentId] = [req.params.schoolId!, req.params.studentId!];
  // The rule looks at the student alone; the class is read from the card afterwards.
  if (!req.allowed({ departmentId: p.departmentId, schoolId, classId: '', studentId })) throw new NotFoundError(NOBODY);
  return { departmentId: p.departmentId, schoolId, studentId };
}

export const getDiaryWeek = handler('getDiaryWeek', async (req) => {
  const s = ownStudent(req);
  return { body: await diaryWeek(s.departmentId, s.schoolId, s.studentId, req.query.from, req.now) };
});

export const getDiarySubject = handler('getDiarySubject', async (req) => {
  const s = ownStudent(req);
  return { body: await diarySubject(s.departmentId, s.schoolId, s.studentId, req.params.subjectId!, { period: req.query.period, classId: req.query.class }, req.now) };
});

export const getStudentYears = handler('getStudentYears', async (req) => {
  const s = ownStudent(req);
  return { body: await studentYears(s.departmentId, s.schoolId, s.studentId, req.now) };
});

export const getStudentEvents = handler('getStudentEvents', async (req) => {
  const s = ownStudent(req);
  return { body: await studentEvents(s.departmentId, s.schoolId, s.studentId, req.query, req.now) };
});

export const listSchoolEvents = handler('listSchoolEvents', async (req) => {
  const school = await schoolOf(req);
  req.authorize({ departmentId: school.departmentId, schoolId: school.schoolId }, 'Список мероприятий школы доступен её работникам.');
  return { body: await schoolEvents(school.schoolId, eventRange(req.query, dateInZone(req.now, school.timeZone))) };
});

export const createEvent = handler('createEvent', async (req) => {
  const school = await schoolOf(req);
  req.authorize({ departmentId: school.departmentId, schoolId: school.schoolId, audience: peekedAudience(req.peek) }, NOT_YOURS);
  return { status: 201, body: { event: await publishEvent(req.principal, school.schoolId, req.body, req.now) } };
});

export const updateEvent = handler('updateEvent', async (req) => {
  const school = await schoolOf(req);
  const before = await loadEvent(school.schoolId, req.params.eventId!);
  const object = { departmentId: school.departmentId, schoolId: school.schoolId };
  // Both whom it was for and whom it is to be for: a class teacher cannot take over the school's event.
  if (!req.allowed({ ...object, audience: before.audience })) req.authorize({ ...object, audience: before.audience }, NOT_YOURS);
  req.authorize({ ...object, audience: peekedAudience(req.peek) }, NOT_YOURS);
  return { body: { event: await editEvent(req.principal, before, req.body, req.now) } };
});

export const deleteEvent = handler('deleteEvent', async (req) => {
  const school = await schoolOf(req);
  const before = await loadEvent(school.schoolId, req.params.eventId!);
  req.authorize({ departmentId: school.departmentId, schoolId: school.schoolId, audience: before.audience }, NOT_YOURS);
  await removeEvent(req.principal, before, req.query.version, req.now);
  return { status: 204 };
});
