/**
 * «Проверить журнал по журналу изменений» (issue 11, item 6): the change-log screen asks the server
 * to replay the log of the class and period and compare it with every cell of the journal
 * (shared/services/journal-integrity.ts). Texts and the one call; the answer's type is inferred
 * from its response schema. Offered to those the server's policy lets check (`journal.checkIntegrity`).
 */
import type { z } from 'zod';
import type { integrityResponse } from '../../../../functions/journal-control/schemas';
import { send } from '../api';

export type IntegrityReport = z.infer<typeof integrityResponse>;

const seg = encodeURIComponent;

export function checkIntegrity(schoolId: string, classId: string, periodId: string): Promise<IntegrityReport> {
  return send<IntegrityReport>('GET', `/api/schools/${seg(schoolId)}/classes/${seg(classId)}/periods/${seg(periodId)}/integrity`);
}

const plural = (n: number, one: string, few: string, many: string) => {
  const r10 = n % 10;
  const r100 = n % 100;
  return r10 === 1 && r100 !== 11 ? one : r10 >= 2 && r10 <= 4 && (r100 < 12 || r100 > 14) ? few : many;
};

export const INTEGRITY_TEXT = {
  heading: 'Журнал и журнал изменений',
  intro: 'Проверка целостности выше защищает сам журнал изменений. Эта проверка воспроизводит его записи и сравнивает результат с каждой ячейкой журнала класса за период: отметками, посещаемостью, темами уроков и итоговыми отметками. Так видно изменение, внесённое в таблицу в обход системы.',
  run: 'Проверить журнал по журналу изменений',
  busy: 'Проверяем…',
  clean: (records: number, cells: number) => `Расхождений нет: ${cells} ${plural(cells, 'ячейка', 'ячейки', 'ячеек')} журнала совпадают с ${records} ${plural(records, 'записью', 'записями', 'записями')} журнала изменений.`,
  found: (n: number) => `Найдено ${n} ${plural(n, 'расхождение', 'расхождения', 'расхождений')}: ${plural(n, 'ячейка изменена', 'ячейки изменены', 'ячеек изменены')} в обход журнала изменений.`,
  chainBroken: 'Кроме того, нарушена цепочка самого журнала изменений (см. выше).',
  caption: 'Ячейки, расходящиеся с журналом изменений',
  cell: 'Ячейка',
  byLog: 'По журналу изменений',
  inTable: 'В журнале сейчас',
  checkedAt: 'Проверено',
} as const;
