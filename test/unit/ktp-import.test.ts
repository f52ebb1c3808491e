/**
 * KTP import: CSV as Russian Excel writes it and XLSX, row by row into topics, with a
 * Russian error per malformed row and nothing half-read.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ktpFromTable } from '../../shared/domain/ktp';
import { MAX_KTP_FILE_BYTES, readKtpFile } from '../../shared/services/ktp-import';

const utf8 = (s: string) => new TextEncoder().encode(s);
const table = (lines: string[][]) => lines.map((cells, i) => ({ row: i + 1, cells }));

describe('ktpFromTable', () => {
  it('should read topics, hours and sections under a header found below a title block', () => {
    const r = ktpFromTable(
      table([
        ['Календарно-тематическое планирование', '', ''],
        ['Математика, 5 класс', '', ''],
        [],
        ['№ п/п', 'Раздел', 'Тема урока', 'Кол-во часов'],
        ['', 'Натуральные числа и нуль', '', ''],
        ['1', '', 'Десятичная система счисления', '1'],
        ['2-3', '', 'Сравнение натуральных чисел', '2'],
        ['4', 'Дроби', 'Обыкновенные дроби', '3 ч'],
        ['', '', 'Итого', '6'],
      ]),
    );
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { kind: 'section', title: 'Натуральные числа и нуль' },
      { kind: 'topic', title: 'Десятичная система счисления', hours: 1 },
      { kind: 'topic', title: 'Сравнение натуральных чисел', hours: 2 },
      { kind: 'section', title: 'Дроби' },
      { kind: 'topic', title: 'Обыкновенные дроби', hours: 3 },
    ]);
    expect(r.sourceRows).toEqual([5, 6, 7, 8, 8]);
    expect(r.totalHours).toBe(6);
  });

  it('should list every malformed row with its spreadsheet row number', () => {
    const r = ktpFromTable(
      table([
        ['№', 'Тема урока', 'Количество часов'],
        ['1', 'Дроби', '1,5'],
        ['2', '', '2'],
        ['3', 'Проценты', ''],
        ['4', 'Площадь', 'два'],
        ['п', 'Объём', '1'],
        ['6', 'Куб', '0'],
        ['7', 'Шар', '1'],
        ['8', '', ''],
        ['', 'Итого', '10'],
      ]),
    );
    expect(r.errors.map((e) => e.message)).toEqual([
      'Строка 2: количество часов «1,5» должно быть целым числом.',
      'Строка 3: не указана тема урока.',
      'Строка 4: не указано количество часов.',
      'Строка 5: количество часов «два» должно быть целым числом.',
      'Строка 6: в графе «№» должно быть число, а указано «п».',
      'Строка 7: количество часов 0 вне допустимого: от 1 до 40.',
      'Строка 9: нет ни темы, ни количества часов. Удалите лишнюю строку или заполните графы «Тема урока» и «Кол-во часов».',
      'Строка 10: в строке «Итого» указано 10 ч, а сумма часов по темам выше — 2 ч.',
    ]);
    expect(r.errors.map((e) => e.row)).toEqual([2, 3, 4, 5, 6, 7, 9, 10]);
  });

  it('should refuse a file without the header it needs, and one with no topics', () => {
    expect(ktpFromTable(table([['Фамилия', 'Имя'], ['Иванов', 'Иван']])).errors).toEqual([
      { row: null, message: 'Не найдена строка заголовка: в файле должны быть графы «Тема урока» и «Кол-во часов» (и, по желанию, «№» и «Раздел»).' },
    ]);
    expect(ktpFromTable(table([['Тема', 'Часы']])).errors[0]!.message).toBe('В файле под заголовком нет ни одной темы с количеством часов.');
    expect(ktpFromTable(table([[''], []])).errors[0]!.message).toBe('Файл пуст: в нём нет ни одной строки.');
  });

  it('should warn about a topic without Russian letters but still take it', () => {
    const r = ktpFromTable(table([['Тема', 'Часы'], ['Present Simple', '1']]));
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(1);
    expect(r.warnings[0]!.message).toMatch(/Строка 2: тема «Present Simple» написана без русских букв/);
  });

  it('should refuse too long a title and too many rows', () => {
    expect(ktpFromTable(table([['Тема', 'Часы'], ['я'.repeat(201), '1']])).errors[0]!.message).toBe('Строка 2: тема длиннее 200 символов (201).');
    const many = ktpFromTable(table([['Тема', 'Часы'], ...Array.from({ length: 301 }, (_, i) => [`Тема ${i + 1}`, '1'])]));
    expect(many.errors.map((e) => e.message)).toEqual(['В файле 301 строк КТП, допускается не больше 300.']);
  });
});

describe('readKtpFile: CSV', () => {
  it('should read `;`-separated UTF-8 with a BOM, quotes and CRLF as Russian Excel saves it', async () => {
    const csv = '\ufeff№;Тема урока;Кол-во часов;Раздел\r\n1;"Натуральные числа; их запись";2;Натуральные числа\r\n2;"Задачи ""на движение""";1;\r\n';
    const r = await readKtpFile(utf8(csv), 'ktp.csv');
    expect(r.format).toBe('csv');
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { kind: 'section', title: 'Натуральные числа' },
      { kind: 'topic', title: 'Натуральные числа; их запись', hours: 2 },
      { kind: 'topic', title: 'Задачи "на движение"', hours: 1 },
    ]);
  });

  it('should read `,`-separated files', async () => {
    const r = await readKtpFile(utf8('№,Тема урока,Кол-во часов\n1,Обыкновенные дроби,3\n2,Проценты,2\n'), 'ktp.csv');
    expect(r.errors).toEqual([]);
    expect(r.totalHours).toBe(5);
  });

  it('should read Windows-1251 as older Russian Excel still writes it', async () => {
    // «Тема;Часы\nДроби;2» in CP1251, byte by byte.
    const cp1251: Record<string, number> = { Т: 0xd2, е: 0xe5, м: 0xec, а: 0xe0, Ч: 0xd7, с: 0xf1, ы: 0xfb, Д: 0xc4, р: 0xf0, о: 0xee, б: 0xe1, и: 0xe8 };
    const bytes = Uint8Array.from([...'Тема;Часы\nДроби;2\n'].map((ch) => cp1251[ch] ?? ch.charCodeAt(0)));
    const r = await readKtpFile(bytes, 'ktp.csv');
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([{ kind: 'topic', title: 'Дроби', hours: 2 }]);
  });

  it('should refuse an unclosed quote, an empty file and a too large file', async () => {
    expect((await readKtpFile(utf8('Тема;Часы\n"Дроби;2\n'), 'a.csv')).errors[0]!.message).toMatch(/кавычка открыта и не закрыта/);
    expect((await readKtpFile(new Uint8Array(), 'a.csv')).errors[0]!.message).toBe('Файл пуст.');
    expect((await readKtpFile(new Uint8Array(MAX_KTP_FILE_BYTES + 1).fill(65), 'a.csv')).errors[0]!.message).toMatch(/Файл больше 512 КБ/);
  });
});

describe('readKtpFile: XLSX', () => {
  async function xlsx(rows: unknown[][]): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('КТП');
    for (const r of rows) ws.addRow(r);
    ws.mergeCells('A1:D1');
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('should read the first sheet with numbers as numbers and a title block above the header', async () => {
    const bytes = await xlsx([
      ['КТП по русскому языку, 5 А класс'],
      ['№', 'Раздел', 'Тема урока', 'Кол-во часов'],
      [1, 'Повторение', 'Язык и речь', 1],
      [2, 'Повторение', 'Орфограммы в корне слова', 2],
      [3, null, { richText: [{ text: 'Части ' }, { text: 'речи' }] }, { formula: '1+1', result: 2 }],
    ]);
    const r = await readKtpFile(bytes, 'ktp.xlsx');
    expect(r.format).toBe('xlsx');
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { kind: 'section', title: 'Повторение' },
      { kind: 'topic', title: 'Язык и речь', hours: 1 },
      { kind: 'topic', title: 'Орфограммы в корне слова', hours: 2 },
      { kind: 'topic', title: 'Части речи', hours: 2 },
    ]);
  });

  it('should report bad cells of an XLSX row by row', async () => {
    const bytes = await xlsx([['Заголовок'], ['№', 'Тема', 'Часы'], [1, 'Дроби', 1.5], [2, null, 1]]);
    const r = await readKtpFile(bytes, 'ktp.xlsx');
    expect(r.errors.map((e) => e.message)).toEqual(['Строка 3: количество часов «1.5» должно быть целым числом.', 'Строка 4: не указана тема урока.']);
  });

  it('should refuse a damaged XLSX', async () => {
    const r = await readKtpFile(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'ktp.xlsx');
    expect(r.errors[0]!.message).toMatch(/повреждён/);
  });
});
