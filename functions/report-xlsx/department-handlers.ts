/** «Отчёты по школам» as XLSX (issue 13 item 5): the same load and table as the screen and the PDF. */
import { departmentTable } from '../../shared/reports/department-tables';
import { renderTableXlsx } from '../../shared/reports/report-table-xlsx';
import { handlersOf } from '../http/area';
import { departmentOfPath } from '../reports/department-handlers';
import { departmentReportXlsxRoutes } from '../reports/department-routes';
import { file } from '../reports/load';
import { XLSX_TYPE } from '../route-spec';

const handler = handlersOf(departmentReportXlsxRoutes);

export const getDepartmentReportXlsx = handler('getDepartmentReportXlsx', async (req) => {
  const r = await departmentOfPath(req);
  return file(await renderTableXlsx(departmentTable(r)), XLSX_TYPE, `shkoly-${r.period?.periodId ?? r.yearId}.xlsx`);
});
