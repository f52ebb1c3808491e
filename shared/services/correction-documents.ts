/**
 * The two documents of corrections after a lock (issue 11, item 5; clauses 7.3, 7.5; R-41, R-42):
 *
 * - the table of changes made under requests in a class x period («таблица учета изменений в
 *   электронном журнале», clause 7.5): every change-log record that names a request
 *   (`correctionNo`), joined with that request's reason, document and decision;
 * - the register of requests of a school year (clause 7.3), filtered as the register list is.
 *
 * Both are data here, for the screen and for the PDF renderers (shared/reports/correction-*.ts),
 * which the next issues attach to the period's summary sheet. Reads: the change table costs one
 * Query of the partition's log, one of the year's register and one of the school's subjects (plus
 * the class, its year and the cards of the students named); the register one Query of the register
 * (plus the subjects, the classes and the cards its cells name).
 */
import type { Principal } from '../auth/roles';
import { dateInZone, ruDate } from '../domain/calendar';
import { CELL_KIND_LABELS, REASON_LABELS, STATE_LABELS, valueText, type CorrectionDocument, type CorrectionReason, type CorrectionState, type ScopeCell } from '../domain/corrections';
import { describeChange, slotTitle } from '../domain/journal-log-text';
import { parseLessonId } from '../domain/journal-model';
import { periodsForGrade, type AcademicYear } from '../domain/year';
import { NotFoundError } from '../errors';
import { readChangeLog, type ChangeLogRead } from '../repos/change-log';
import { listCorrections, type StoredCorrection } from '../repos/corrections';
import { listSubjects } from '../repos/curriculum';
import { className, getClass, getClasses, getStudentCards, type School } from '../repos/school';
import { getYear } from '../repos/year';
import { correctionRegister } from './corrections';

/** The decision that let the change in: the director's approval, or the department's on a disputed request. */
export interface ApprovalView {
  text: string;
  byName: string;
  at: string;
  document?: CorrectionDocument;
}

export interface ChangeRow {
  correctionNo: number;
  /** When the change was entered (ISO) and by whom. */
  at: string;
  actorName: string;
  subjectName: string;
  studentName?: string;
  lesson?: { date: string; lessonNo: number };
  /** What changed, in the change log's words: «отметка 3 → 4, ответ на уроке». */
  description: string;
  /** Empty when the register has no such request (it would be a fault: the log names it). */
  reasonText: string;
  document?: CorrectionDocument;
  approval?: ApprovalView;
}

export interface ChangeTable {
  schoolName: string;
  classId: string;
  className: string;
  periodId: string;
  periodName: string;
  yearId: string;
  timeZone: string;
  rows: ChangeRow[];
}

type Cards = Map<string, string>;

async function studentNames(schoolId: string, ids: Iterable<string>): Promise<Cards> {
  const wanted = [...new Set(ids)];
  const cards = wanted.length ? await getStudentCards(wanted.map((studentId) => ({ schoolId, studentId }))) : [];
  // A student who has left keeps their card: the name is still found.
  return new Map(cards.map((c) => [c.studentId, `${c.lastName} ${c.firstName}`]));
}

function approvalOf(c: StoredCorrection): ApprovalView | undefined {
  const d = [...c.decisions].reverse().find((x) => x.action === 'approve' || x.action === 'departmentApprove');
  if (!d) return undefined;
  return {
    text: d.action === 'approve' ? 'Разрешено директором' : 'Разрешено управлением образования',
    byName: d.byName,
    at: d.at,
    ...(d.document ? { document: d.document } : {}),
  };
}

function periodNamer(year: AcademicYear | null, grade: number) {
  const set = year?.periodSets.find((s) => s.grades.includes(grade));
  const periods = year ? periodsForGrade(year, grade) : [];
  return (id: string) => {
    const p = periods.find((x) => x.periodId === id);
    return p && set ? { name: p.name, kind: set.kind } : undefined;
  };
}

/**
 * The table of changes made under requests in a class x period (clause 7.5), oldest first. The
 * period close passes the change log of the partition it has just read (`read`): no second Query.
 */
export async function correctionChangeTable(school: School, classId: string, periodId: string, read?: ChangeLogRead): Promise<ChangeTable> {
  const cls = await getClass(school.schoolId, classId);
  if (!cls) throw new NotFoundError('Класс не найден.');
  const [log, register, subjects, year] = await Promise.all([
    read ?? readChangeLog(school.schoolId, classId, periodId),
    listCorrections(school.schoolId, cls.yearId),
    listSubjects(school.schoolId),
    getYear(school.schoolId, cls.yearId),
  ]);
  const periodOf = periodNamer(year, cls.grade);
  if (!periodOf(periodId)) throw new NotFoundError('Учебный период не найден в учебном году класса.');
  // Records of a correction carry its register number (the deputy's entry, clause 7.4).
  const records = log.records.flatMap((r) => {
    const no = (r as { correctionNo?: unknown }).correctionNo;
    return typeof no === 'number' ? [{ ...r, correctionNo: no }] : [];
  });
  const names = await studentNames(school.schoolId, records.flatMap((r) => (r.target.studentId ? [r.target.studentId] : [])));
  const subjectName = new Map(subjects.map((s) => [s.subjectId, s.name]));
  const byNo = new Map(register.map((c) => [c.number, c]));
  const rows = records
    .sort((a, b) => a.at.localeCompare(b.at) || a.correctionNo - b.correctionNo || a.seq - b.seq)
    .map((r): ChangeRow => {
      const request = byNo.get(r.correctionNo);
      const lesson = r.entity === 'finalMark' ? null : parseLessonId(r.target.lessonId);
      const approval = request ? approvalOf(request) : undefined;
      return {
        correctionNo: r.correctionNo,
        at: r.at,
        actorName: r.actorName,
        subjectName: subjectName.get(r.subjectId) ?? 'Предмет удалён из школы',
        ...(r.target.studentId ? { studentName: names.get(r.target.studentId) ?? 'Обучающийся не найден' } : {}),
        ...(lesson ? { lesson: { date: lesson.date, lessonNo: lesson.lessonNo } } : {}),
        description: describeChange(r, { periodOf }),
        reasonText: request ? REASON_LABELS[request.reason] : '',
        ...(request ? { document: request.document } : {}),
        ...(approval ? { approval } : {}),
      };
    });
  return {
    schoolName: school.name,
    classId,
    className: className(cls),
    periodId,
    periodName: periodOf(periodId)!.name,
    yearId: cls.yearId,
    timeZone: school.timeZone,
    rows,
  };
}

// --- the register (clause 7.3) -----------------------------------------------------------------

export interface RegisterFilter {
  state?: CorrectionState;
  classId?: string;
  periodId?: string;
  reason?: CorrectionReason;
}

export interface RegisterRow {
  number: number;
  filedAt: string;
  filedByName: string;
  className: string;
  periodName: string;
  reasonText: string;
  document: CorrectionDocument;
  explanation: string;
  /** Each cell of the scope: «Математика, 27.11.2026 (1-й урок), Иванов Иван: текущая отметка 3 → 4». */
  cells: string[];
  /** The decisions in order: «Разрешено — Петров П. П., 28.11.2026: комментарий». */
  decisions: string[];
  stateText: string;
}

export interface RegisterDocument {
  schoolName: string;
  yearId: string;
  timeZone: string;
  /** The filters in words, for the heading («состояние: …; класс: 5А»); empty without filters. */
  filterText: string;
  rows: RegisterRow[];
}

const DECISION_WORDS: Record<string, string> = {
  approve: 'Разрешено директором',
  reject: 'Отклонено директором',
  dispute: 'Направлено в управление образования',
  departmentApprove: 'Разрешено управлением образования',
  departmentReject: 'Отклонено управлением образования',
  enter: 'Исправление внесено',
};

const docText = (d: CorrectionDocument) => `${d.kind} № ${d.number} от ${ruDate(d.date)}`;

/** The register of a school year as the caller may read it, filtered like the register list, with every name spelled out. */
export async function correctionRegisterDocument(p: Principal, school: School, yearId: string, filter: RegisterFilter, now: Date): Promise<RegisterDocument> {
  const [all, subjects, year] = await Promise.all([
    correctionRegister(p, school, yearId, { state: filter.state, classId: filter.classId }, now),
    listSubjects(school.schoolId),
    getYear(school.schoolId, yearId),
  ]);
  const kept = all.filter((c) => (!filter.periodId || c.periodId === filter.periodId) && (!filter.reason || c.reason === filter.reason));
  const classes = await getClasses([...new Set(kept.map((c) => c.classId))].map((classId) => ({ schoolId: school.schoolId, classId })));
  const classOf = new Map(classes.map((c) => [c.classId, c]));
  const names = await studentNames(school.schoolId, kept.flatMap((c) => c.cells.flatMap((x) => ('studentId' in x ? [x.studentId] : []))));
  const subjectName = new Map(subjects.map((s) => [s.subjectId, s.name]));
  const cellText = (c: ScopeCell, periodOf: ReturnType<typeof periodNamer>) => {
    const where = [subjectName.get(c.subjectId) ?? c.subjectId];
    if (c.kind !== 'finalMark') where.push(`${ruDate(c.date)} (${c.lessonNo}-й урок)`);
    if ('studentId' in c) where.push(names.get(c.studentId) ?? 'обучающийся не найден');
    const what = c.kind === 'finalMark' ? slotTitle(c.slot, { periodOf }).toLocaleLowerCase('ru-RU') : CELL_KIND_LABELS[c.kind];
    return `${where.join(', ')}: ${what}, было: ${valueText(c, c.from)}, стало: ${valueText(c, c.to)}`;
  };
  const rows = kept.map((c): RegisterRow => {
    const cls = classOf.get(c.classId);
    const periodOf = periodNamer(year, cls?.grade ?? 0);
    return {
      number: c.number,
      filedAt: c.filedAt,
      filedByName: c.filedByName,
      className: cls ? className(cls) : c.classId,
      periodName: periodOf(c.periodId)?.name ?? c.periodId,
      reasonText: c.reasonText,
      document: c.document,
      explanation: c.explanation,
      cells: c.cells.map((x) => cellText(x, periodOf)),
      decisions: c.decisions.map((d) => `${DECISION_WORDS[d.action] ?? d.action} — ${d.byName}, ${ruDate(dateInZone(new Date(d.at), school.timeZone))}${d.document ? `, ${docText(d.document)}` : ''}${d.comment ? `: ${d.comment}` : ''}`),
      stateText: c.stateText,
    };
  });
  const filterClass = filter.classId ? (classOf.get(filter.classId) ?? (await getClass(school.schoolId, filter.classId))) : null;
  const filterText = [
    filter.state ? `состояние: ${STATE_LABELS[filter.state]}` : '',
    filter.classId ? `класс: ${filterClass ? className(filterClass) : filter.classId}` : '',
    filter.periodId ? `период: ${(filterClass ? periodNamer(year, filterClass.grade)(filter.periodId)?.name : undefined) ?? filter.periodId}` : '',
    filter.reason ? `основание: ${REASON_LABELS[filter.reason]}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return { schoolName: school.name, yearId, timeZone: school.timeZone, filterText, rows };
}

export { docText as correctionDocumentText };
