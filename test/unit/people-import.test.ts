/**
 * Class-list import rules: CSV as Russian Excel writes it, XLSX through exceljs, and the
 * row-by-row check that the preview shows in Russian.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, parseCsv } from '../../shared/domain/import-csv';
import { detectFormat, readGrid, type Grid } from '../../shared/domain/import-file';
import { checkImport, genderFromPatronymic, normaliseHeader, normalisePhone, type ImportContext } from '../../shared/domain/import-rows';

const classes = [
  { classId: '5a', grade: 5, letter: 'А', yearId: '2026' },
  { classId: '5b', grade: 5, letter: 'Б', yearId: '2026' },
  { classId: '1a', grade: 1, letter: 'А', yearId: '2026' },
];
const ctx = (over: Partial<ImportContext> = {}): ImportContext => ({ classes, existing: new Map(), today: '2026-09-03', ...over });
const HEADER = ['Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'Пол', 'Класс'];

describe('parseCsv', () => {
  it('should split semicolon CSV with quotes, doubled quotes, separators and line breaks inside quotes', () => {
    const text = 'Фамилия;Имя;Адрес\r\n"Иванов";Пётр;"г. Краснодар; ул. Красная, д. 1"\r\nПетрова;"Анна ""Аня""";"строка 1\nстрока 2"\r\n';
    const { rows, problems } = parseCsv(text);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      ['Фамилия', 'Имя', 'Адрес'],
      ['Иванов', 'Пётр', 'г. Краснодар; ул. Красная, д. 1'],
      ['Петрова', 'Анна "Аня"', 'строка 1\nстрока 2'],
    ]);
  });

  it('should detect the delimiter from the header line, ignoring separators inside quotes', () => {
    expect(detectDelimiter('Фамилия;Имя;Класс\nИванов;Иван;5А')).toBe(';');
    expect(detectDelimiter('Фамилия,Имя,Класс\nИванов,Иван,5А')).toBe(',');
    expect(detectDelimiter('"Фамилия;Имя",Класс,Пол\n')).toBe(',');
    expect(detectDelimiter('Фамилия\tИмя\tКласс')).toBe('\t');
    expect(parseCsv('Фамилия,Имя\n"Иванов, мл.",Иван').rows[1]).toEqual(['Иванов, мл.', 'Иван']);
  });

  it('should strip a UTF-8 BOM, trim unquoted fields and drop trailing empty lines', () => {
    const { rows } = parseCsv('\ufeffФамилия ; Имя \n Иванов ;Иван\n\n\n');
    expect(rows).toEqual([
      ['Фамилия', 'Имя'],
      ['Иванов', 'Иван'],
    ]);
  });

  it('should report a quote that is never closed instead of guessing', () => {
    const { problems } = parseCsv('Фамилия;Имя\n"Иванов;Иван\nПетров;Пётр\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/Строка 2: кавычка открыта и не закрыта/);
  });

  it('should read Windows-1251 bytes when they are not valid UTF-8', () => {
    // «Иванов» in CP1251.
    const cp1251 = new Uint8Array([0xc8, 0xe2, 0xe0, 0xed, 0xee, 0xe2]);
    expect(decodeText(cp1251)).toEqual({ text: 'Иванов', encoding: 'windows-1251' });
    expect(decodeText(new TextEncoder().encode('Иванов')).encoding).toBe('utf-8');
  });
});

describe('readGrid', () => {
  it('should read the first sheet of an XLSX with text, date cells and numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('5А');
    ws.addRow(HEADER);
    ws.addRow(['Иванов', { richText: [{ text: 'Пё' }, { text: 'тр' }] }, 'Иванович', new Date(Date.UTC(2015, 4, 17)), 'м', '5А']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(detectFormat(bytes)).toBe('xlsx');
    const read = await readGrid(bytes, 'список.xlsx');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.grid[1]!.slice(0, 3)).toEqual(['Иванов', 'Пётр', 'Иванович']);
    expect(read.grid[1]![3]).toBeInstanceOf(Date);
    const check = checkImport(read.grid, ctx());
    expect(check.accepted.map((r) => [r.lastName, r.birthDate, r.classId])).toEqual([['Иванов', '2015-05-17', '5a']]);
  });

  it('should refuse a broken XLSX, an old XLS and a binary file with a Russian message', async () => {
    const broken = await readGrid(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'a.xlsx');
    expect(broken).toEqual({ ok: false, errors: [expect.stringMatching(/повреждён/)] });
    const xls = await readGrid(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'a.xls');
    expect(xls.ok ? '' : xls.errors[0]).toMatch(/XLS \(Excel 97–2003\) не поддерживается/);
    const bin = await readGrid(new Uint8Array([1, 0, 2, 0, 3]), 'a.bin');
    expect(bin.ok ? '' : bin.errors[0]).toMatch(/не похож на таблицу/);
    expect(await readGrid(new Uint8Array([]))).toEqual({ ok: false, errors: ['Файл пуст.'] });
  });
});

describe('checkImport', () => {
  const grid = (...rows: Array<Array<string | null>>): Grid => [HEADER, ...rows];

  it('should accept good rows and normalise names, dates, gender and class spellings', () => {
    const check = checkImport(
      grid(['ИВАНОВ', 'пётр', 'иванович', '17.05.2015', 'М', '5 а'], ['Смирнова', 'Анна', 'Олеговна', '2015-02-01', '', '5A'], ['Ким', 'Алина', '', '1.3.15', 'ж', '5-Б']),
      ctx(),
    );
    expect(check.rejected).toEqual([]);
    expect(check.accepted.map((r) => [r.row, r.lastName, r.firstName, r.middleName, r.birthDate, r.gender, r.className])).toEqual([
      [2, 'Иванов', 'Пётр', 'Иванович', '2015-05-17', 'm', '5А'],
      [3, 'Смирнова', 'Анна', 'Олеговна', '2015-02-01', 'f', '5А'],
      [4, 'Ким', 'Алина', undefined, '2015-03-01', 'f', '5Б'],
    ]);
  });

  it('should reject each bad row with every reason, in Russian, and keep the good ones', () => {
    const check = checkImport(
      grid(
        ['', 'Пётр', '', '17.05.2015', 'м', '5А'],
        ['Петров', 'Иван', '', '31.02.2015', 'м', '5А'],
        ['Сидоров', 'Олег', '', 'вчера', 'м', '5А'],
        ['Кузнецов', 'Ян', '', '01.01.2015', 'м', '7В'],
        ['Smith', 'John', '', '01.01.2015', 'м', '5А'],
        ['Орлов', 'Лев', '', '01.01.2015', 'муж', '5Х1'],
        ['Орлова', 'Ева', '', '01.01.2015', 'x', '5А'],
        ['Белов', 'Илья', '', '01.01.2030', 'м', '5А'],
        ['Норм', 'Нормович', '', '01.01.2015', 'м', '5А'],
      ),
      ctx(),
    );
    const byRow = new Map(check.rejected.map((r) => [r.row, r.errors.join(' | ')]));
    expect(byRow.get(2)).toMatch(/Не указано поле «Фамилия»/);
    expect(byRow.get(3)).toMatch(/Дата рождения «31\.02\.2015» не существует/);
    expect(byRow.get(4)).toMatch(/Дата рождения «вчера» не распознана: ожидается ДД\.ММ\.ГГГГ/);
    expect(byRow.get(5)).toMatch(/Класса «7В» нет в школе/);
    expect(byRow.get(6)).toMatch(/русскими буквами/);
    expect(byRow.get(7)).toMatch(/Класс «5Х1» не распознан/);
    expect(byRow.get(8)).toMatch(/Пол «x»: укажите «м» или «ж»/);
    expect(byRow.get(9)).toMatch(/позже сегодняшнего дня/);
    expect(check.accepted.map((r) => r.row)).toEqual([10]);
    expect(check.rejected.find((r) => r.row === 4)!.summary).toBe('Сидоров Олег, 5А');
  });

  it('should reject a second copy of the same student in the file and a student already in the school', () => {
    const existing = new Map([['петров|иван|иванович|2015-03-03', { name: 'Петров Иван Иванович', className: '5Б', former: false }], ['ким|ян||2015-03-03', { name: 'Ким Ян', className: '5А', former: true }]]);
    const check = checkImport(
      grid(
        ['Иванов', 'Пётр', '', '17.05.2015', 'м', '5А'],
        ['иванов', 'пётр', '', '17.05.2015', 'м', '5Б'],
        ['Петров', 'Иван', 'Иванович', '03.03.2015', 'м', '5А'],
        ['Ким', 'Ян', '', '03.03.2015', 'м', '5А'],
      ),
      ctx({ existing }),
    );
    expect(check.accepted.map((r) => r.row)).toEqual([2]);
    expect(check.rejected.map((r) => [r.row, r.errors[0]])).toEqual([
      [3, 'Повторяет строку 2: тот же обучающийся с той же датой рождения.'],
      [4, 'Петров Иван Иванович уже есть в школе (5Б).'],
      [5, expect.stringMatching(/уже был\(а\) обучающимся школы.*повторное зачисление/)],
    ]);
  });

  it('should warn, not reject, when the age does not fit the grade, and reject impossible ages', () => {
    const check = checkImport(grid(['Старший', 'Антон', '', '01.01.2012', 'м', '5А'], ['Малыш', 'Антон', '', '01.06.2023', 'м', '1А']), ctx());
    expect(check.accepted).toHaveLength(1);
    expect(check.accepted[0]!.warnings[0]).toMatch(/Возраст на 1 сентября — 14 лет, для 5 класса обычно 10–12/);
    expect(check.rejected[0]!.errors[0]).toMatch(/на 1 сентября обучающемуся было бы 3 года/);
  });

  it('should find the header below a title row, read a single «ФИО» column and ignore unknown columns', () => {
    const check = checkImport(
      [['Список 5А класса'], [], ['№', 'ФИО', 'Д.р.', 'Примечание'], ['1', 'Шевченко Анна Петровна', '02.02.2015', 'отличница'], ['2', 'Мамедов Али Гасан оглы', '03.03.2015', '']],
      ctx({ defaultClassId: '5a' }),
    );
    expect(check.fileErrors).toEqual([]);
    expect(check.ignoredColumns).toEqual(['№', 'Примечание']);
    expect(check.accepted.map((r) => [r.row, r.lastName, r.middleName, r.gender, r.classId])).toEqual([
      [4, 'Шевченко', 'Петровна', 'f', '5a'],
      [5, 'Мамедов', 'Гасан оглы', 'm', '5a'],
    ]);
  });

  it('should name the missing columns of a file without the required ones, accepting nothing', () => {
    expect(checkImport([['Имя', 'Класс'], ['Иван', '5А']], ctx()).fileErrors[0]).toMatch(/столбец «Фамилия»/);
    const noDate = checkImport([['Фамилия', 'Имя', 'Класс'], ['Иванов', 'Иван', '5А']], ctx());
    expect(noDate.fileErrors).toEqual(['В файле нет столбца «Дата рождения».']);
    expect(noDate.accepted).toEqual([]);
    expect(checkImport([HEADER], ctx()).fileErrors).toEqual(['В файле нет ни одной строки с данными под заголовком.']);
  });

  it('should read parents (one person for siblings) and enrolment orders, both parts or neither', () => {
    const head = [...HEADER, 'ФИО родителя', 'Телефон родителя', 'Дата зачисления', 'Приказ о зачислении'];
    const check = checkImport(
      [
        head,
        ['Ким', 'Ян', '', '01.01.2015', 'м', '5А', 'Ким Ольга Сергеевна', '8 (918) 123-45-67', '01.09.2026', '№ 101-у'],
        ['Ким', 'Ия', '', '01.01.2019', 'ж', '1А', 'ким ольга сергеевна', '', '', ''],
        ['Ли', 'Ян', '', '01.01.2015', 'м', '5А', 'Ли Мин', '12345', '01.09.2026', ''],
      ],
      ctx(),
    );
    expect(check.accepted.map((r) => [r.row, r.parent, r.enrolment])).toEqual([
      [2, { lastName: 'Ким', firstName: 'Ольга', middleName: 'Сергеевна', phone: '+7 918 123-45-67' }, { date: '2026-09-01', orderNo: '№ 101-у' }],
      [3, { lastName: 'Ким', firstName: 'Ольга', middleName: 'Сергеевна' }, undefined],
    ]);
    expect(check.rejected[0]!.errors).toEqual([expect.stringMatching(/Телефон «12345»/), 'Не указан номер приказа о зачислении.']);
  });
});

describe('small helpers', () => {
  it('should normalise headers and phones, and read gender from patronymics', () => {
    expect(normaliseHeader('  № личного дела ')).toBe('номер личного дела');
    expect(normaliseHeader('Дата  рождения:')).toBe('дата рождения');
    expect(normalisePhone('+7 (918) 000-11-22')).toEqual({ phone: '+7 918 000-11-22' });
    expect(normalisePhone('')).toEqual({});
    expect(genderFromPatronymic('Ильич')).toBe('m');
    expect(genderFromPatronymic('Ильинична')).toBe('f');
    expect(genderFromPatronymic('')).toBeUndefined();
  });
});
