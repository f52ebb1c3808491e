/**
 * Screens of the people area (R-11, R-04, R-03): texts in one place, and the plain logic the
 * +page.svelte files use — date fields typed as ДД.ММ.ГГГГ, files read as base64 for the import,
 * PDF sheets turned into a download, who sees which form. The server checks everything again.
 */
import { MOVEMENT_TITLES, orderNoProblem, STATUS_TITLES, type MovementKind } from '../../../../shared/domain/movement';
import { parseDateCell } from '../../../../shared/domain/people-dates';
import { CLASS_LETTERS } from '../../../../shared/domain/people-classes';
import { COLUMN_TITLES, TEMPLATE_COLUMNS } from '../../../../shared/domain/import-rows';
import { ROLE_TITLES, type Role, type ViewArea } from '../../../../shared/auth/roles';
import { classObject, ledClasses, mayMe, schoolObject, schoolsWhere } from '../policy';
import type { Me } from '../types';

export type { MovementKind };

const seg = encodeURIComponent;

export const peoplePaths = {
  hub: (schoolId: string) => `/people/${seg(schoolId)}`,
  classes: (schoolId: string) => `/people/${seg(schoolId)}/classes`,
  classPage: (schoolId: string, classId: string) => `/people/${seg(schoolId)}/classes/${seg(classId)}`,
  student: (schoolId: string, studentId: string) => `/people/${seg(schoolId)}/students/${seg(studentId)}`,
  newStudent: (schoolId: string, classId?: string) => `/people/${seg(schoolId)}/students/new${classId ? `?class=${seg(classId)}` : ''}`,
  import: (schoolId: string, classId?: string) => `/people/${seg(schoolId)}/import${classId ? `?class=${seg(classId)}` : ''}`,
  movements: (schoolId: string) => `/people/${seg(schoolId)}/movements`,
  staff: (schoolId: string) => `/people/${seg(schoolId)}/staff`,
  loginRegister: (schoolId: string) => `/schools/${seg(schoolId)}/logins`,
};

export const PEOPLE_TEXT = {
  hub: 'Контингент и сотрудники',
  hubIntro: 'Классы и списки, личные карточки, движение обучающихся, сотрудники и доступ к журналу.',
  classes: 'Классы',
  newClass: 'Новый класс',
  grade: 'Параллель',
  letter: 'Буква',
  classTeacher: 'Классный руководитель',
  noClassTeacher: 'не назначен',
  chooseTeacher: '— без классного руководителя —',
  create: 'Создать',
  creating: 'Создаём…',
  save: 'Сохранить',
  saving: 'Сохраняем…',
  classCreated: (name: string) => `Класс ${name} создан.`,
  roster: 'Список класса',
  students: (n: number) => `Обучающихся: ${n}`,
  consent: 'Согласие на обработку ПДн',
  consentYes: 'есть',
  consentNo: 'нет',
  account: 'Учётная запись',
  parents: 'Родители',
  addStudent: 'Добавить обучающегося',
  importList: 'Загрузить список из файла',
  movements: 'Движение обучающихся',
  staff: 'Сотрудники',
  loginRegister: 'Реестр выданных логинов',
  sheet: 'Коды активации: лист для печати (PDF)',
  sheetIntro: 'Коды получат ученики и родители, у которых записано согласие и которые ещё не активировали учётную запись. Новый код заменяет прежний.',
  sheetButton: 'Выдать коды и скачать PDF',
  sheetBusy: 'Выдаём коды…',
  sheetDone: (n: number) => `Выдано кодов: ${n}. Лист скачан; его можно скачать ещё раз кнопкой ниже.`,
  sheetAgain: 'Скачать лист ещё раз',
  sheetNone: 'Никому не выдано: все уже активировали учётные записи или у них нет записи о согласии.',
  skipped: 'Не выданы',
  kinds: { student: 'ученикам', parent: 'родителям' },
  onlyNew: 'Только тем, кто ещё не активировал учётную запись',
  teacherChanged: 'Классный руководитель изменён.',
  card: 'Личная карточка',
  lastName: 'Фамилия',
  firstName: 'Имя',
  middleName: 'Отчество',
  birthDate: 'Дата рождения',
  gender: 'Пол',
  genders: { '': 'не указан', m: 'мужской', f: 'женский' } as Record<string, string>,
  address: 'Адрес',
  personalFileNo: '№ личного дела',
  klass: 'Класс',
  status: 'Статус',
  dateHint: 'ДД.ММ.ГГГГ',
  saved: 'Сохранено.',
  enrolment: 'Приказ о зачислении (если есть)',
  orderNo: 'Номер приказа',
  orderDate: 'Дата приказа',
  studentCreated: 'Обучающийся добавлен.',
  consentTitle: 'Письменное согласие на обработку персональных данных',
  consentIntro: 'Без записи о согласии коды активации ученику и родителям не выдаются (п. 4.4 Положения).',
  consentRecorded: (date: string, by: string) => `Согласие от ${date} записал(а) ${by}.`,
  consentRecordedOn: (at: string) => `Согласие записано ${at}.`,
  consentMissing: 'Согласие ещё не записано.',
  consentDate: 'Дата документа',
  consentDocument: 'Документ (номер, кем подписан)',
  consentSave: 'Записать согласие',
  consentSaved: 'Согласие записано.',
  parentsTitle: 'Родители (законные представители)',
  noParents: 'Родители не привязаны.',
  addParent: 'Добавить родителя',
  findParent: 'Найти родителя в школе (по фамилии)',
  find: 'Найти',
  link: 'Привязать',
  unlink: 'Отвязать',
  newParent: 'Новый родитель',
  phone: 'Телефон',
  parentLinked: 'Родитель привязан.',
  parentUnlinked: 'Родитель отвязан.',
  movementTitle: 'Движение',
  history: 'История движения',
  noHistory: 'Записей о движении нет (обучающийся внесён списком класса).',
  kind: 'Вид движения',
  toClass: 'В класс',
  note: 'Примечание (куда выбыл, основание)',
  record: 'Записать',
  recording: 'Записываем…',
  movementSaved: (title: string) => `${title}: записано.`,
  accessClosed: (n: number) => `Закрыт доступ учётных записей: ${n} (сохранены с причиной).`,
  date: 'Дата',
  order: 'Приказ',
  fromTo: 'Откуда → куда',
  recordedBy: 'Записал(а)',
  period: 'Период',
  from: 'с',
  to: 'по',
  show: 'Показать',
  none: 'Нет записей.',
  importTitle: 'Загрузка списков классов',
  importIntro:
    'Загрузите таблицу XLSX или CSV (разделитель «;» или «,», кодировка UTF-8 или Windows-1251). Первая строка — заголовки столбцов. Сначала файл проверяется: вы увидите, какие строки будут записаны и какие отклонены и почему. Записываются только принятые строки — все вместе или ни одной.',
  template: 'Скачать шаблон CSV',
  file: 'Файл списка',
  intoClass: 'Все строки без столбца «Класс» — в класс',
  anyClass: '— класс указан в файле —',
  check: 'Проверить файл',
  checking: 'Проверяем…',
  fileTooBig: 'Файл больше 700 КБ: разделите список на части.',
  noFile: 'Выберите файл.',
  accepted: (n: number) => `Будут записаны: ${n}`,
  rejectedCount: (n: number) => `Отклонены: ${n}`,
  warningsCount: (n: number) => `С предупреждениями: ${n}`,
  rejectedTitle: 'Отклонённые строки',
  acceptedTitle: 'Принятые строки',
  row: 'Строка',
  reasons: 'Причины',
  whatRow: 'Запись',
  warnings: 'Предупреждения',
  ignored: (cols: string) => `Не распознаны и пропущены столбцы: ${cols}.`,
  skipRejected: (n: number) => `Записать принятые строки, пропустив отклонённые (${n})`,
  apply: 'Записать в журнал',
  applying: 'Записываем…',
  applied: (students: number, parents: number) => `Записано обучающихся: ${students}, родителей: ${parents}.`,
  nothingToApply: 'Ни одна строка не принята: исправьте файл и загрузите его снова.',
  staffTitle: 'Сотрудники',
  position: 'Должность',
  roles: 'Роли',
  employment: 'Работает',
  employedFrom: 'Принят(а)',
  employedUntil: 'Окончание работы (последний день)',
  addStaff: 'Новый сотрудник',
  staffCreated: (login: string) => `Сотрудник добавлен, логин ${login}.`,
  endEmployment: 'Изменить даты работы',
  temporaryTitle: 'Временный доступ по письменному заявлению',
  temporaryIntro: 'Для людей, не работающих в школе (методист, проверяющий): только просмотр того, что указано ниже; изменять данные такой доступ не может и заканчивается сам в указанный день (п. 4.1, 4.5).',
  viewAreas: 'Что можно просматривать',
  viewClasses: 'Классы',
  allClasses: 'все классы',
  viewScope: (areas: string[], classes: string) => `просмотр: ${areas.join(', ')}; классы: ${classes}`,
  temporaryUntil: 'Доступ до (включительно)',
  applicationNo: 'Номер заявления',
  applicationDate: 'Дата заявления',
  grant: 'Выдать доступ',
  granted: (login: string) => `Временный доступ выдан, логин ${login}.`,
  temporaryMark: 'временный',
  refused: 'Этот раздел вам недоступен.',
} as const;

export const ACCOUNT_STATUS: Record<string, string> = { pending: 'код не активирован', active: 'активна', disabled: 'доступ закрыт' };

export const statusTitle = (s: string) => STATUS_TITLES[s as keyof typeof STATUS_TITLES] ?? s;
export const accountTitle = (s: string | undefined) => (s ? (ACCOUNT_STATUS[s] ?? s) : '—');
export const roleTitle = (r: string) => ROLE_TITLES[r as Role] ?? r;
/** The areas a temporary access may read (shared/auth/roles.ts VIEW_AREAS). */
export const VIEW_AREA_TITLES: Record<ViewArea, string> = { journal: 'журнал', reports: 'отчёты', people: 'списки классов (без персональных данных)' };
export const viewAreaTitle = (a: string) => VIEW_AREA_TITLES[a as ViewArea] ?? a;
/** The answers carry a kind as text: one this version does not know shows as it came. */
export const movementTitle = (k: string) => MOVEMENT_TITLES[k as MovementKind] ?? k;

/** Movements the card's form offers for a student in this state. */
export function movementKinds(status: string): MovementKind[] {
  return status === 'enrolled' ? ['transfer', 'leave', 'graduate'] : ['enrol'];
}

export const CLASS_LETTERS_LIST = [...CLASS_LETTERS];

export const STAFF_ROLES = ['teacher', 'deputy', 'director', 'secretary', 'administrator'] as const;

/** A date typed as ДД.ММ.ГГГГ (or picked) as the API wants it; null when it is not a date. */
export function isoFromRu(text: string): string | null {
  const r = parseDateCell(text.trim());
  return r.ok ? r.date : null;
}

export function ruFromIso(iso: string | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** Checks a required date field; the message names it. */
export function dateField(text: string, what: string): { iso?: string; problem?: string } {
  if (!text.trim()) return { problem: `Укажите ${what.toLocaleLowerCase('ru-RU')}.` };
  const iso = isoFromRu(text);
  return iso ? { iso } : { problem: `${what}: дата в виде ДД.ММ.ГГГГ.` };
}

/** A temporary access's last day and its application's date, from the form's ДД.ММ.ГГГГ texts (clause 4.5). */
export function temporaryTerm(until: string, appDate: string, untilLabel: string): { problem: string } | { activeUntil: string; applicationDate: string } {
  const u = dateField(until, untilLabel);
  const a = dateField(appDate, PEOPLE_TEXT.applicationDate);
  if (u.problem || a.problem) return { problem: (u.problem ?? a.problem)! };
  return { activeUntil: u.iso!, applicationDate: a.iso! };
}

export function movementFormProblem(f: { kind: MovementKind; date: string; orderNo: string; toClassId: string }): string | null {
  const d = dateField(f.date, 'Дату движения');
  if (d.problem) return d.problem;
  const o = orderNoProblem(f.orderNo);
  if (o) return o;
  if ((f.kind === 'transfer' || f.kind === 'enrol') && !f.toClassId) return 'Выберите класс.';
  return null;
}

/** Base64 of a file's bytes, in slices so that a big file does not overflow the call stack. */
export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function bytesOfBase64(b64: string): Uint8Array {
  const binary = atob(b64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Saves a PDF the API returned as base64 (the answer is JSON; see functions/people/routes.ts). */
export function downloadPdf(pdf: { fileName: string; base64: string }): void {
  const blob = new Blob([bytesOfBase64(pdf.base64) as BlobPart], { type: 'application/pdf' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = pdf.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The CSV template of the import: headers the server recognises, one example row, BOM for Excel. */
export function templateCsv(): string {
  const head = TEMPLATE_COLUMNS.map((c) => COLUMN_TITLES[c]).join(';');
  const example = ['Иванов', 'Пётр', 'Сергеевич', '17.05.2015', 'м', '5А', 'г. Краснодар, ул. Красная, д. 1', 'И-15', 'Иванова', 'Мария', 'Петровна', '+7 918 000-00-00', '', ''].join(';');
  return `\ufeff${head}\r\n${example}\r\n`;
}

export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Which parts of the people screens to show this person, by the server's own rules (which decide in the end). */
export function abilities(me: Me, schoolId: string, classId?: string) {
  const leads = classId !== undefined && ledClasses(me, schoolId).includes(classId);
  const school = schoolObject(me, schoolId);
  const cls = classObject(me, schoolId, classId);
  const keeper = mayMe(me, 'student.create', cls);
  const admin = mayMe(me, 'staff.setRoles', school);
  return {
    keeper,
    admin,
    leads,
    readPeople: mayMe(me, 'class.read', cls),
    consent: keeper || leads,
    sheet: mayMe(me, 'activationSheet.issueClass', cls),
    loginRegister: mayMe(me, 'loginRegister.read', school),
  };
}

/** The school whose people a person keeps or reads (who may read its staff list): their first such. */
export function peopleSchoolOf(me: Me): string | null {
  return schoolsWhere(me, 'staff.read')[0] ?? null;
}
