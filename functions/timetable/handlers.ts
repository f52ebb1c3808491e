/**
 * The timetable area (R-13, clause 1.4): a class's week and a teacher's week, placing and moving
 * lessons (clashes refused with their names), one-off changes of a date, and the lessons of the
 * journal generated from it all for a period.
 */
import type { z } from 'zod';
import { BadRequestError } from '../../shared/errors';
import { addDays, dateInZone } from '../../shared/domain/calendar';
import { changeIdOf, changesOverview, createChange, deleteChange } from '../../shared/services/timetable-changes';
import { generateLessonsOfPeriod, lessonsOverview } from '../../shared/services/timetable-lessons';
import { classTimetable, createSlot as place, deleteSlot as remove, parseSlotId, slotIdOf, teacherTimetable, updateSlot as replace } from '../../shared/services/timetable-slots';
import { handler } from '../http/area';
import { classObject, schoolFor, versionOf, yearIdOf } from '../curriculum/context';
import type * as schemas from './schemas';

const READ_REFUSED = 'Расписание доступно сотрудникам школы.';
const MANAGE_REFUSED = 'Расписание составляет заместитель директора (или директор).';

export const getClassTimetable = handler(async (req) => {
  const yearId = yearIdOf(req);
  const { school } = await schoolFor(req, 'timetable.read', READ_REFUSED);
  return { body: await classTimetable(school.schoolId, yearId, req.params.classId!) };
});

export const getTeacherTimetable = handler(async (req) => {
  const yearId = yearIdOf(req);
  const { school } = await schoolFor(req, 'timetable.read', READ_REFUSED);
  return { body: await teacherTimetable(school.schoolId, yearId, req.params.teacherId!) };
});

export const createSlot = handler<z.output<typeof schemas.slotBody>>(async (req) => {
  const yearId = yearIdOf(req);
  const { p, school } = await schoolFor(req, 'timetable.manage', MANAGE_REFUSED);
  const slot = await place({ by: p, schoolId: school.schoolId, yearId, slot: req.body, now: req.now });
  return { status: 201, body: { ...slot, slotId: slotIdOf(slot) } };
});

export const updateSlot = handler<z.output<typeof schemas.slotUpdateBody>>(async (req) => {
  const yearId = yearIdOf(req);
  const { p, school } = await schoolFor(req, 'timetable.manage', MANAGE_REFUSED);
  const { version, ...slot } = req.body;
  const saved = await replace({ by: p, schoolId: school.schoolId, yearId, ref: parseSlotId(req.params.slotId!), slot, version, now: req.now });
  return { body: { ...saved, slotId: slotIdOf(saved) } };
});

export const deleteSlot = handler(async (req) => {
  const yearId = yearIdOf(req);
  const version = versionOf(req);
  const { p, school } = await schoolFor(req, 'timetable.manage', MANAGE_REFUSED);
  await remove({ by: p, schoolId: school.schoolId, yearId, ref: parseSlotId(req.params.slotId!), version, now: req.now });
  return {};
});

export const listTimetableChanges = handler(async (req) => {
  const yearId = yearIdOf(req);
  const { school } = await schoolFor(req, 'timetable.read', READ_REFUSED);
  const today = dateInZone(req.now, school.timeZone);
  const from = req.query.from ?? addDays(today, -7);
  const to = req.query.to ?? addDays(today, 31);
  if (to > addDays(from, 366)) throw new BadRequestError('Изменения показываются не больше чем за год.');
  return { body: await changesOverview(school.schoolId, yearId, from, to, req.query.classId || undefined) };
});

export const createTimetableChange = handler<z.output<typeof schemas.changeBody>>(async (req) => {
  const yearId = yearIdOf(req);
  const { p, school } = await schoolFor(req, 'timetable.manage', MANAGE_REFUSED);
  const { change, lessons } = await createChange({ by: p, schoolId: school.schoolId, yearId, change: req.body, now: req.now });
  return { status: 201, body: { change: { ...change, changeId: changeIdOf(change) }, lessons } };
});

export const deleteTimetableChange = handler(async (req) => {
  const yearId = yearIdOf(req);
  const version = versionOf(req);
  const { p, school } = await schoolFor(req, 'timetable.manage', MANAGE_REFUSED);
  return { body: await deleteChange({ by: p, schoolId: school.schoolId, yearId, changeId: req.params.changeId!, version, now: req.now }) };
});

export const generateLessons = handler<z.output<typeof schemas.generateBody>>(async (req) => {
  const yearId = yearIdOf(req);
  const { p, school } = await schoolFor(req, 'lesson.generate', 'Уроки журнала из расписания формирует заместитель директора (или директор).');
  return { body: await generateLessonsOfPeriod({ by: p, schoolId: school.schoolId, yearId, ...req.body, now: req.now, timeZone: school.timeZone }) };
});

export const listLessonsOfClass = handler(async (req) => {
  const { school } = await schoolFor(req, 'lesson.readOfClass', 'Уроки класса доступны сотрудникам школы.', classObject(req.params.classId!));
  const subjectId = req.query.subjectId || undefined;
  if (subjectId && !/^[A-Za-z0-9_-]{1,40}$/.test(subjectId)) throw new BadRequestError('Неверное обозначение предмета.');
  return { body: await lessonsOverview(school.schoolId, req.params.classId!, req.params.periodId!, subjectId) };
});
