/**
 * Paper progress reports (issue 12 item 4; clause 3.13, R-52): the class's applications and
 * reports, recording an application or its withdrawal, the class's PDF of a fortnight, a
 * hand-over, the school's register and the overdue count. Each handler authorises the class or
 * school of the path, calls one service function and shapes the answer.
 */
import type { Principal } from '../../shared/auth/roles';
import {
  classOf,
  classPaperReports,
  overdueReports,
  recordApplication as record,
  recordHandOver as handOver,
  reportPdf,
  schoolApplications,
  withdrawApplication as withdraw,
  type Actor,
} from '../../shared/services/paper-reports';
import { handlersOf } from '../http/area';
import { authorizedSchool, classOfSchool } from '../http/school';
import { paperReportRoutes } from './routes';

const handler = handlersOf(paperReportRoutes);
const actorOf = (p: Principal): Actor => ({ userId: p.userId, displayName: p.displayName });

const READ = 'Бумажные отчёты класса видят его классный руководитель, секретарь и администрация школы.';
const RECORD = 'Заявление родителя записывает секретарь или классный руководитель обучающегося.';

export const getClassPaperReports = handler('getClassPaperReports', async (req) => {
  const school = await authorizedSchool(req, READ, classOfSchool(req.params.classId!));
  return { body: await classPaperReports(school, await classOf(school, req.params.classId!), req.now) };
});

export const recordApplication = handler('recordApplication', async (req) => {
  const school = await authorizedSchool(req, RECORD, classOfSchool(req.params.classId!));
  const cls = await classOf(school, req.params.classId!);
  return { status: 201, body: { application: await record(actorOf(req.principal), school, cls, req.body, req.now) } };
});

export const withdrawApplication = handler('withdrawApplication', async (req) => {
  const school = await authorizedSchool(req, RECORD, classOfSchool(req.params.classId!));
  const cls = await classOf(school, req.params.classId!);
  return { body: { application: await withdraw(actorOf(req.principal), school, cls, req.params.applicationId!, req.body, req.now) } };
});

export const getPaperReportPdf = handler('getPaperReportPdf', async (req) => {
  const school = await authorizedSchool(req, READ, classOfSchool(req.params.classId!));
  return { body: { pdf: await reportPdf(school, await classOf(school, req.params.classId!), req.params.fortnightId!) } };
});

export const recordHandOver = handler('recordHandOver', async (req) => {
  const school = await authorizedSchool(req, 'Вручение отчёта отмечает классный руководитель (или секретарь).', classOfSchool(req.params.classId!));
  const cls = await classOf(school, req.params.classId!);
  const { fortnightId, studentId } = req.params;
  return { body: { report: await handOver(actorOf(req.principal), school, cls, fortnightId!, studentId!, req.body, req.now) } };
});

export const listSchoolApplications = handler('listSchoolApplications', async (req) => {
  const school = await authorizedSchool(req, 'Заявления о бумажных отчётах всей школы видят секретарь и администрация.');
  return { body: { applications: await schoolApplications(school) } };
});

export const getOverdueReports = handler('getOverdueReports', async (req) => {
  const school = await authorizedSchool(req, 'Просроченные бумажные отчёты видят классные руководители, секретарь и администрация.');
  return { body: await overdueReports(req.principal, school, req.now) };
});
