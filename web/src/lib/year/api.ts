/** The year routes (functions/year/routes.ts). */
import { send } from '../api';
import type { AcademicYear } from './year';

const school = (schoolId: string) => `/api/schools/${encodeURIComponent(schoolId)}/years`;

export const yearApi = {
  list: (schoolId: string) => send<{ years: AcademicYear[] }>('GET', school(schoolId)),
  save: (schoolId: string, yearId: string, body: unknown) => send<AcademicYear>('PUT', `${school(schoolId)}/${encodeURIComponent(yearId)}`, body),
};
