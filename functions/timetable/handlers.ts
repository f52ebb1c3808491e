/**
 * The timetable area (R-13, clause 1.4): a class's week and a teacher's week, placing and moving
 * lessons (clashes refused with their names), one-off changes of a date, and the lessons of the
 * journal generated from it all for a period.
 */
import { BadRequestError } from '../../shared/errors';
import { addDays, dateInZone } from '../../shared/domain/calendar';
import { changeIdOf, changesOverview, createChange, deleteChange } from '../../shared/services/timetable-changes';
import { generateLessonsOfPeriod, lessonsOverview } from '../../shared/services/timetable-lessons';
import { classTimetable, createSlot as place, deleteSlot as remove, parseSlotId, slotIdOf, teacherTimetable, updateSlot as replace } from '../../shared/services/timetable-slots';
import { handlersOf } from '../http/area';
import { authorizedSchool, classOfSchool, yearIdOf } from '../http/school';
import { timetableRoutes } from './routes';

const handler = handlersOf(timetableRoutes);

/** A change as the screens see it: without the bookkeeping of where it is stored and who made it. */
function changeOut<C extends { schoolId: string; yearId: string; createdBy: string; createdAt: string }>(c: C) {
  const { schoolId: _s, yearId: _y, createdBy: _b, createdAt: _a, ...shown } = c;
  return shown;
}
const READ_REFUSED = 'Расписание доступно сотрудникам школы.';
const MANAGE_REFUSED = 'Расписание составляет заместитель директора (или директор).';

export const getClassTimetable = handler('getClassTimetable', async (req) => {
  const yearId = yearIdOf(req);
  const school = await authorizedSchool(req, READ_REFUSED);
  return { body: await classTimetable(school.schoolId, yearId, req.params.classId!) };
});

export const getTeacherTimetable = handler('getTeacherTimetable', async (req) => {
  const yearId = yearIdOf(req);
  const school = await authorizedSchool(req, READ_REFUSED);
  return { body: await teacherTimetable(school.schoolId, yearId, req.params.teacherId!) };
});

export const createSlot = handler('createSlot', async (req) => {
  const yearId = yearIdOf(req);
  const school = await authorizedSchool(req, MANAGE_REFUSED);
  const slot = await place({ by: req.principal, schoolId: school.schoolId, yearId, slot: req.body, now: req.now });
  return { status: 201, body: { ...slot, slotId: slotIdOf(slot) } };
});

export const updateSlot = handler('updateSlot', async (req) => {
  const yearId = yearIdOf(req);
  const school = await authorizedSchool(req, MANAGE_REFUSED);
  const { version, ...slot } = req.body;
  const saved = await replace({ by: req.principal, schoolId: school.schoolId, yearId, ref: parseSlotId(req.params.slotId!), slot, version, now: req.now });
  return { body: { ...saved, slotId: slotIdOf(saved) } };
});

export const deleteSlot = handler('deleteSlot', async (req) => {
  const yearId = yearIdOf(req);
  const school = await authorizedSchool(req, MANAGE_REFUSED);
  await remove({ by: req.principal, schoolId: school.schoolId, yearId, ref: parseSlotId(req.params.slotId!), version: req.query.version, now: req.now });
  return {};
});

export const listTimetableChanges = handler('listTimetableChanges', async (req) => {
  const yearId = yearIdOf(req);
  const school = await authorizedSchool(req, READ_REFUSED);
  const today = dateInZone(req.now, school.timeZone);
  const from = req.query.from ?? addDays(today, -7);
  const to = req.query.to ?? addDays(today, 31);
  // A default end can fall before a given start: the same refusal as a wrong pair.
  if (from > to || to > addDays(from, 366)) throw new BadRequestError('Изменения показываются за период до года; дата начала не позже даты окончания.');
  const { changes, ...rest } = await changesOverview(school.schoolId, yearId, from, to, req.query.classId);
  return { body: { ...rest, changes: changes.map(changeOut) } };
});

export const createTimetableChange = handler('createTimetableChange', async (req) => {
  const yearId = yearIdOf(req);
  const school = await authorizedSchool(req, MANAGE_REFUSED);
  const { change, lessons } = await createChange({ by: req.principal, schoolId: school.schoolId, yearId, change: req.body, now: req.now });
  return { status: 201, body: { change: changeOut({ ...change, changeId: changeIdOf(change) }), lessons } };
});

export const deleteTimetableChange = handler('deleteTimetableChange', async (req) => {
  const yearId = yearIdOf(req);
  const school = await authorizedSchool(req, MANAGE_REFUSED);
  return { body: await deleteChange({ by: req.principal, schoolId: school.schoolId, yearId, changeId: req.params.changeId!, version: req.query.version, now: req.now }) };
});

export const generateLessons = handler('generateLessons', async (req) => {
  const yearId = yearIdOf(req);
  const school = await authorizedSchool(req, 'Уроки журнала из расписания формирует заместитель директора (или директор).');
  return { body: await generateLessonsOfPeriod({ by: req.principal, schoolId: school.schoolId, yearId, ...req.body, now: req.now, timeZone: school.timeZone }) };
});

export const listLessonsOfClass = handler('listLessonsOfClass', async (req) => {
  const school = await authorizedSchool(req, 'Уроки класса доступны сотрудникам школы.', classOfSchool(req.params.classId!));
  return { body: await lessonsOverview(school.schoolId, req.params.classId!, req.params.periodId!, req.query.subjectId) };
});
