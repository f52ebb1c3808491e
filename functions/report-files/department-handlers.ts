/** «Отчёты по школам» as PDF (issue 13 item 5): the same load as the screen, the one-table path of shared/reports. */
import { departmentTable } from '../../shared/reports/department-tables';
import { renderTablePdf } from '../../shared/reports/report-table-pdf';
import { handlersOf } from '../http/area';
import { departmentOfPath } from '../reports/department-handlers';
import { departmentReportFileRoutes } from '../reports/department-routes';
import { file } from '../reports/load';

const handler = handlersOf(departmentReportFileRoutes);

export const getDepartmentReportPdf = handler('getDepartmentReportPdf', async (req) => {
  const r = await departmentOfPath(req);
  return file(await renderTablePdf(departmentTable(r)), 'application/pdf', `shkoly-${r.period?.periodId ?? r.yearId}.pdf`);
});
