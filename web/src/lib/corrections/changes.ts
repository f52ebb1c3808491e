/**
 * The table of changes made under correction requests in a class and period (clause 7.5; issue 11,
 * item 5): the screen's texts and its one call. The answer's type is inferred from its response
 * schema; the PDF of the same table is a plain link (`pdfPaths.changeTable`).
 */
import type { z } from 'zod';
import type { changeTableResponse } from '../../../../functions/corrections/change-table-routes';
import { ruDate } from '../../../../shared/domain/calendar';
import { send } from '../api';

export type ChangeTable = z.infer<typeof changeTableResponse>;

const seg = encodeURIComponent;

export function readChangeTable(schoolId: string, classId: string, periodId: string): Promise<ChangeTable> {
  return send<ChangeTable>('GET', `/api/schools/${seg(schoolId)}/classes/${seg(classId)}/periods/${seg(periodId)}/correction-changes`);
}

/** The screen's address. */
export const changeTablePath = (schoolId: string, classId: string, periodId: string) =>
  `/corrections/changes?school=${seg(schoolId)}&classId=${seg(classId)}&periodId=${seg(periodId)}`;

export const CHANGES_TEXT = {
  title: 'Таблица изменений по заявкам',
  heading: (cls: string, period: string) => `Таблица учета изменений в журнале: ${cls}, ${period}`,
  intro: 'Изменения, внесённые в журнал по разрешённым заявкам на корректировку после блокировки: что изменено, кем и когда, на каком основании (п. 7.5 положения). Таблица — неотъемлемая часть сводной ведомости учебного периода.',
  pdf: 'Скачать таблицу (PDF)',
  register: 'Журнал заявок на корректировку',
  none: 'Изменений по заявкам на корректировку за этот период не было.',
  caption: 'Изменения, внесённые по заявкам',
  request: 'Заявка',
  entered: 'Когда и кем внесено',
  where: 'Предмет, урок, обучающийся',
  what: 'Что изменено',
  basis: 'Основание и документ',
  decision: 'Решение',
  requestNo: (n: number) => `№ ${n}`,
  lessonOf: (date: string, no: number) => `${ruDate(date)}, ${no}-й урок`,
  documentOf: (d: { kind: string; number: string; date: string }) => `${d.kind} № ${d.number} от ${ruDate(d.date)}`,
  noRequest: 'Заявка не найдена в журнале регистрации',
  missing: 'Укажите класс и учебный период: откройте таблицу из заявки или из журнала заявок.',
} as const;
