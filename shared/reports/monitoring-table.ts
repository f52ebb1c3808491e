/**
 * The school's monitoring of how the journal is kept (issue 13, item 3) as a printable table
 * (shared/reports/report-table.ts): one line per teacher x class x subject with its problems in
 * words, then the families' activity per class. The PDF (A4 landscape) and the XLSX print this.
 */
import { ruDate } from '../domain/calendar';
import { MONITORING_TITLE, type KtpFigures } from '../domain/reports/monitoring';
import { averageText, percentText } from '../domain/reports/summary-sheet';
import type { SchoolMonitoring } from '../services/reports/monitoring';
import type { TableReport } from './report-table';

/** «−2 ч (5 из 7)», «+1 ч», «по плану»; «нет КТП» / «не утв.» before it when the plan is not approved. */
export function ktpText(k: KtpFigures): string {
  const state = k.state === 'none' ? 'нет КТП; ' : k.state === 'draft' ? 'не утв.; ' : '';
  const gap = k.behind > 0 ? `−${k.behind} ч` : k.ahead > 0 ? `+${k.ahead} ч` : 'по плану';
  return `${state}${gap} (${k.taught} из ${k.planned})`;
}

const problemsText = (problems: ReadonlyArray<{ message: string }>) => (problems.length ? problems.map((p) => p.message).join(' ') : 'нет');

export function monitoringTable(r: SchoolMonitoring): TableReport {
  return {
    schoolName: r.schoolName,
    title: MONITORING_TITLE,
    subtitle: `${r.period.name}, с ${ruDate(r.from)} по ${ruDate(r.until)}. Сформировано ${ruDate(r.today)}.`,
    columns: [
      { title: 'Учитель', width: 92 },
      { title: 'Класс', width: 26 },
      { title: 'Предмет', width: 78 },
      { title: 'Уроков', width: 28 },
      { title: 'Наполн.', width: 30 },
      { title: 'Без отм.', width: 32 },
      { title: '1 отм.', width: 28 },
      { title: 'ДЗ', width: 28 },
      { title: 'Темы', width: 28 },
      { title: 'КТП', width: 62 },
      { title: 'Опозд.', width: 28 },
      { title: 'КР', width: 30 },
      { title: 'Проблемы', width: 212 },
    ],
    rows: r.rows.map((row) => [
      row.teacherName,
      row.className,
      row.subjectName,
      String(row.lessonsHeld),
      averageText(row.fillRate),
      percentText(row.noMarkShare),
      percentText(row.oneMarkShare),
      percentText(row.homeworkShare),
      percentText(row.topicShare),
      ktpText(row.ktp),
      String(row.lateFills),
      `${row.assessmentsKept} из ${row.assessmentsDue}`,
      problemsText(row.problems),
    ]),
    more: [
      {
        heading: 'Активность родителей и обучающихся в электронном дневнике',
        columns: [
          { title: 'Класс', width: 40 },
          { title: 'Обучающихся', width: 56 },
          { title: 'за 7 дней', width: 48 },
          { title: 'за 30 дней', width: 48 },
          { title: 'Родителей', width: 50 },
          { title: 'за 7 дней', width: 48 },
          { title: 'за 30 дней', width: 48 },
          { title: 'Проблемы', width: 350 },
        ],
        rows: r.activity.map((a) => [
          a.className,
          String(a.students.total),
          percentText(a.students.share7),
          percentText(a.students.share30),
          String(a.parents.total),
          percentText(a.parents.share7),
          percentText(a.parents.share30),
          problemsText(a.problems),
        ]),
      },
    ],
    notes: [
      'Наполн. — отметок на обучающегося за урок; Без отм. и 1 отм. — доли обучающихся без отметок и с одной отметкой; ДЗ и Темы — доли проведённых уроков с домашним заданием и с темой; КТП — отставание (−) или опережение (+) в часах, в скобках пройдено из запланированного по сегодня; Опозд. — уроков, заполненных позже срока; КР — оценочных процедур графика проведено из наступивших.',
      ...r.notes,
    ],
  };
}
