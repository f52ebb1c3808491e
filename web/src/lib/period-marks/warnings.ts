/** The early warnings in words: what each risk is called and the days left, for the warning tables. */
import { countOf, DAY } from '../../../../shared/domain/calendar';
import type { WarnedStudent } from './marks';

type Risk = WarnedStudent['warnings'][number]['risk'];

export const RISK_TEXT: Readonly<Record<Risk, string>> = {
  two: 'грозит «2»',
  notAssessed: 'грозит «н/а»',
  attendance: 'падает посещаемость',
};

/** «грозит «н/а»; падает посещаемость»: every risk of a row once, the worst first (the server's order). */
export function risksText(s: Pick<WarnedStudent, 'warnings'>): string {
  return [...new Set(s.warnings.map((w) => RISK_TEXT[w.risk]))].join('; ');
}

/** «12 дней», «последний день». */
export function daysLeftCell(daysLeft: number): string {
  return daysLeft <= 0 ? 'последний день' : countOf(daysLeft, DAY);
}


/** «учеников: 12 · грозит «2»: 3 · грозит «н/а»: 10 · падает посещаемость: 1»: a class's list in one line. */
export function warningsSummary(rows: ReadonlyArray<Pick<WarnedStudent, 'studentId' | 'warnings'>>): string {
  const students = (risk?: Risk) => new Set(rows.filter((r) => !risk || r.warnings.some((w) => w.risk === risk)).map((r) => r.studentId)).size;
  const parts = [`учеников: ${students()}`];
  for (const risk of Object.keys(RISK_TEXT) as Risk[]) {
    const n = students(risk);
    if (n) parts.push(`${RISK_TEXT[risk]}: ${n}`);
  }
  return parts.join(' · ');
}
