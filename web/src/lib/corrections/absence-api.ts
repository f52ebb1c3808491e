/**
 * Absence reasons from a document (issue 11 item 4; clause 3.7) as the screen uses them
 * (functions/corrections/routes.ts): the class teacher enters a document, the class teacher and
 * the administration list the class's documents. Types are inferred from the server's schemas.
 */
import type { z } from 'zod';
import type { absenceDocumentBody, absenceDocumentResponse, absenceDocumentsResponse } from '../../../../functions/corrections/schemas';
import type { DocumentReason } from '../../../../shared/domain/absence-documents';
import { ruDate } from '../../../../shared/domain/calendar';
import { send } from '../api';
import { formatDateTime } from '../format';

const seg = encodeURIComponent;
const docs = (schoolId: string, classId: string) => `/api/schools/${seg(schoolId)}/classes/${seg(classId)}/absence-documents`;

export type AbsenceDocumentBody = z.input<typeof absenceDocumentBody>;
export type AbsenceDocumentEntered = z.infer<typeof absenceDocumentResponse>;
export type AbsenceDocument = AbsenceDocumentEntered['document'];
export type AbsenceDocumentList = z.infer<typeof absenceDocumentsResponse>;

export const absenceApi = {
  list: (schoolId: string, classId: string) => send<AbsenceDocumentList>('GET', docs(schoolId, classId)),
  enter: (schoolId: string, classId: string, body: AbsenceDocumentBody) => send<AbsenceDocumentEntered>('POST', docs(schoolId, classId), body),
};

/** The reasons a document proves, as the server takes them, in the words of the journal. */
export const DOCUMENT_REASON_CHOICES: ReadonlyArray<{ value: DocumentReason; label: string }> = [
  { value: 'illness', label: 'по болезни' },
  { value: 'valid', label: 'уважительная' },
];

export const ABSENCE_TEXT = {
  title: 'Справки об отсутствии',
  intro: 'Документ о причине отсутствия (п. 3.7 Положения) вносит классный руководитель: причина ставится всем пропускам обучающегося за указанный период по всем предметам, даже если посещаемость уже закрыта, — в течение 2 рабочих дней от даты документа.',
  introReadOnly: 'Документы о причинах пропусков, внесённые классным руководителем (п. 3.7 Положения).',
  notAllowed: 'Справки об отсутствии вносит классный руководитель; просматривают директор и заместители.',
  noClasses: 'Нет классов, справки которых вам доступны.',
  chooseClass: 'Класс',
  show: 'Показать',
  add: 'Внести документ',
  pupil: 'Обучающийся',
  choose: 'Выберите',
  reason: 'Причина',
  kind: 'Вид документа',
  kindHint: 'Например: медицинская справка, заявление родителя, приказ',
  number: 'Номер',
  date: 'Дата документа',
  from: 'Отсутствовал с',
  to: 'по',
  submit: 'Внести',
  submitting: 'Вношу…',
  problems: 'Документ не внесён.',
  correctionLink: 'Подать заявку на корректировку',
  entered: (d: AbsenceDocument, replayed: boolean) =>
    replayed
      ? `Этот документ уже был внесён ${formatDateTime(d.enteredAt)}; пропусков с причиной по нему — ${d.applied.length}.`
      : d.applied.length === 0
        ? `Документ внесён. Пропусков ${d.studentName} с ${ruDate(d.from)} по ${ruDate(d.to)} в журнале нет — причину ставить некуда.`
        : `Документ внесён, причина поставлена: пропусков — ${d.applied.length} (${d.studentName}, ${ruDate(d.from)}–${ruDate(d.to)}).`,
  list: 'Внесённые документы',
  noDocuments: 'Документов пока нет.',
  document: 'Документ',
  range: 'Период',
  applied: 'Пропусков',
  enteredBy: 'Внёс',
  reasonOf: { illness: 'по болезни', valid: 'по уважительной причине' } as Record<DocumentReason, string>,
  documentLine: (d: Pick<AbsenceDocument, 'kind' | 'number' | 'date'>) => `${d.kind} № ${d.number} от ${ruDate(d.date)}`,
  rangeLine: (d: Pick<AbsenceDocument, 'from' | 'to'>) => (d.from === d.to ? ruDate(d.from) : `${ruDate(d.from)} – ${ruDate(d.to)}`),
  enteredLine: (d: Pick<AbsenceDocument, 'enteredByName' | 'enteredAt'>) => `${d.enteredByName}, ${formatDateTime(d.enteredAt)}`,
} as const;
