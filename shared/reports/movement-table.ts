/**
 * The summary sheet of student movement (shared/domain/reports/movement-sheet.ts) as a printable
 * table (./report-table.ts): the four counts, then who arrived and who left. The PDF is
 * ./movement-pdf.ts, the XLSX the shared one-table renderer.
 */
import { ruDate } from '../domain/calendar';
import { MOVEMENT_SHEET_TITLE, type MovementLine } from '../domain/reports/movement-sheet';
import type { MovementSheetReport } from '../services/reports/movement';
import type { TableReport } from './report-table';

function lines(list: MovementLine[], place: string): Pick<TableReport, 'columns' | 'rows'> {
  return {
    columns: [
      { title: '№', width: 18 },
      { title: 'Обучающийся', width: 170 },
      { title: 'Дата', width: 60 },
      { title: 'Движение', width: 130 },
      { title: place, width: 270 },
      { title: 'Приказ №', width: 70 },
    ],
    rows: list.length === 0 ? [['', 'нет', '', '', '', '']] : list.map((l, i) => [String(i + 1), l.name, ruDate(l.date), l.kindTitle, l.place, l.orderNo]),
  };
}

export function movementTable(r: MovementSheetReport): TableReport {
  return {
    schoolName: r.schoolName,
    title: MOVEMENT_SHEET_TITLE,
    subtitle: `${r.className} класс, ${r.period.name} (${ruDate(r.from)} — ${ruDate(r.to)}). Сформировано ${ruDate(r.today)}.`,
    columns: [
      { title: `Состояло на ${ruDate(r.from)}`, width: 140 },
      { title: 'Прибыло', width: 90 },
      { title: 'Выбыло', width: 90 },
      { title: `Состоит на ${ruDate(r.to)}`, width: 140 },
    ],
    rows: [[r.atStart, r.arrived.length, r.left.length, r.atEnd].map(String)],
    more: [
      { heading: 'Прибыли', ...lines(r.arrived, 'Откуда') },
      { heading: 'Выбыли', ...lines(r.left, 'Куда') },
    ],
  };
}
