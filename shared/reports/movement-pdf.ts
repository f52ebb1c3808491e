/** The summary sheet of student movement as PDF (A4 landscape, the lean pdfmake path): for the class reports and the period close's documents. */
import type { MovementSheetReport } from '../services/reports/movement';
import { movementTable } from './movement-table';
import { renderTablePdf } from './report-table-pdf';

export function movementSheetPdf(sheet: MovementSheetReport): Promise<Buffer> {
  return renderTablePdf(movementTable(sheet));
}
