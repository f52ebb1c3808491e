/**
 * Request and response schemas of the curriculum area. Ids that become parts of keys are short
 * ascii; what makes a line, a make-up or a substitute right is in shared/domain/curriculum.ts.
 */
import * as z from 'zod';
import { classSubjectGroup, periodView, shortReason } from '../schemas';

const id = (what: string) =>
  z
    .string({ error: `Укажите ${what}.` })
    .regex(/^[A-Za-z0-9_-]{1,40}$/, `${what[0]!.toUpperCase()}${what.slice(1)}: латинские буквы, цифры, «-» и «_», не длиннее 40 знаков.`);
const date = (what: string) => z.string({ error: `${what}: укажите дату (ГГГГ-ММ-ДД).` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${what}: дата в формате ГГГГ-ММ-ДД.`);
const version = z.number({ error: 'Не указана версия: обновите страницу.' }).int('Версия — целое число.').min(1, 'Версия — число от 1.');

export const subjectBody = z.object({
  subjectId: z
    .string({ error: 'Обозначение предмета — строка.' })
    .regex(/^[a-z][a-z0-9-]{1,31}$/, 'Обозначение предмета: строчные латинские буквы, цифры и «-», от 2 до 32 знаков, например english.')
    .optional(),
  name: z.string({ error: 'Укажите название предмета.' }).trim().min(2, 'Название предмета слишком короткое.').max(80, 'Название предмета не длиннее 80 знаков.'),
  shortName: z.string({ error: 'Укажите краткое название предмета.' }).trim().min(1, 'Укажите краткое название предмета.').max(20, 'Краткое название не длиннее 20 знаков.'),
  splittable: z.boolean({ error: 'Укажите, делится ли класс на подгруппы по этому предмету.' }),
});

export const subjectUpdateBody = subjectBody.omit({ subjectId: true }).extend({ version });

const subject = z.object({ subjectId: z.string(), schoolId: z.string(), name: z.string(), shortName: z.string(), splittable: z.boolean(), version: z.number() });
export const subjectResponse = subject;
export const subjectListResponse = z.object({ subjects: z.array(subject) });

const loadGroup = z.object({
  groupId: z.string({ error: 'Укажите обозначение подгруппы.' }).regex(/^[a-z0-9-]{1,16}$/, 'Обозначение подгруппы: строчные латинские буквы, цифры и «-», до 16 знаков (например, g1).'),
  name: z.string({ error: 'Укажите название подгруппы.' }).trim().min(1, 'Укажите название подгруппы.').max(40, 'Название подгруппы не длиннее 40 знаков.'),
  teacherId: id('учителя подгруппы'),
});

export const loadLineBody = z.object({
  hoursPerWeek: z.number({ error: 'Укажите число часов в неделю.' }),
  teacherId: id('учителя').optional(),
  groups: z.array(loadGroup, { error: 'Подгруппы — список.' }).max(4, 'Подгрупп не больше 4.').optional(),
  passFail: z.boolean({ error: '«Зачёт/незачёт»: укажите да или нет.' }).optional(),
  exam: z.boolean({ error: '«Экзамен»: укажите да или нет.' }).optional(),
  version: version.optional(),
});

const loadLine = z.object({
  schoolId: z.string(),
  yearId: z.string(),
  classId: z.string(),
  subjectId: z.string(),
  hoursPerWeek: z.number(),
  teacherId: z.string().optional(),
  groups: z.array(z.object({ groupId: z.string(), name: z.string(), teacherId: z.string() })).optional(),
  passFail: z.boolean().optional(),
  exam: z.boolean().optional(),
  version: z.number(),
});
export const loadLineResponse = loadLine;

const teacher = z.object({ userId: z.string(), name: z.string(), shortName: z.string(), position: z.string().optional() });

export const curriculumResponse = z.object({
  year: z.object({
    yearId: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    periodSets: z.array(z.object({ kind: z.string(), grades: z.array(z.number()), periods: z.array(periodView) })),
    holidays: z.array(z.object({ name: z.string(), startDate: z.string(), endDate: z.string(), grades: z.array(z.number()).optional() })),
  }),
  classes: z.array(z.object({ classId: z.string(), name: z.string(), grade: z.number(), classTeacherId: z.string().optional() })),
  subjects: z.array(subject),
  teachers: z.array(teacher),
  lines: z.array(loadLine),
});

export const teacherLoadResponse = z.object({
  teacher,
  hoursPerWeek: z.number(),
  load: z.array(
    classSubjectGroup.extend({
      teacherId: z.string(),
      hoursPerWeek: z.number(),
    }),
  ),
});

export const classPeriodsResponse = z.object({
  class: z.object({ classId: z.string(), name: z.string(), grade: z.number(), yearId: z.string() }),
  periods: z.array(periodView),
});

export const subgroupsBody = z.object({
  groups: z
    .array(
      z.object({
        groupId: z.string({ error: 'Укажите подгруппу.' }).max(16, 'Обозначение подгруппы не длиннее 16 знаков.'),
        studentIds: z.array(z.string({ error: 'Укажите обучающегося.' }).max(64), { error: 'Укажите список обучающихся подгруппы.' }).max(60, 'В подгруппе не больше 60 обучающихся.'),
      }),
      { error: 'Укажите подгруппы.' },
    )
    .max(4, 'Подгрупп не больше 4.'),
  version: version.optional(),
});

const subgroupSet = z.object({
  schoolId: z.string(),
  classId: z.string(),
  periodId: z.string(),
  subjectId: z.string(),
  groups: z.array(z.object({ groupId: z.string(), name: z.string(), teacherId: z.string(), studentIds: z.array(z.string()) })),
  version: z.number(),
});
export const subgroupsSaveResponse = z.object({ subgroups: subgroupSet, unassigned: z.array(z.string()) });

export const subgroupsResponse = z.object({
  class: z.object({ classId: z.string(), name: z.string(), grade: z.number(), classTeacherId: z.string().optional() }),
  period: periodView,
  students: z.array(z.object({ studentId: z.string(), name: z.string() })),
  subjects: z.array(
    z.object({
      subjectId: z.string(),
      subjectName: z.string(),
      groups: z.array(z.object({ groupId: z.string(), name: z.string(), teacherId: z.string() })),
      subgroups: subgroupSet.nullable(),
      unassigned: z.array(z.string()),
    }),
  ),
});

export const substituteBody = z.object({
  subjectId: id('предмет'),
  groupId: z.string({ error: 'Укажите подгруппу или весь класс (all).' }).regex(/^[a-z0-9-]{1,16}$/, 'Неверное обозначение подгруппы.'),
  teacherId: id('замещающего учителя'),
  absentTeacherId: id('отсутствующего учителя').optional(),
  from: date('Начало замены'),
  to: date('Окончание замены'),
  reason: shortReason('основание замены', 'больничный лист', 'Основание'),
});

const substitute = z.object({
  schoolId: z.string(),
  classId: z.string(),
  periodId: z.string(),
  subjectId: z.string(),
  groupId: z.string(),
  teacherId: z.string(),
  absentTeacherId: z.string().optional(),
  from: z.string(),
  to: z.string(),
  reason: z.string(),
  version: z.number(),
  /** Who assigned it and when (the deputy's screen shows it). */
  createdBy: z.string().optional(),
  createdAt: z.string().optional(),
});
export const substituteResponse = substitute.extend({ substituteId: z.string() });
export const substitutesResponse = z.object({
  class: z.object({ classId: z.string(), name: z.string(), classTeacherId: z.string().optional() }),
  period: periodView,
  lines: z.array(z.object({ subjectId: z.string(), subjectName: z.string(), teacherId: z.string().optional(), groups: z.array(z.object({ groupId: z.string(), name: z.string(), teacherId: z.string() })).optional() })),
  substitutes: z.array(substitute.extend({ substituteId: z.string(), subjectName: z.string(), teacherName: z.string(), absentTeacherName: z.string().optional() })),
});
