import type { RouteSpec } from '../route-spec';
import * as s from './personal-data-schemas';

const S = '/api/schools/{schoolId}';

/** Personal data (R-71; 152-FZ): served by the people function, which keeps the cards. */
export const personalDataRoutes = [
  { method: 'GET', path: `${S}/personal-data/access-log`, area: 'people', handler: 'getAccessLog', permission: 'personalData.readAccessLog', summary: 'Журнал доступа к персональным данным: просмотры карточек и выгрузки', query: s.accessLogQuery, response: s.accessLogResponse },
  { method: 'POST', path: `${S}/students/{studentId}/consent-withdrawal`, area: 'people', handler: 'withdrawConsent', permission: 'personalData.withdrawConsent', summary: 'Записать отзыв согласия на обработку персональных данных: доступ ученика и родителей прекращается', body: s.withdrawConsentBody, response: s.withdrawConsentResponse },
  { method: 'GET', path: `${S}/personal-data/check`, area: 'people', handler: 'getPersonalDataCheck', permission: 'personalData.check', summary: 'Ежемесячная проверка персональных данных: карточки, изменённые после прошлой проверки', response: s.checkResponse },
  { method: 'POST', path: `${S}/personal-data/check`, area: 'people', handler: 'recordPersonalDataCheck', permission: 'personalData.check', summary: 'Записать проведённую проверку персональных данных', body: s.recordCheckBody, response: s.checkResponse },
] as const satisfies readonly RouteSpec[];
