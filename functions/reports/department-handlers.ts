/**
 * «Отчёты по школам» (issue 13 item 5): the department specialist's comparison of its schools, as
 * data here and as PDF and XLSX (functions/report-files, functions/report-xlsx) from one load.
 */
import { departmentReport, type DepartmentReport } from '../../shared/services/reports/department';
import { handlersOf, type Req } from '../http/area';
import { departmentReportRoutes } from './department-routes';

const handler = handlersOf(departmentReportRoutes);

export const DEPARTMENT_REFUSAL = 'Отчёты по школам доступны специалисту управления образования.';

type DepartmentReq = Pick<Req, 'params' | 'now'> & { readonly authorize: (o: { departmentId: string }, refusal?: string) => void; readonly query: { periodId?: string } };

/** The department of the path, authorised, then its schools for the period asked. */
export async function departmentOfPath(req: DepartmentReq): Promise<DepartmentReport> {
  req.authorize({ departmentId: req.params.departmentId! }, DEPARTMENT_REFUSAL);
  return departmentReport(req.params.departmentId!, req.query.periodId, req.now);
}

export const getDepartmentReport = handler('getDepartmentReport', async (req) => ({ body: await departmentOfPath(req) }));
