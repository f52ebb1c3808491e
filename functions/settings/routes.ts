import type { RouteSpec } from '../route-spec';
import * as schemas from './schemas';

export const settingsRoutes = [
  { method: 'PUT', path: '/api/departments/{departmentId}/settings', area: 'settings', handler: 'putDepartmentSettings', permission: 'settings.writeDepartment', summary: 'Изменить сроки блокировки управления образования', body: schemas.departmentSettingsBody, response: schemas.departmentSettingsSaved },
  { method: 'GET', path: '/api/schools/{schoolId}/settings', area: 'settings', handler: 'getSchoolSettingsInfo', permission: 'settings.readSchool', summary: 'Настройки школы: сроки блокировки, веса, пороги, контрольные', response: schemas.schoolSettingsResponse },
  { method: 'PUT', path: '/api/schools/{schoolId}/settings', area: 'settings', handler: 'putSchoolSettings', permission: 'settings.writeSchool', summary: 'Изменить настройки школы (сроки блокировки — только строже)', body: schemas.schoolSettingsBody, response: schemas.schoolSettingsResponse },
  { method: 'PUT', path: '/api/schools/{schoolId}/settings/corrections', area: 'settings', handler: 'putCorrectionSettings', permission: 'correction.configure', summary: 'Директор: срок внесения исправлений по разрешённым заявкам и заместители, ответственные за контроль ведения журнала (п. 3.11, 7.4)', body: schemas.correctionSettingsBody, response: schemas.schoolSettingsResponse },
  { method: 'POST', path: '/api/schools/{schoolId}/settings/marking-rules', area: 'settings', handler: 'addMarkingRules', permission: 'settings.writeSchool', summary: 'Новая версия весов, порогов и минимума отметок с даты вступления в силу (открытые периоды, которые она изменит, — с подтверждением)', body: schemas.markingRulesBody, response: schemas.markingRulesSaved },
] as const satisfies readonly RouteSpec[];
