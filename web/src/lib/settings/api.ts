/** The settings routes (functions/settings/routes.ts, and the department GET of the school area). */
import { send } from '../api';
import type { DepartmentSettingsAnswer, SchoolSettingsView } from './settings';

const seg = encodeURIComponent;

export const settingsApi = {
  department: (departmentId: string) => send<DepartmentSettingsAnswer>('GET', `/api/departments/${seg(departmentId)}/settings`),
  saveDepartment: (departmentId: string, body: unknown) =>
    send<DepartmentSettingsAnswer>('PUT', `/api/departments/${seg(departmentId)}/settings`, body),
  school: (schoolId: string) => send<SchoolSettingsView>('GET', `/api/schools/${seg(schoolId)}/settings`),
  saveSchool: (schoolId: string, body: unknown) => send<SchoolSettingsView>('PUT', `/api/schools/${seg(schoolId)}/settings`, body),
  /** A new version of the marking rules; 409 `periods_change` names the open periods it would change. */
  addRules: (schoolId: string, body: unknown) => send<SchoolSettingsView>('POST', `/api/schools/${seg(schoolId)}/settings/marking-rules`, body),
};
