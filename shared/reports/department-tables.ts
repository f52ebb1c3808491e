/**
 * «Отчёты по школам» (issue 13 item 5) as one printable description (./report-table.ts): the
 * screen, the PDF (./report-table-pdf.ts) and the XLSX (./report-table-xlsx.ts) print the same
 * strings. Aggregates only: schools, classes and subjects, never a pupil (clause 1.7).
 */
import { ruDate, ruNumberFormat } from '../domain/calendar';
import { DEPARTMENT_TITLE, type MonitoringSummary } from '../domain/reports/department';
import { averageText, percentText, RESULTS_NOTE } from '../domain/reports/summary-sheet';
import type { DepartmentReport, SchoolComparison } from '../services/reports/department';
import type { TableReport } from './report-table';

const signed = ruNumberFormat({ signDisplay: 'exceptZero', maximumFractionDigits: 2 });
/** A change from the period before: «+5», «−0,12», «0», «—». */
export const changeText = (n: number | null) => (n === null ? '—' : signed.format(n));

export const RESULT_COLUMNS = ['Школа', 'Классов', 'Аттестовано', 'Успеваемость', 'Качество', 'Средний балл', 'Изменение успеваемости', 'Изменение качества'];

export function resultCells(s: SchoolComparison): string[] {
  if (s.missing) return [s.schoolName, '—', '—', '—', '—', '—', '—', s.missing];
  const r = s.results;
  return [s.schoolName, String(s.classes), String(s.students), percentText(r.success), percentText(r.quality), averageText(r.average), changeText(r.change.success), changeText(r.change.quality)];
}

export const MONITORING_COLUMNS = ['Школа', 'Журналов', 'Учителей', 'Отметок на ученика за урок', 'Уроков с ДЗ', 'Уроков с темой', 'Отстают от КТП', 'Заполнено с опозданием', 'Контрольные по графику', 'Журналов и классов с замечаниями', 'Родители в дневнике за 30 дней', 'Обучающиеся в дневнике за 30 дней'];

const rate = ruNumberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function monitoringCells(name: string, m: MonitoringSummary | null): string[] {
  if (!m) return [name, ...MONITORING_COLUMNS.slice(1).map(() => '—')];
  return [
    name,
    String(m.journals),
    String(m.teachers),
    m.fillRate === null ? '—' : rate.format(m.fillRate),
    percentText(m.homeworkShare),
    percentText(m.topicShare),
    String(m.behindKtp),
    String(m.lateFills),
    m.assessmentsDue ? `${m.assessmentsKept} из ${m.assessmentsDue}` : '—',
    String(m.withProblems),
    percentText(m.parentsActive30),
    percentText(m.studentsActive30),
  ];
}

/** A subject's figures at a school in one cell: «95 % / 60 % / 4,12». */
export function subjectCell(s: SchoolComparison, subject: string): string {
  const f = s.bySubject.find((x) => x.name === subject);
  if (!f || (f.success === null && f.quality === null && f.average === null)) return '—';
  return `${percentText(f.success)} / ${percentText(f.quality)} / ${averageText(f.average)}`;
}

export const CLASS_COLUMNS = ['Класс', 'Аттестовано', 'Успеваемость', 'Качество', 'Средний балл'];

export const classCells = (c: SchoolComparison['byClass'][number]) => [c.className, String(c.students), percentText(c.success), percentText(c.quality), averageText(c.average)];

export const DEPARTMENT_NOTES = [
  RESULTS_NOTE,
  'По предметам в ячейке: успеваемость / качество / средний балл. Изменение — в процентных пунктах и баллах от предыдущего периода тех же классов.',
  'Только сводные показатели: имена обучающихся управлению образования не передаются (п. 1.7 Положения).',
];

export const yearName = (yearId: string) => `${yearId}/${Number(yearId) + 1} учебный год`;

const widths = (total: number, first: number, n: number) => [first, ...Array.from({ length: n }, () => Math.floor((total - first) / n))];

export function departmentTable(r: DepartmentReport): TableReport {
  const cols = (titles: readonly string[], first: number) => widths(770, first, titles.length - 1).map((width, i) => ({ title: titles[i]!, width }));
  return {
    schoolName: r.departmentName,
    title: DEPARTMENT_TITLE,
    subtitle: `${r.period?.name ?? 'период не выбран'}, ${yearName(r.yearId)}. Сформировано ${ruDate(r.today)}.`,
    columns: cols(RESULT_COLUMNS, 200),
    rows: r.schools.map(resultCells),
    more: [
      { heading: 'Мониторинг ведения электронного журнала', columns: cols(MONITORING_COLUMNS, 150), rows: r.schools.map((s) => monitoringCells(s.schoolName, s.monitoring)) },
      { heading: 'Успеваемость по предметам', columns: cols(['Предмет', ...r.schools.map((s) => s.shortName)], 170), rows: r.subjects.map((name) => [name, ...r.schools.map((s) => subjectCell(s, name))]) },
      ...r.schools.filter((s) => s.byClass.length > 0).map((s) => ({ heading: `${s.schoolName}: по классам`, columns: cols(CLASS_COLUMNS, 120), rows: s.byClass.map(classCells) })),
    ],
    notes: DEPARTMENT_NOTES,
  };
}
