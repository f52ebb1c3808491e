/**
 * The deputy's school reports (issue 13, item 2) as printable tables (./report-table.ts): the same
 * objects the screens show, printed with the domain's own formats; the PDF takes the lean path
 * (./report-table-pdf.ts, A4 landscape), the XLSX the one-table renderer.
 */
import { ruDate } from '../domain/calendar';
import { monthTitle } from '../domain/reports/attendance';
import { CLASS_SIZES_TITLE, MOVEMENT_DYNAMICS_TITLE, type SizeCell } from '../domain/reports/school-movement';
import { changeText, FINAL_DATA_TITLE, SCHOOL_RESULTS_TITLE, type Compared } from '../domain/reports/school-results';
import { averageText, percentText, RESULTS_NOTE } from '../domain/reports/summary-sheet';
import type { classSizesReport, finalDataReport, schoolMovementReport, schoolResultsReport } from '../services/reports/school';
import type { TableReport } from './report-table';

type Movement = Awaited<ReturnType<typeof schoolMovementReport>>;
type Sizes = Awaited<ReturnType<typeof classSizesReport>>;
type Results = Awaited<ReturnType<typeof schoolResultsReport>>;
type Final = Awaited<ReturnType<typeof finalDataReport>>;

const made = (r: { yearName: string; today: string }) => `${r.yearName}. Сформировано ${ruDate(r.today)}.`;
const col = (title: string, width: number) => ({ title, width });

/** «+2 / −1», «—» for a month with nobody moving. */
export const movesText = (m: { arrived: number; left: number }) => (m.arrived === 0 && m.left === 0 ? '—' : `+${m.arrived} / −${m.left}`);

export function schoolMovementTable(r: Movement): TableReport {
  const each = Math.max(44, Math.floor((794 - 40 - 80 - (r.months.length + 3) * 4) / Math.max(r.months.length, 1)));
  return {
    schoolName: r.schoolName,
    title: MOVEMENT_DYNAMICS_TITLE,
    subtitle: `${made(r)} С ${ruDate(r.from)} по ${ruDate(r.until)}.`,
    columns: [col('Класс', 40), ...r.months.map((m) => col(monthTitle(m), each)), col('Прибыло', 40), col('Выбыло', 40)],
    rows: r.rows.map((row) => [row.className, ...row.months.map(movesText), String(row.arrived), String(row.left)]),
    more: [
      {
        heading: 'По школе',
        columns: [col('Месяц', 110), col('Зачислено в школу', 110), col('Выбыло из школы', 110), col('Переводы между классами', 130)],
        rows: [...r.school.map((m) => [monthTitle(m.month), String(m.enrolled), String(m.leftSchool), String(m.transfers)]), ['Всего', String(r.totals.enrolled), String(r.totals.leftSchool), String(r.totals.transfers)]],
      },
      {
        heading: 'Движение по приказам',
        columns: [col('№', 18), col('Дата', 56), col('Обучающийся', 150), col('Движение', 120), col('Из класса', 50), col('В класс', 50), col('Примечание', 190), col('Приказ №', 60)],
        rows: r.lines.length === 0 ? [['', '', 'нет', '', '', '', '', '']] : r.lines.map((l, i) => [String(i + 1), ruDate(l.date), l.name, l.kindTitle, l.fromClass, l.toClass, l.note, l.orderNo]),
      },
    ],
    notes: ['В таблице по классам: +прибыло / −выбыло за месяц; перевод между классами учтён в обоих классах.'],
  };
}

/** A class's size in a period as printed: «25», «24*» while the period lasts, empty before it. */
export const sizeText = (n: number | null, running = false) => (n === null ? '' : running ? `${n}*` : String(n));

export function classSizesTable(r: Sizes): TableReport {
  const tables = r.sets.map((s) => ({
    columns: [col('Класс', 50), ...s.periods.flatMap((p) => [col(`${p.name}: на ${ruDate(p.startDate)}`, 80), col(`на ${ruDate(p.endDate)}`, 70)])],
    rows: [
      ...s.rows.map((row) => [row.className, ...row.cells.flatMap(sizeCells)]),
      ['Всего', ...s.totals.flatMap(sizeCells)],
    ],
  }));
  const [first, ...rest] = tables;
  return {
    schoolName: r.schoolName,
    title: CLASS_SIZES_TITLE,
    subtitle: made(r),
    columns: first?.columns ?? [col('Класс', 50)],
    rows: first?.rows ?? [],
    more: rest.map((t) => ({ heading: 'Классы с другими учебными периодами', ...t })),
    notes: ['* — период идёт: численность на сегодня. На начало периода — до движения в его первый день.'],
  };
}

const sizeCells = (c: SizeCell) => [sizeText(c.atStart), sizeText(c.atEnd, c.running)];

/** Success, its change, quality, its change, average, its change: one results line's six cells. */
export function comparedCells(c: Compared): string[] {
  return [percentText(c.now.success), changeText(c.change.success, 'percent'), percentText(c.now.quality), changeText(c.change.quality, 'percent'), averageText(c.now.average), changeText(c.change.average, 'average')];
}

const COMPARED_COLUMNS = [col('Успев.', 44), col('±', 30), col('Качество', 44), col('±', 30), col('Ср. балл', 44), col('±', 34)];

export function schoolResultsTable(r: Results): TableReport {
  return {
    schoolName: r.schoolName,
    title: SCHOOL_RESULTS_TITLE,
    subtitle: `${r.period.name} (${ruDate(r.period.startDate)} — ${ruDate(r.period.endDate)}), ${made(r)}`,
    columns: [col('Класс', 60), col('Аттестовано', 60), ...COMPARED_COLUMNS],
    rows: [...r.byClass.map((c) => [c.className, String(c.students), ...comparedCells(c)]), ['Школа', String(r.school.students), ...comparedCells(r.school)]],
    more: [
      { heading: 'По предметам', columns: [col('Предмет', 200), ...COMPARED_COLUMNS], rows: r.bySubject.map((s) => [s.name, ...comparedCells(s)]) },
      { heading: 'По учителям', columns: [col('Учитель', 170), col('Классы', 150), ...COMPARED_COLUMNS], rows: r.byTeacher.map((t) => [t.name, t.classes.join(', '), ...comparedCells(t)]) },
      {
        heading: 'По классам и предметам',
        columns: [col('Класс', 34), col('Предмет', 130), col('Учитель', 120), ...['5', '4', '3', '2', 'н/а'].map((t) => col(t, 20)), ...COMPARED_COLUMNS],
        rows: r.rows.map((x) => [x.className, x.subjectName, x.teachers, ...[x.counts.five, x.counts.four, x.counts.three, x.counts.two, x.counts.notAssessed].map(String), ...comparedCells(x)]),
      },
    ],
    notes: [RESULTS_NOTE, r.previous ? `± — изменение к периоду «${r.previous.name}» (успеваемость и качество — в процентных пунктах).` : '± — сравнивать не с чем: это первый период года.'],
  };
}

export function finalDataTable(r: Final): TableReport {
  const each = Math.max(30, Math.floor((794 - 18 - 150 - 150 - 50 - (r.columns.length + 4) * 4) / Math.max(r.columns.length, 1)));
  return {
    schoolName: r.schoolName,
    title: FINAL_DATA_TITLE,
    subtitle: `${r.className} класс, ${made(r)}`,
    columns: [col('№', 18), col('Обучающийся', 150), col('Предмет', 150), ...r.columns.map((c) => col(c, each)), col('Ср. годовой', 50)],
    rows: r.rows.flatMap((row) =>
      row.subjects.map((s, i) => [
        i === 0 ? String(row.no) : '',
        i === 0 ? row.name : '',
        r.subjects[i]?.name ?? s.subjectId,
        ...s.marks.map((m) => m ?? ''),
        i === 0 ? averageText(row.yearAverage) : '',
      ]),
    ),
  };
}
