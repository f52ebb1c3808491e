/**
 * The preliminary report and the attendance sheets as printable tables (shared/reports/report-table.ts):
 * the same objects the screens show, printed with the domain's own formats.
 */
import { ruDate } from '../domain/calendar';
import { attendedText, missedText, monthTitle } from '../domain/reports/attendance';
import { averageText } from '../domain/reports/summary-sheet';
import type { attendanceReport } from '../services/reports/attendance';
import type { preliminaryReport } from '../services/reports/preliminary';
import type { TableReport } from './report-table';

type Preliminary = Awaited<ReturnType<typeof preliminaryReport>>;
type Attendance = Awaited<ReturnType<typeof attendanceReport>>;

const PAGE = 794;

export function preliminaryTable(r: Preliminary): TableReport {
  const n = r.subjects.length;
  const each = Math.max(26, Math.floor((PAGE - 14 - 130 - (n + 2) * 4) / Math.max(n, 1)));
  return {
    schoolName: r.schoolName,
    title: 'Предварительный отчёт за период',
    subtitle: `${r.className} класс, ${r.period.name} (${ruDate(r.period.startDate)} — ${ruDate(r.period.endDate)}). На ${ruDate(r.today)}.`,
    columns: [{ title: '№', width: 14 }, { title: 'Обучающийся', width: 130 }, ...r.subjects.map((s) => ({ title: s.shortName, width: each }))],
    rows: r.rows.map((row) => [String(row.no), row.atRisk ? `${row.name} (!)` : row.name, ...row.cells.map((c) => (c === null ? '' : c.average === null ? '—' : `${averageText(c.average)} («${c.implied}»)`))]),
    notes: [
      `Предметы: ${r.subjects.map((s) => `${s.shortName} — ${s.name}`).join('; ')}. В ячейке — текущий средний балл и выходящая из него отметка; (!) — под угрозой.`,
      ...r.atRisk.map((w) => `${w.studentName}${w.subjectName ? `, ${w.subjectName}` : ''}: ${w.messages.join(' ')}`),
    ],
  };
}

export function attendanceTable(r: Attendance): TableReport {
  const each = Math.max(40, Math.floor((PAGE - 14 - 130 - 6 * 30 - (r.months.length + 8) * 4) / Math.max(r.months.length, 1)));
  return {
    schoolName: r.schoolName,
    title: 'Сводная ведомость посещаемости',
    subtitle: `${r.className} класс, с ${ruDate(r.from)} по ${ruDate(r.until)}.`,
    columns: [
      { title: '№', width: 14 },
      { title: 'Обучающийся', width: 130 },
      ...r.months.map((m) => ({ title: monthTitle(m), width: each })),
      ...['Всего', 'б', 'уп', 'нп', 'н', 'Опозд.'].map((title) => ({ title, width: 26 })),
    ],
    rows: r.rows.map((row) => [String(row.no), row.name, ...row.months.map(missedText), ...[row.missed, row.illness, row.valid, row.invalid, row.unexplained, row.late].map(String)]),
    more: [
      {
        heading: 'Посещаемость класса по месяцам',
        columns: [{ title: 'Месяц', width: 100 }, { title: 'Проведено ученико-уроков', width: 110 }, { title: 'Пропущено', width: 70 }, { title: 'Посещаемость', width: 70 }],
        rows: r.byMonth.map((m) => [monthTitle(m.month), String(m.lessons), String(m.missed), attendedText(m.attended)]),
      },
    ],
    notes: ['б — по болезни, уп — по уважительной причине, нп — по неуважительной, н — причина не указана. Опоздания не считаются пропусками.'],
  };
}
