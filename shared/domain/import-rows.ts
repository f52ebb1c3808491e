/**
 * Validating a class list loaded from a spreadsheet (R-11, clause 5: the secretary loads the class
 * lists by 5 September). Pure: the grid, the school's classes and the people already in it come
 * in; every row comes out accepted (with warnings) or rejected with its reasons in Russian, so the
 * preview can show the secretary exactly what will and will not be written.
 */
import { birthDateProblem, classIdFor, classTitle, gradeAgeWarning, parseClassName, yearStartOf } from './people-classes';
import { parseDateCell } from './people-dates';
import { adultKey, nameProblem, normaliseName, parseGender, personKey, type Gender } from './people-names';
import type { Cell, Grid } from './import-file';
import { orderNoProblem } from './movement';

export type Column =
  | 'lastName' | 'firstName' | 'middleName' | 'fullName' | 'birthDate' | 'gender' | 'className' | 'address' | 'personalFileNo'
  | 'parentLastName' | 'parentFirstName' | 'parentMiddleName' | 'parentFullName' | 'parentPhone' | 'enrolDate' | 'enrolOrder';

/** Header texts as schools write them, normalised (lower case, «ё» as «е», no punctuation). */
const HEADERS: Record<Column, string[]> = {
  lastName: ['фамилия', 'фамилия обучающегося', 'фамилия ученика', 'фамилия учащегося'],
  firstName: ['имя', 'имя обучающегося', 'имя ученика', 'имя учащегося'],
  middleName: ['отчество', 'отчество обучающегося', 'отчество ученика', 'отчество учащегося'],
  fullName: ['фио', 'ф и о', 'фамилия имя отчество', 'фио обучающегося', 'фио ученика', 'обучающийся', 'ученик', 'учащийся'],
  birthDate: ['дата рождения', 'д р', 'др', 'дата рожд'],
  gender: ['пол'],
  className: ['класс', 'класс обучения'],
  address: ['адрес', 'адрес проживания', 'адрес регистрации', 'домашний адрес'],
  personalFileNo: ['номер личного дела', 'личное дело', 'номер лд'],
  parentLastName: ['фамилия родителя', 'фамилия законного представителя'],
  parentFirstName: ['имя родителя', 'имя законного представителя'],
  parentMiddleName: ['отчество родителя', 'отчество законного представителя'],
  parentFullName: ['фио родителя', 'родитель', 'родитель законный представитель', 'законный представитель', 'фио законного представителя'],
  parentPhone: ['телефон родителя', 'телефон', 'контактный телефон'],
  enrolDate: ['дата зачисления', 'зачислен', 'дата приказа о зачислении'],
  enrolOrder: ['приказ', 'приказ о зачислении', 'номер приказа', 'номер приказа о зачислении'],
};

export const COLUMN_TITLES: Record<Column, string> = {
  lastName: 'Фамилия', firstName: 'Имя', middleName: 'Отчество', fullName: 'ФИО', birthDate: 'Дата рождения', gender: 'Пол',
  className: 'Класс', address: 'Адрес', personalFileNo: '№ личного дела', parentLastName: 'Фамилия родителя',
  parentFirstName: 'Имя родителя', parentMiddleName: 'Отчество родителя', parentFullName: 'ФИО родителя',
  parentPhone: 'Телефон родителя', enrolDate: 'Дата зачисления', enrolOrder: 'Приказ о зачислении',
};

/** The columns of the template the import screen offers, in order. */
export const TEMPLATE_COLUMNS: Column[] = [
  'lastName', 'firstName', 'middleName', 'birthDate', 'gender', 'className', 'address', 'personalFileNo',
  'parentLastName', 'parentFirstName', 'parentMiddleName', 'parentPhone', 'enrolDate', 'enrolOrder',
];

export function normaliseHeader(h: string): string {
  return h
    .toLocaleLowerCase('ru-RU')
    .replace(/ё/g, 'е')
    .replace(/№/g, 'номер ')
    .replace(/[^a-zа-я0-9]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

const BY_HEADER = new Map<string, Column>(
  (Object.entries(HEADERS) as Array<[Column, string[]]>).flatMap(([col, names]) => names.map((n) => [n, col] as const)),
);

export interface StudentRow {
  /** The row number as the spreadsheet shows it (the header is row 1 when it is first). */
  row: number;
  lastName: string;
  firstName: string;
  middleName?: string;
  birthDate: string;
  gender?: Gender;
  classId: string;
  className: string;
  address?: string;
  personalFileNo?: string;
  parent?: { lastName: string; firstName: string; middleName?: string; phone?: string };
  enrolment?: { date: string; orderNo: string };
  warnings: string[];
}

export interface RejectedRow {
  row: number;
  /** What the row says, to recognise it in the preview: «Иванов Иван, 5А». */
  summary: string;
  errors: string[];
}

export interface ImportContext {
  classes: Array<{ classId: string; grade: number; letter: string; yearId: string }>;
  /** People already in the school by personKey (current and former students). */
  existing: Map<string, { name: string; className: string; former: boolean }>;
  /** The school's today (YYYY-MM-DD, its own time zone). */
  today: string;
  /** Rows without a class column go to this class (an import into one class's page). */
  defaultClassId?: string;
}

export interface ImportCheck {
  /** Problems with the whole file (no header, a required column missing): nothing is accepted. */
  fileErrors: string[];
  /** Headers that were not recognised and are ignored. */
  ignoredColumns: string[];
  accepted: StudentRow[];
  rejected: RejectedRow[];
}

function text(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).replace(/\s+/g, ' ').trim();
}

function findHeader(grid: Grid): { index: number; columns: Map<Column, number>; ignored: string[] } | null {
  // A title row («Список 5А класса») may come first: look at the first few rows.
  for (let r = 0; r < Math.min(grid.length, 6); r++) {
    const cells = (grid[r] ?? []).map((c) => normaliseHeader(text(c)));
    const columns = new Map<Column, number>();
    const ignored: string[] = [];
    cells.forEach((h, i) => {
      if (h === '') return;
      const col = BY_HEADER.get(h);
      if (col && !columns.has(col)) columns.set(col, i);
      else if (!col) ignored.push(text((grid[r] ?? [])[i]));
    });
    if (columns.has('lastName') || columns.has('fullName')) return { index: r, columns, ignored };
  }
  return null;
}

/** «Иванов Иван Иванович» → parts; a patronymic of several words («Али оглы») stays together. */
function splitFullName(s: string): { lastName: string; firstName: string; middleName?: string } {
  const parts = s.split(' ').filter(Boolean);
  return { lastName: parts[0] ?? '', firstName: parts[1] ?? '', middleName: parts.slice(2).join(' ') || undefined };
}

/** Patronymics tell the gender when the file has no «Пол» column: -вич/-ич/оглы male, -вна/-чна/кызы female. */
export function genderFromPatronymic(middleName: string | undefined): Gender | undefined {
  const m = (middleName ?? '').toLocaleLowerCase('ru-RU');
  if (/(вич|ич|оглы|улы)$/.test(m)) return 'm';
  if (/(вна|чна|кызы|гызы)$/.test(m)) return 'f';
  return undefined;
}

export function normalisePhone(raw: string): { phone?: string; problem?: string } {
  if (raw === '') return {};
  const digits = raw.replace(/\D/g, '');
  const ten = digits.length === 11 && (digits[0] === '7' || digits[0] === '8') ? digits.slice(1) : digits;
  if (ten.length !== 10) return { problem: `Телефон «${raw}»: нужно 10 цифр после +7.` };
  return { phone: `+7 ${ten.slice(0, 3)} ${ten.slice(3, 6)}-${ten.slice(6, 8)}-${ten.slice(8)}` };
}

export function checkImport(grid: Grid, ctx: ImportContext): ImportCheck {
  const header = findHeader(grid);
  if (!header) {
    return {
      fileErrors: ['Не найдена строка заголовков: в первых строках файла должен быть столбец «Фамилия» (или «ФИО»).'],
      ignoredColumns: [],
      accepted: [],
      rejected: [],
    };
  }
  const { columns } = header;
  const fileErrors: string[] = [];
  if (!columns.has('fullName') && !columns.has('firstName')) fileErrors.push('В файле нет столбца «Имя».');
  if (!columns.has('birthDate')) fileErrors.push('В файле нет столбца «Дата рождения».');
  if (!columns.has('className') && !ctx.defaultClassId) fileErrors.push('В файле нет столбца «Класс».');
  if (fileErrors.length > 0) return { fileErrors, ignoredColumns: header.ignored, accepted: [], rejected: [] };

  const classByTitle = new Map(ctx.classes.map((c) => [classTitle(c), c]));
  const defaultClass = ctx.classes.find((c) => c.classId === ctx.defaultClassId);
  const seen = new Map<string, number>();
  const parentsSeen = new Map<string, string | undefined>();
  const accepted: StudentRow[] = [];
  const rejected: RejectedRow[] = [];

  for (let r = header.index + 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const get = (c: Column) => (columns.has(c) ? cells[columns.get(c)!] : undefined);
    if (cells.every((c) => text(c) === '')) continue;
    const rowNo = r + 1;
    const errors: string[] = [];
    const warnings: string[] = [];

    let names = columns.has('fullName') && !columns.has('lastName')
      ? splitFullName(text(get('fullName')))
      : { lastName: text(get('lastName')), firstName: text(get('firstName')), middleName: text(get('middleName')) || undefined };
    names = {
      lastName: normaliseName(names.lastName),
      firstName: normaliseName(names.firstName),
      middleName: names.middleName ? normaliseName(names.middleName) : undefined,
    };
    for (const f of ['lastName', 'firstName', 'middleName'] as const) {
      const p = nameProblem(f, names[f]);
      if (p) errors.push(p);
    }

    const born = parseDateCell(get('birthDate') ?? null, 'Дата рождения');
    if (!born.ok) errors.push(born.message);

    const classText = text(get('className'));
    let cls = defaultClass;
    if (classText !== '') {
      const parsed = parseClassName(classText);
      cls = parsed ? classByTitle.get(classTitle(parsed)) : undefined;
      if (!parsed) errors.push(`Класс «${classText}» не распознан: ожидается, например, «5А».`);
      else if (!cls) errors.push(`Класса «${classTitle(parsed)}» нет в школе: сначала создайте его.`);
    } else if (!cls) {
      errors.push('Не указан класс.');
    }

    if (born.ok && born.date > ctx.today) errors.push('Дата рождения позже сегодняшнего дня.');
    else if (born.ok && cls) {
      const start = yearStartOf(cls.yearId);
      const p = birthDateProblem(born.date, start);
      if (p) errors.push(p);
      else {
        const w = gradeAgeWarning(born.date, cls.grade, start);
        if (w) warnings.push(w);
      }
    }

    const genderText = text(get('gender'));
    let gender: Gender | undefined;
    if (genderText !== '') {
      gender = parseGender(genderText) ?? undefined;
      if (!gender) errors.push(`Пол «${genderText}»: укажите «м» или «ж».`);
    } else {
      gender = genderFromPatronymic(names.middleName);
    }

    const address = text(get('address')) || undefined;
    if (address && address.length > 300) errors.push('Адрес длиннее 300 символов.');
    const personalFileNo = text(get('personalFileNo')) || undefined;
    if (personalFileNo && personalFileNo.length > 30) errors.push('Номер личного дела длиннее 30 символов.');

    // A parent (legal representative), optional.
    let parent: StudentRow['parent'];
    const pNames = columns.has('parentFullName') && !columns.has('parentLastName')
      ? splitFullName(text(get('parentFullName')))
      : { lastName: text(get('parentLastName')), firstName: text(get('parentFirstName')), middleName: text(get('parentMiddleName')) || undefined };
    const phoneText = text(get('parentPhone'));
    if (pNames.lastName || pNames.firstName || phoneText) {
      const pn = {
        lastName: normaliseName(pNames.lastName),
        firstName: normaliseName(pNames.firstName),
        middleName: pNames.middleName ? normaliseName(pNames.middleName) : undefined,
      };
      for (const f of ['lastName', 'firstName', 'middleName'] as const) {
        const p = nameProblem(f, pn[f]);
        if (p) errors.push(`Родитель: ${p}`);
      }
      const phone = normalisePhone(phoneText);
      if (phone.problem) errors.push(`Родитель: ${phone.problem}`);
      parent = { ...pn, ...(phone.phone ? { phone: phone.phone } : {}) };
    }

    // Enrolment order (optional): both the date and the number, or neither.
    let enrolment: StudentRow['enrolment'];
    const enrolDateCell = get('enrolDate') ?? null;
    const orderText = text(get('enrolOrder'));
    if (text(enrolDateCell) !== '' || orderText !== '') {
      const d = parseDateCell(enrolDateCell, 'Дата зачисления');
      if (!d.ok) errors.push(d.message);
      else if (d.date > ctx.today) errors.push('Дата зачисления позже сегодняшнего дня.');
      const op = orderText === '' ? 'Не указан номер приказа о зачислении.' : orderNoProblem(orderText);
      if (op) errors.push(op);
      if (d.ok && !op) enrolment = { date: d.date, orderNo: orderText };
    }

    const summary = [[names.lastName, names.firstName].filter(Boolean).join(' ') || '(без имени)', classText || (cls ? classTitle(cls) : '')]
      .filter(Boolean)
      .join(', ');

    if (errors.length === 0 && born.ok && cls) {
      const key = personKey({ ...names, birthDate: born.date });
      const earlier = seen.get(key);
      const there = ctx.existing.get(key);
      if (earlier !== undefined) errors.push(`Повторяет строку ${earlier}: тот же обучающийся с той же датой рождения.`);
      else if (there?.former) {
        errors.push(`${there.name} уже был(а) обучающимся школы (выбыл(а)): оформите повторное зачисление в его карточке.`);
      } else if (there) errors.push(`${there.name} уже есть в школе (${there.className}).`);
      else seen.set(key, rowNo);
    }
    if (parent && errors.length === 0) {
      // The same name with two different phones is two people or a typo: ask, do not guess.
      const pk = adultKey(parent);
      if (parentsSeen.has(pk) && parent.phone && parentsSeen.get(pk) && parentsSeen.get(pk) !== parent.phone) {
        warnings.push('Родитель с тем же ФИО указан в другой строке с другим телефоном: он будет записан одним человеком.');
      }
      if (!parentsSeen.has(pk) || parent.phone) parentsSeen.set(pk, parent.phone ?? parentsSeen.get(pk));
    }

    if (errors.length > 0 || !born.ok || !cls) {
      rejected.push({ row: rowNo, summary, errors });
      continue;
    }
    accepted.push({
      row: rowNo,
      ...names,
      birthDate: born.date,
      ...(gender ? { gender } : {}),
      classId: cls.classId,
      className: classTitle(cls),
      ...(address ? { address } : {}),
      ...(personalFileNo ? { personalFileNo } : {}),
      ...(parent ? { parent } : {}),
      ...(enrolment ? { enrolment } : {}),
      warnings,
    });
  }
  if (accepted.length === 0 && rejected.length === 0) fileErrors.push('В файле нет ни одной строки с данными под заголовком.');
  return { fileErrors, ignoredColumns: header.ignored, accepted, rejected };
}

/** The class id a class name in a file points to, for callers that build classes from names. */
export function classIdOfTitle(title: string): string | null {
  const p = parseClassName(title);
  return p ? classIdFor(p.grade, p.letter) : null;
}
