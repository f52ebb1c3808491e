/**
 * The deputy's school reports as files: each report read once (./school-load.ts), made a table
 * (shared/reports/school-report-tables.ts) and rendered by the function's own renderer (the PDF in
 * report-files, the XLSX in report-xlsx: each bundles only its library). Not imported by the
 * reports area itself.
 */
import type { TableReport } from '../../shared/reports/report-table';
import { classSizesTable, finalDataTable, schoolMovementTable, schoolResultsTable } from '../../shared/reports/school-report-tables';
import { file } from './load';
import { classSizes, finalDataOf, schoolFileName, schoolMovement, schoolResults, type Reading } from './school-load';

type Named = Parameters<typeof schoolFileName>[1];

export function schoolFiles(render: (t: TableReport) => Promise<Buffer>, type: string, ext: string) {
  const reply = async <R extends Named>(r: R, table: (r: R) => TableReport, what: string) => file(await render(table(r)), type, schoolFileName(what, r, ext));
  return {
    movement: async (req: Reading) => reply(await schoolMovement(req), schoolMovementTable, 'dvizhenie-shkoly'),
    sizes: async (req: Reading) => reply(await classSizes(req), classSizesTable, 'chislennost'),
    results: async (req: Reading, period: () => string | undefined) => reply(await schoolResults(req, period), schoolResultsTable, 'itogi-shkoly'),
    finalData: async (req: Reading) => reply(await finalDataOf(req), finalDataTable, 'itogovye-dannye'),
  };
}
