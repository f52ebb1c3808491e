/**
 * Work types of the journal: every task of a lesson and every mark carries one.
 * The ids are stable English words stored in marks and settings: never rename one, add a new one.
 * The names are what people read (clause 5: entries are in Russian).
 *
 * `defaultWeight` is the weight in the school's weighted average when the school has set none
 * . `lock` names the lock rule of R-23 (clause 3.8) that governs a mark of this type when it
 * is not the rule for current marks; `controlWork` marks the types counted against the school's
 * limit of tests per class per day and week in the assessment schedule.
 */
import type { LockDays } from './settings';

export interface WorkType {
  id: string;
  name: string;
  defaultWeight: number;
  /** A stricter lock rule than current marks (clause 3.8), and the grades it applies to (absent = all). */
  lock?: { rule: keyof LockDays; grades?: number[] };
  controlWork?: true;
}

export const WORK_TYPES = [
  { id: 'lessonAnswer', name: 'Ответ на уроке', defaultWeight: 1 },
  { id: 'homework', name: 'Домашняя работа', defaultWeight: 1 },
  { id: 'independent', name: 'Самостоятельная работа', defaultWeight: 1.5 },
  { id: 'verification', name: 'Проверочная работа', defaultWeight: 2 },
  { id: 'practical', name: 'Практическая работа', defaultWeight: 2 },
  // Clause 3.8: practical works of the internal quality monitoring (per the KTP) lock after 7 days.
  { id: 'monitoringPractical', name: 'Практическая работа (внутренний мониторинг)', defaultWeight: 2, lock: { rule: 'practicalWorks' }, controlWork: true },
  { id: 'laboratory', name: 'Лабораторная работа', defaultWeight: 2 },
  { id: 'test', name: 'Контрольная работа', defaultWeight: 3, controlWork: true },
  // Clause 3.8: essays in Russian and literature in grades 10-11 lock after their own term.
  { id: 'essay', name: 'Сочинение', defaultWeight: 3, lock: { rule: 'essays', grades: [10, 11] } },
  { id: 'exposition', name: 'Изложение', defaultWeight: 3 },
  { id: 'dictation', name: 'Диктант', defaultWeight: 2 },
  { id: 'project', name: 'Проект', defaultWeight: 2 },
  { id: 'credit', name: 'Зачёт', defaultWeight: 2 },
  { id: 'excursion', name: 'Экскурсия', defaultWeight: 1 },
] as const satisfies readonly WorkType[];

export type WorkTypeId = (typeof WORK_TYPES)[number]['id'];

export const WORK_TYPE_IDS: readonly WorkTypeId[] = WORK_TYPES.map((w) => w.id);

const byId = new Map<string, WorkType>(WORK_TYPES.map((w) => [w.id, w]));

export function isWorkTypeId(id: string): id is WorkTypeId {
  return byId.has(id);
}

export function workType(id: WorkTypeId): WorkType {
  return byId.get(id)!;
}

export function workTypeName(id: string): string {
  return byId.get(id)?.name ?? id;
}

/**
 * Which lock rule of governs a current mark of this work type in this grade: the
 * monitoring practical works and the senior essays have their own term, everything else the term
 * of current marks.
 */
export function lockRuleOf(id: WorkTypeId, grade: number): keyof LockDays {
  const lock = workType(id).lock;
  if (lock && (!lock.grades || lock.grades.includes(grade))) return lock.rule;
  return 'currentMarks';
}

export const DEFAULT_WEIGHTS: Readonly<Record<WorkTypeId, number>> = Object.fromEntries(
  WORK_TYPES.map((w) => [w.id, w.defaultWeight]),
) as Record<WorkTypeId, number>;
