/**
 * External assessments (R-26, clause 1.3): OGE, EGE and GVE results per student, entered by the
 * deputy director or the secretary from the official results sheet. Each item lives in the
 * student's own partition (so it follows the student) and is listed per class and year; every
 * change is one TransactWriteItems with its audit record (who, when, old, new).
 */
import { transactOr } from '../db/transact';
import { isIsoDate, ruDate } from '../domain/calendar';
import { BadRequestError, ConflictError, NotFoundError } from '../errors';
import { auditPut } from '../repos/audit';
import { getSubject } from '../repos/curriculum';
import {
  externalAssessmentDeleteOp,
  externalAssessmentPutOp,
  getExternalAssessment,
  listExternalAssessments,
  type ExamKind,
  type ExternalAssessment,
} from '../repos/journal';
import { getStudentCard, type SchoolClass } from '../repos/school';
import type { Actor } from './journal-entry';

export const EXAM_TITLES: Record<ExamKind, string> = { OGE: 'ОГЭ', EGE: 'ЕГЭ', GVE: 'ГВЭ' };

/** OGE and GVE-9 close grade 9; EGE and GVE-11 close grade 11 (the state final attestation). */
export function examProblems(kind: ExamKind, grade: number, input: { score?: number | null; mark?: number | null; date: string }, today: string): string[] {
  const problems: string[] = [];
  if (kind === 'OGE' && grade !== 9) problems.push('ОГЭ сдают в 9 классе.');
  if (kind === 'EGE' && grade !== 11) problems.push('ЕГЭ сдают в 11 классе.');
  if (kind === 'GVE' && grade !== 9 && grade !== 11) problems.push('ГВЭ сдают в 9 и 11 классах.');
  if (!isIsoDate(input.date)) problems.push('Дата экзамена указана неверно.');
  else if (input.date > today) problems.push(`Результат экзамена ${ruDate(input.date)} ещё не может быть известен.`);
  const hasScore = input.score !== undefined && input.score !== null;
  const hasMark = input.mark !== undefined && input.mark !== null;
  if (!hasScore && !hasMark) problems.push('Укажите балл или отметку.');
  if (hasScore && (!Number.isInteger(input.score) || input.score! < 0 || input.score! > 100)) problems.push('Балл — целое число от 0 до 100.');
  if (hasMark && ![2, 3, 4, 5].includes(input.mark!)) problems.push('Отметка — от 2 до 5.');
  return problems;
}

export interface ExamInput {
  studentId: string;
  kind: ExamKind;
  subjectId: string;
  date: string;
  score?: number | null;
  mark?: number | null;
  version: number;
}

export function listExams(schoolId: string, cls: SchoolClass): Promise<ExternalAssessment[]> {
  return listExternalAssessments(schoolId, cls.yearId, cls.classId).then((list) =>
    list.sort((a, b) => a.studentName.localeCompare(b.studentName, 'ru') || a.date.localeCompare(b.date) || a.subjectName.localeCompare(b.subjectName, 'ru')),
  );
}

export async function saveExam(schoolId: string, cls: SchoolClass, input: ExamInput, actor: Actor, today: string, now: Date): Promise<ExternalAssessment> {
  const [card, subject] = await Promise.all([getStudentCard(schoolId, input.studentId), getSubject(schoolId, input.subjectId)]);
  if (!card || card.classId !== cls.classId) throw new BadRequestError('Этого обучающегося нет в классе.');
  if (!subject) throw new BadRequestError('Такого предмета нет в школе.');
  const problems = examProblems(input.kind, cls.grade, input, today);
  if (problems.length) throw new BadRequestError(problems.join(' '));
  const ref = { schoolId, studentId: input.studentId, kind: input.kind, subjectId: input.subjectId, date: input.date };
  const before = await getExternalAssessment(ref);
  if ((before?.version ?? 0) !== input.version) throw new ConflictError('Результат уже изменил другой пользователь: показано текущее значение.', before);
  const next: ExternalAssessment = {
    ...ref,
    yearId: cls.yearId,
    classId: cls.classId,
    studentName: `${card.lastName} ${card.firstName}`,
    subjectName: subject.name,
    ...(input.score !== undefined && input.score !== null ? { score: input.score } : {}),
    ...(input.mark !== undefined && input.mark !== null ? { mark: input.mark } : {}),
    version: input.version + 1,
    recordedBy: actor.userId,
    recordedByName: actor.displayName,
    recordedAt: now.toISOString(),
  };
  await transactOr(
    [
      externalAssessmentPutOp(next, input.version),
      auditPut({
        schoolId,
        actor,
        action: before ? 'externalAssessment.update' : 'externalAssessment.create',
        entity: `STU#${input.studentId}#EXAM#${input.date}#${input.kind}#${input.subjectId}`,
        before: before ? { score: before.score, mark: before.mark } : undefined,
        after: { score: next.score, mark: next.mark },
        at: now,
      }),
    ],
    async () => new ConflictError('Результат только что изменил другой пользователь: обновите страницу.', await getExternalAssessment(ref)),
  );
  return next;
}

export async function removeExam(
  schoolId: string,
  cls: SchoolClass,
  ref: { studentId: string; kind: ExamKind; subjectId: string; date: string; version: number },
  actor: Actor,
  now: Date,
): Promise<void> {
  const current = await getExternalAssessment({ schoolId, ...ref });
  if (!current || current.classId !== cls.classId) throw new NotFoundError('Такого результата нет.');
  if (current.version !== ref.version) throw new ConflictError('Результат уже изменил другой пользователь: показано текущее значение.', current);
  await transactOr(
    [
      externalAssessmentDeleteOp(current),
      auditPut({
        schoolId,
        actor,
        action: 'externalAssessment.delete',
        entity: `STU#${ref.studentId}#EXAM#${ref.date}#${ref.kind}#${ref.subjectId}`,
        before: { score: current.score, mark: current.mark },
        at: now,
      }),
    ],
    async () => new ConflictError('Результат только что изменил другой пользователь: обновите страницу.', await getExternalAssessment({ schoolId, ...ref })),
  );
}
