import type { RouteSpec } from '../route-spec';
import * as schemas from './schemas';

const SCHOOL = '/api/schools/{schoolId}';
const CLASS = `${SCHOOL}/classes/{classId}`;
const REPORT = `${CLASS}/paper-reports/{fortnightId}`;

/** Paper progress reports (clause 3.13, R-52): the job renders them (functions/jobs/paper-reports.ts); these serve the screens. */
export const paperReportRoutes = [
  { method: 'GET', path: `${CLASS}/paper-reports`, area: 'paper-reports', handler: 'getClassPaperReports', permission: 'paperReport.readClass', summary: 'Бумажные отчёты класса: заявления родителей и отчёты за двухнедельные периоды с отметками о вручении', response: schemas.classResponse },
  { method: 'POST', path: `${CLASS}/paper-applications`, area: 'paper-reports', handler: 'recordApplication', permission: 'paperReport.recordApplication', summary: 'Записать письменное заявление родителя о бумажном отчёте (дата, номер, с какого числа)', body: schemas.applicationBody, response: schemas.applicationResponse, successStatus: 201 },
  { method: 'POST', path: `${CLASS}/paper-applications/{applicationId}/withdrawal`, area: 'paper-reports', handler: 'withdrawApplication', permission: 'paperReport.recordApplication', summary: 'Отзыв заявления по новому письменному заявлению родителя', body: schemas.withdrawalBody, response: schemas.applicationResponse },
  { method: 'GET', path: `${REPORT}/pdf`, area: 'paper-reports', handler: 'getPaperReportPdf', permission: 'paperReport.readClass', summary: 'PDF бумажных отчётов класса за двухнедельный период (в base64), по странице на обучающегося', response: schemas.pdfResponse },
  { method: 'POST', path: `${REPORT}/students/{studentId}/hand-over`, area: 'paper-reports', handler: 'recordHandOver', permission: 'paperReport.handOver', summary: 'Отметить, что отчёт вручён родителю (дата; кто — из сеанса)', body: schemas.handOverBody, response: schemas.reportResponse },
  { method: 'GET', path: `${SCHOOL}/paper-applications`, area: 'paper-reports', handler: 'listSchoolApplications', permission: 'paperReport.listSchool', summary: 'Заявления о бумажных отчётах по всей школе', response: schemas.applicationsResponse },
  { method: 'GET', path: `${SCHOOL}/paper-reports/overdue`, area: 'paper-reports', handler: 'getOverdueReports', permission: 'paperReport.overdue', summary: 'Просроченные бумажные отчёты (не вручены через 3 рабочих дня): классы вызывающего или вся школа', response: schemas.overdueResponse },
] as const satisfies readonly RouteSpec[];
