import type { RouteSpec } from '../route-spec';
import * as schemas from './schemas';

const PERIOD = '/api/schools/{schoolId}/classes/{classId}/periods/{periodId}';

export const journalControlRoutes = [
  { method: 'GET', path: `${PERIOD}/integrity`, area: 'journal-control', handler: 'checkIntegrity', permission: 'journal.checkIntegrity', summary: 'Проверка журнала по журналу изменений: каждая ячейка класса за период сверяется с тем, что записано в журнале изменений', response: schemas.integrityResponse },
] as const satisfies readonly RouteSpec[];
