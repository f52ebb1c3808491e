/**
 * Request and response schemas of correction requests (issue 11; clauses 7.1-7.5). Messages are
 * Russian: the screen shows them as they are. Shapes only; the rules are the domain's
 * (shared/domain/corrections.ts), which the service applies after these.
 */
import * as z from 'zod';
import {
  CORRECTION_REASONS,
  CORRECTION_STATES,
  COMMENT_MAX,
  DOCUMENT_KIND_MAX,
  DOCUMENT_NUMBER_MAX,
  EXPLANATION_MAX,
  SCOPE_MAX,
  CORRECTION_ACTIONS,
} from '../../shared/domain/corrections';
import { ABSENCE_DOCUMENT_KIND_MAX, ABSENCE_DOCUMENT_NUMBER_MAX, DOCUMENT_REASONS } from '../../shared/domain/absence-documents';
import { TOPIC_MAX } from '../../shared/domain/journal-marks';
import { idParam, isoDateParam, requestId } from '../schemas';

const text = (what: string, max: number) => z.string({ error: `${what}: ожидается текст.` }).max(max, `${what}: не длиннее ${max} знаков.`);

export const documentBody = z.object(
  {
    kind: text('Вид документа', DOCUMENT_KIND_MAX),
    number: text('Номер документа', DOCUMENT_NUMBER_MAX),
    date: isoDateParam('Дата документа'),
  },
  { error: 'Укажите документ: вид, номер и дату.' },
);

/** A value of a cell: the journal's code or text; null is an empty cell. */
const value = (what: string) => text(what, TOPIC_MAX).nullable();
const lesson = {
  subjectId: idParam('Предмет'),
  date: isoDateParam('Дата урока'),
  lessonNo: z.number({ error: 'Номер урока: ожидается число.' }).int('Номер урока — целое число.').min(0, 'Номер урока не может быть отрицательным.').max(20, 'Номер урока — не больше 20.'),
  groupId: idParam('Подгруппа'),
};
const change = { from: value('Нынешнее значение'), to: value('Новое значение') };

export const scopeCell = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('mark'), ...lesson, studentId: idParam('Обучающийся'), workType: idParam('Вид работы'), ...change }),
    z.object({ kind: z.literal('attendance'), ...lesson, studentId: idParam('Обучающийся'), ...change }),
    z.object({ kind: z.literal('topic'), ...lesson, ...change }),
    z.object({ kind: z.literal('finalMark'), subjectId: idParam('Предмет'), studentId: idParam('Обучающийся'), slot: idParam('Период отметки'), ...change }),
  ],
  { error: 'Ячейка: укажите вид (mark, attendance, topic или finalMark) и её поля.' },
);

export const fileBody = z.object({
  periodId: idParam('Учебный период'),
  reason: z.enum(CORRECTION_REASONS, { error: 'Укажите основание из пункта 7.1 Положения.' }),
  document: documentBody,
  explanation: text('Пояснение', EXPLANATION_MAX),
  cells: z.array(scopeCell, { error: 'Укажите ячейки журнала, которые нужно исправить.' }).max(SCOPE_MAX, `В одной заявке — не больше ${SCOPE_MAX} ячеек.`),
});

const version = z.number({ error: 'Не указана версия заявки: обновите страницу.' }).int('Версия заявки — целое число.').min(1, 'Версия заявки — не меньше 1.');
const comment = text('Комментарий', COMMENT_MAX).optional();

export const decisionBody = z.object({
  decision: z.enum(['approve', 'reject', 'dispute'], { error: 'Решение директора: approve (разрешить), reject (отклонить) или dispute (направить в управление образования).' }),
  comment,
  version,
});

export const departmentDecisionBody = z.object({
  decision: z.enum(['approve', 'reject'], { error: 'Решение управления образования: approve (разрешить) или reject (отклонить).' }),
  document: documentBody,
  comment,
  version,
});

export const registerQuery = z.object({
  state: z.enum(CORRECTION_STATES, { error: 'Неизвестное состояние заявки.' }).optional(),
  classId: idParam('Класс').optional(),
});

/** A supporting document (clause 7.1) as answers show it. */
export const documentView = z.object({ kind: z.string(), number: z.string(), date: z.string() });

export const correctionView = z.object({
  schoolId: z.string(),
  yearId: z.string(),
  number: z.number(),
  classId: z.string(),
  periodId: z.string(),
  reason: z.enum(CORRECTION_REASONS),
  reasonText: z.string(),
  document: documentView,
  explanation: z.string(),
  cells: z.array(scopeCell),
  state: z.enum(CORRECTION_STATES),
  stateText: z.string(),
  filedBy: z.string(),
  filedByName: z.string(),
  filedAt: z.string(),
  windowEndsAt: z.string().optional(),
  windowLastDate: z.string().optional(),
  decisions: z.array(
    z.object({ action: z.enum(CORRECTION_ACTIONS), by: z.string(), byName: z.string(), at: z.string(), comment: z.string().optional(), document: documentView.optional() }),
  ),
  /** What was entered into the journal, by whom and when (clause 7.4): set with the state `entered`. */
  entry: z.object({ by: z.string(), byName: z.string(), at: z.string(), requestId: z.string(), cells: z.array(scopeCell) }).optional(),
  version: z.number(),
});

/** The deputy's entry (clause 7.4): every cell of the request with its values exactly as approved. */
export const entryBody = z.object({
  cells: z.array(scopeCell, { error: 'Укажите ячейки заявки с разрешёнными значениями.' }).max(SCOPE_MAX, `В одной заявке — не больше ${SCOPE_MAX} ячеек.`),
  version,
  requestId: requestId.optional(),
});

export const correctionResponse = z.object({ correction: correctionView });
export const registerResponse = z.object({ yearId: z.string(), corrections: z.array(correctionView) });

// --- absence documents (clause 3.7) -------------------------------------------------------------

export const absenceDocumentBody = z.object({
  studentId: idParam('Обучающийся'),
  kind: text('Вид документа', ABSENCE_DOCUMENT_KIND_MAX),
  number: text('Номер документа', ABSENCE_DOCUMENT_NUMBER_MAX),
  date: isoDateParam('Дата документа'),
  from: isoDateParam('Начало периода по документу'),
  to: isoDateParam('Конец периода по документу'),
  reason: z.enum(DOCUMENT_REASONS, { error: 'Причина по документу: illness (по болезни) или valid (по уважительной причине).' }),
});

export const absenceDocumentsQuery = z.object({ studentId: idParam('Обучающийся').optional() });

const absenceDocumentView = z.object({
  schoolId: z.string(),
  classId: z.string(),
  yearId: z.string(),
  documentId: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  kind: z.string(),
  number: z.string(),
  date: z.string(),
  from: z.string(),
  to: z.string(),
  reason: z.enum(DOCUMENT_REASONS),
  /** The absences whose reason it set (lessonId «2026-11-24.3.all»). */
  applied: z.array(z.object({ periodId: z.string(), subjectId: z.string(), lessonId: z.string() })),
  enteredBy: z.string(),
  enteredByName: z.string(),
  enteredAt: z.string(),
});

export const absenceDocumentResponse = z.object({ document: absenceDocumentView, replayed: z.boolean() });
export const absenceDocumentsResponse = z.object({ classId: z.string(), yearId: z.string(), documents: z.array(absenceDocumentView) });
