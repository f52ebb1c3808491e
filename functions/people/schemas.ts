/** Request and response schemas of the people area; messages are Russian, the UI shows them as they are. */
import * as z from 'zod';
import { MOVEMENT_KINDS } from '../../shared/domain/movement';
import { SCHOOL_STAFF_ROLES, VIEW_AREAS } from '../../shared/auth/roles';

const date = (what: string) => z.string({ error: `Укажите ${what}.` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${what[0]!.toUpperCase()}${what.slice(1)}: дата в формате ГГГГ-ММ-ДД.`);
const version = z.number({ error: 'Не указана версия записи (обновите страницу).' }).int('Неверная версия записи.').min(0, 'Неверная версия записи.');
const id = (what: string) => z.string({ error: `Укажите ${what}.` }).regex(/^[a-z0-9_-]{1,64}$/, `Неверный идентификатор: ${what}.`);
const name = (what: string) => z.string({ error: `Укажите ${what}.` }).max(60, `${what}: не длиннее 60 символов.`);
const optText = (max: number, what: string) => z.string({ error: `${what}: ожидается текст.` }).max(max, `${what}: не длиннее ${max} символов.`).optional();

const card = {
  lastName: name('фамилию'),
  firstName: name('имя'),
  middleName: name('отчество').optional(),
  birthDate: date('дату рождения'),
  gender: z.enum(['m', 'f'], { error: 'Пол: «m» (мужской) или «f» (женский).' }).optional(),
  address: optText(300, 'Адрес'),
  personalFileNo: optText(30, 'Номер личного дела'),
};

export const createClassBody = z.object({
  grade: z.number({ error: 'Укажите параллель (число от 1 до 11).' }).int('Параллель: целое число.').min(1, 'Параллель: от 1 до 11.').max(11, 'Параллель: от 1 до 11.'),
  letter: z.string({ error: 'Укажите букву класса.' }).trim().min(1, 'Укажите букву класса.').max(1, 'Буква класса: одна буква.').transform((s) => s.toLocaleUpperCase('ru-RU')),
  classTeacherId: id('классного руководителя').optional(),
  yearId: z.string().regex(/^\d{4}$/, 'Учебный год: четыре цифры года начала, например 2026.').optional(),
});

export const updateClassBody = z.object({
  version,
  classTeacherId: id('классного руководителя').nullable(),
});

export const createStudentBody = z.object({
  ...card,
  classId: id('класс'),
  enrolment: z.object({ date: date('дату зачисления'), orderNo: z.string({ error: 'Укажите номер приказа.' }).max(24, 'Номер приказа слишком длинный.') }).optional(),
});

export const updateStudentBody = z.object({ version, ...card });

export const consentBody = z.object({
  version,
  date: date('дату согласия'),
  document: z.string({ error: 'Опишите документ согласия.' }).max(200, 'Описание документа: не длиннее 200 символов.'),
});

export const linkParentBody = z.object({
  version,
  parent: z.union(
    [
      z.object({ userId: id('родителя') }),
      z.object({ lastName: name('фамилию родителя'), firstName: name('имя родителя'), middleName: name('отчество родителя').optional(), phone: optText(30, 'Телефон') }),
    ],
    { error: 'Укажите существующего родителя (userId) или ФИО нового.' },
  ),
});

export const movementBody = z.object({
  version,
  kind: z.enum(MOVEMENT_KINDS as [string, ...string[]], { error: 'Вид движения: зачисление, перевод, выбытие или окончание.' }).transform((k) => k as (typeof MOVEMENT_KINDS)[number]),
  date: date('дату движения'),
  orderNo: z.string({ error: 'Укажите номер приказа.' }).max(24, 'Номер приказа слишком длинный.'),
  toClassId: id('класс').optional(),
  note: optText(200, 'Примечание'),
});

const role = z.enum(SCHOOL_STAFF_ROLES, { error: 'Неизвестная роль.' });

export const createStaffBody = z.object({
  lastName: name('фамилию'),
  firstName: name('имя'),
  middleName: name('отчество').optional(),
  position: z.string({ error: 'Укажите должность.' }).max(100, 'Должность: не длиннее 100 символов.'),
  employedFrom: date('дату приёма на работу'),
  employedUntil: date('дату окончания работы').nullable().optional(),
  roles: z.array(role, { error: 'Роли: список.' }).max(5, 'Слишком много ролей.').optional(),
});

export const updateStaffBody = z.object({
  version,
  lastName: name('фамилию').optional(),
  firstName: name('имя').optional(),
  middleName: name('отчество').nullable().optional(),
  position: z.string().max(100, 'Должность: не длиннее 100 символов.').optional(),
  employedFrom: date('дату приёма на работу').optional(),
  employedUntil: date('дату окончания работы').nullable().optional(),
  roles: z.array(role, { error: 'Роли: список.' }).max(5, 'Слишком много ролей.').optional(),
});

export const temporaryAccessBody = z.object({
  lastName: name('фамилию'),
  firstName: name('имя'),
  middleName: name('отчество').optional(),
  position: z.string({ error: 'Укажите, кто это (должность, организация).' }).max(100, 'Не длиннее 100 символов.'),
  classIds: z.union([z.literal('all'), z.array(id('класс'), { error: 'Классы: список или «all».' }).max(60, 'Слишком много классов.')], { error: 'Укажите классы: список или «all» (все).' }),
  areas: z.array(z.enum(VIEW_AREAS, { error: 'Разделы: journal, reports или people.' }), { error: 'Укажите разделы для просмотра.' }).max(3, 'Слишком много разделов.'),
  activeUntil: date('дату окончания доступа'),
  application: z.object(
    { number: z.string({ error: 'Укажите номер заявления.' }).max(30, 'Номер заявления слишком длинный.'), date: date('дату заявления') },
    { error: 'Укажите письменное заявление (номер и дату).' },
  ),
});

/** About 700 KB of file in base64 stays under the API's 1 MB request limit. */
export const importBody = z.object({
  fileName: z.string({ error: 'Укажите имя файла.' }).min(1, 'Укажите имя файла.').max(200, 'Имя файла слишком длинное.'),
  contentBase64: z
    .string({ error: 'Приложите файл.' })
    .min(4, 'Файл пуст.')
    .max(960_000, 'Файл слишком большой: не больше 700 КБ, разделите список на части.')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Файл передан не в кодировке base64.'),
  classId: id('класс').optional(),
});

export const applyImportBody = z.object({ version, skipRejected: z.boolean({ error: 'skipRejected: да или нет.' }).optional() });

export const classSheetBody = z.object({
  kinds: z.array(z.enum(['student', 'parent'], { error: 'Кому: student или parent.' })).min(1, 'Выберите, кому выдать коды.').optional(),
  onlyNew: z.boolean({ error: 'onlyNew: да или нет.' }).optional(),
});

export const staffSheetBody = z.object({
  userIds: z.array(id('сотрудника')).max(500, 'Слишком длинный список.').optional(),
  onlyNew: z.boolean({ error: 'onlyNew: да или нет.' }).optional(),
});

// --- responses (for the OpenAPI description; the handlers shape them) --------------------------

const account = z.object({ userId: z.string(), login: z.string(), displayName: z.string(), status: z.string(), phone: z.string().optional(), disabledReason: z.string().optional() });

export const classResponse = z.object({
  classId: z.string(),
  schoolId: z.string(),
  grade: z.number(),
  letter: z.string(),
  yearId: z.string(),
  classTeacherId: z.string().optional(),
  classTeacherName: z.string().optional(),
  version: z.number(),
});

export const classPageResponse = z.object({
  class: classResponse.extend({ name: z.string() }),
  students: z.array(
    z.object({
      studentId: z.string(),
      displayName: z.string(),
      birthDate: z.string(),
      consent: z.boolean(),
      accountStatus: z.string().optional(),
      login: z.string().optional(),
      userId: z.string().optional(),
      parents: z.array(z.object({ userId: z.string(), displayName: z.string(), status: z.string(), login: z.string() })),
    }),
  ),
});

const movement = z.object({
  studentId: z.string(),
  kind: z.string(),
  date: z.string(),
  orderNo: z.string(),
  fromClassId: z.string().optional(),
  toClassId: z.string().optional(),
  note: z.string().optional(),
  studentName: z.string(),
  recordedAt: z.string(),
  recordedByName: z.string(),
});

const cardOut = z.object({
  studentId: z.string(),
  schoolId: z.string(),
  classId: z.string(),
  className: z.string().optional(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().optional(),
  birthDate: z.string(),
  gender: z.string().optional(),
  address: z.string().optional(),
  personalFileNo: z.string().optional(),
  status: z.string(),
  consentRecordedAt: z.string().optional(),
  consent: z.object({ date: z.string(), document: z.string(), recordedByName: z.string() }).optional(),
  /** Consent withdrawn: the date and document of the withdrawal; access has ended. */
  consentWithdrawn: z.object({ date: z.string(), document: z.string(), recordedByName: z.string() }).optional(),
  /** The day the former student's card was reduced to what the archive needs. */
  archivedOn: z.string().optional(),
  version: z.number(),
});

export const studentFullResponse = z.object({ card: cardOut, account: account.nullable(), parents: z.array(account), movements: z.array(movement) });
export const cardResponse = z.object({ card: cardOut });
export const movementResponse = z.object({ card: cardOut, movement, closedAccounts: z.array(z.string()) });
export const movementListResponse = z.object({ movements: z.array(movement.extend({ kindTitle: z.string(), fromClassName: z.string().optional(), toClassName: z.string().optional() })) });
export const linkParentResponse = z.object({ card: cardOut, parent: z.object({ userId: z.string(), login: z.string(), displayName: z.string() }) });
export const parentSearchQuery = z.object({
  q: z.string({ error: 'Введите не меньше двух букв фамилии.' }).trim().min(2, 'Введите не меньше двух букв фамилии.').max(64, 'Слишком длинная строка поиска.'),
});
export const parentSearchResponse = z.object({ parents: z.array(z.object({ userId: z.string(), login: z.string(), displayName: z.string(), children: z.number() })) });

const staffOut = z.object({
  userId: z.string(),
  login: z.string(),
  displayName: z.string(),
  lastName: z.string().optional(),
  firstName: z.string().optional(),
  middleName: z.string().optional(),
  position: z.string(),
  roles: z.array(z.string()),
  ledClasses: z.array(z.string()).optional(),
  status: z.string(),
  employedFrom: z.string().optional(),
  activeUntil: z.string().optional(),
  temporary: z.boolean().optional(),
  /** A temporary access's read-only scope (clause 4.5). */
  viewScope: z.object({ classIds: z.union([z.literal('all'), z.array(z.string())]), areas: z.array(z.string()) }).optional(),
  application: z.object({ number: z.string(), date: z.string() }).optional(),
  disabledReason: z.string().optional(),
  version: z.number(),
});
export const staffListResponse = z.object({ staff: z.array(staffOut) });
export const staffResponse = z.object({ staff: staffOut });

const rejected = z.object({ row: z.number(), summary: z.string(), errors: z.array(z.string()) });
export const importPreviewResponse = z.object({
  importId: z.string().nullable(),
  status: z.string(),
  version: z.number(),
  fileName: z.string(),
  format: z.string(),
  counts: z.object({ accepted: z.number(), rejected: z.number(), warnings: z.number(), parents: z.number() }),
  fileErrors: z.array(z.string()),
  ignoredColumns: z.array(z.string()),
  accepted: z.array(
    z.object({
      row: z.number(),
      name: z.string(),
      birthDate: z.string(),
      gender: z.string().nullable(),
      className: z.string(),
      parent: z.string().nullable(),
      enrolment: z.string().nullable(),
      warnings: z.array(z.string()),
    }),
  ),
  rejected: z.array(rejected),
  canApply: z.boolean(),
  ms: z.number().optional(),
});
/** A stored run: its preview with who loaded it, and how applying it went. */
export const importRunResponse = importPreviewResponse.extend({
  createdAt: z.string(),
  createdByName: z.string(),
  appliedAt: z.string().optional(),
  failure: z.string().optional(),
  written: z.number().optional(),
  applyMs: z.number().optional(),
});
export const importApplyResponse = z.object({
  importId: z.string(),
  status: z.literal('applied'),
  students: z.number(),
  parents: z.number(),
  items: z.number(),
  transactions: z.number(),
  skippedRows: z.number(),
  ms: z.number(),
});

export const sheetResponse = z.object({
  title: z.string(),
  classId: z.string().optional(),
  issued: z.array(z.object({ userId: z.string(), kind: z.string(), displayName: z.string(), role: z.string(), login: z.string(), code: z.string(), expiresAt: z.string() })),
  skipped: z.array(z.object({ userId: z.string(), displayName: z.string(), role: z.string(), reason: z.string() })),
  expiresAt: z.string().nullable(),
  pdf: z.object({ fileName: z.string(), contentType: z.literal('application/pdf'), base64: z.string() }).nullable(),
});
