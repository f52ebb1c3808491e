/** The department's schools (issue 9, item 1): its list, a new school, a school's first administrator with a code. */
import { NotFoundError } from '../../shared/errors';
import { getSchool, listSchools } from '../../shared/repos/school';
import { appointAdministrator as appoint, createSchool as create } from '../../shared/services/bring-into-service';
import { grantInspectorAccess as grantInspector } from '../../shared/services/department-inspectors';
import { handlersOf } from '../http/area';
import { schoolRoutes } from './routes';

const handler = handlersOf(schoolRoutes);
const REFUSAL = 'Школы открывает и назначает им администраторов управление образования.';

const view = (s: { schoolId: string; name: string; shortName: string; city: string; timeZone: string }) => ({ schoolId: s.schoolId, name: s.name, shortName: s.shortName, city: s.city, timeZone: s.timeZone });

export const listDepartmentSchools = handler('listDepartmentSchools', async (req) => {
  const departmentId = req.params.departmentId!;
  req.authorize({ departmentId }, REFUSAL);
  const schools = await listSchools(departmentId);
  return { body: { schools: schools.map(view).sort((a, b) => a.name.localeCompare(b.name, 'ru', { numeric: true })) } };
});

export const createSchool = handler('createSchool', async (req) => {
  const departmentId = req.params.departmentId!;
  req.authorize({ departmentId }, REFUSAL);
  const school = await create({ by: req.principal, departmentId, school: req.body, now: req.now });
  return { status: 201, body: { school: view(school) } };
});

export const appointAdministrator = handler('appointAdministrator', async (req) => {
  const departmentId = req.params.departmentId!;
  const school = req.principal.departmentId === departmentId ? await getSchool(departmentId, req.params.schoolId!) : null;
  req.authorize({ departmentId, schoolId: req.params.schoolId! }, REFUSAL);
  if (!school) throw new NotFoundError('Школа не найдена.');
  const issued = await appoint({ by: req.principal, school, person: req.body, ...(req.body.position ? { position: req.body.position } : {}), now: req.now });
  return { status: 201, body: issued };
});

export const grantInspectorAccess = handler('grantInspectorAccess', async (req) => {
  const departmentId = req.params.departmentId!;
  req.authorize({ departmentId }, 'Доступ инспектору управления выдаёт специалист управления образования.');
  return { status: 201, body: await grantInspector({ by: req.principal, departmentId, inspector: req.body, now: req.now }) };
});
