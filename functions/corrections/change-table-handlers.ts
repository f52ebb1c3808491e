/** The table of changes made under requests (clause 7.5) for its screen: the school and class authorised, one service call. */
import { correctionChangeTable } from '../../shared/services/correction-documents';
import { handlersOf } from '../http/area';
import { authorizedSchool, classOfSchool } from '../http/school';
import { changeTableRoutes } from './change-table-routes';

const handler = handlersOf(changeTableRoutes);

export const CHANGES_REFUSAL = 'Таблицу изменений по заявкам на корректировку видят директор, заместители директора и управление образования.';

export const getCorrectionChanges = handler('getCorrectionChanges', async (req) => {
  const school = await authorizedSchool(req, CHANGES_REFUSAL, classOfSchool(req.params.classId!));
  return { body: await correctionChangeTable(school, req.params.classId!, req.params.periodId!) };
});
