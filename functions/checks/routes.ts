import type { RouteSpec } from '../route-spec';
import * as schemas from './schemas';

/** A school's checks of the electronic journal (issue 13 item 4; clauses 8.2–8.4). */
export const SCHOOL_CHECKS = '/api/schools/{schoolId}/journal-checks';

export const checkRoutes = [
  { method: 'GET', path: SCHOOL_CHECKS, area: 'checks', handler: 'listJournalChecks', permission: 'journalCheck.read', summary: 'Проверки электронного журнала школы (новые сверху), когда нужна следующая (п. 8.2: не реже 1 раза в месяц), периоды и классы для новой проверки', response: schemas.listResponse },
  { method: 'GET', path: `${SCHOOL_CHECKS}/due`, area: 'checks', handler: 'journalCheckDue', permission: 'journalCheck.read', summary: 'Пора ли проверять журнал: последняя подписанная проверка и срок следующей (предупреждение на главной)', response: schemas.dueResponse },
  { method: 'POST', path: SCHOOL_CHECKS, area: 'checks', handler: 'createJournalCheck', permission: 'journalCheck.write', summary: 'Записать проверку журнала (черновик): дата, проверяемый период, классы, выводы; справка составляется по показателям мониторинга', body: schemas.createBody, response: schemas.checkResponse, successStatus: 201 },
  { method: 'GET', path: `${SCHOOL_CHECKS}/{checkId}`, area: 'checks', handler: 'getJournalCheck', permission: 'journalCheck.read', summary: 'Проверка журнала со справкой и показателями', response: schemas.checkResponse },
  { method: 'PUT', path: `${SCHOOL_CHECKS}/{checkId}`, area: 'checks', handler: 'updateJournalCheck', permission: 'journalCheck.write', summary: 'Изменить черновик проверки (по версии): поля, текст справки или справку заново по текущим показателям', body: schemas.updateBody, response: schemas.checkResponse },
  { method: 'POST', path: `${SCHOOL_CHECKS}/{checkId}/sign-off`, area: 'checks', handler: 'signOffJournalCheck', permission: 'journalCheck.write', summary: 'Подписать справку (по версии): после этого проверка не изменяется (п. 8.4)', body: schemas.signOffBody, response: schemas.checkResponse },
] as const satisfies readonly RouteSpec[];
