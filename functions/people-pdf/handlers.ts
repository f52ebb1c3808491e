/**
 * Handlers of the people-pdf function (functions/people-pdf/routes.ts): activation codes with their
 * printable sheet. A function of their own, so that pdfmake and the fonts load only here.
 */
import { issueClassSheet as issueClassCodes, issueStaffSheet as issueStaffCodes } from '../../shared/services/people-codes';
import { config } from '../../shared/config';
import { handlersOf, type Req } from '../http/area';
import { authorizedSchool, classOfSchool } from '../http/school';
import { peoplePdfRoutes } from './routes';

const handler = handlersOf(peoplePdfRoutes);

/** Where the sheet sends people: the configured address, else the page that asked for the sheet. */
const siteUrl = (req: Pick<Req, 'origin'>) => config().siteUrl ?? req.origin;

export const issueClassSheet = handler('issueClassSheet', async (req) => {
  const school = await authorizedSchool(req, 'Коды активации обучающимся и родителям выдаёт классный руководитель их класса.', classOfSchool(req.params.classId!));
  const body = await issueClassCodes({ by: req.principal, school, classId: req.params.classId!, kinds: req.body.kinds ?? ['student', 'parent'], onlyNew: req.body.onlyNew ?? true, now: req.now, siteUrl: siteUrl(req) });
  return { status: 201, body };
});

export const issueStaffSheet = handler('issueStaffSheet', async (req) => {
  const school = await authorizedSchool(req, 'Коды активации сотрудникам выдаёт администратор ЭЖ.');
  const body = await issueStaffCodes({ by: req.principal, school, userIds: req.body.userIds, onlyNew: req.body.onlyNew ?? true, now: req.now, siteUrl: siteUrl(req) });
  return { status: 201, body };
});
