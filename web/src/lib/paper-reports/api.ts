/**
 * The paper progress reports' routes as the screens use them (functions/paper-reports/routes.ts);
 * every call goes through `send` of $lib/api. Types are inferred from the server's response
 * schemas, which the integration tests hold every answer to; type imports only, no zod in the bundle.
 */
import type { z } from 'zod';
import type { applicationBody, applicationResponse, classResponse, overdueResponse, pdfResponse, reportResponse } from '../../../../functions/paper-reports/schemas';
import { send } from '../api';

const seg = encodeURIComponent;
const school = (schoolId: string) => `/api/schools/${seg(schoolId)}`;
const cls = (schoolId: string, classId: string) => `${school(schoolId)}/classes/${seg(classId)}`;

export type ClassView = z.infer<typeof classResponse>;
export type Application = ClassView['applications'][number];
export type Report = ClassView['reports'][number];
export type ReportPupil = Report['pupils'][number];
export type ApplicationBody = z.input<typeof applicationBody>;
export type Overdue = z.infer<typeof overdueResponse>;

export const paperApi = {
  classView: (schoolId: string, classId: string) => send<ClassView>('GET', `${cls(schoolId, classId)}/paper-reports`),
  record: (schoolId: string, classId: string, body: ApplicationBody) => send<z.infer<typeof applicationResponse>>('POST', `${cls(schoolId, classId)}/paper-applications`, body),
  withdraw: (schoolId: string, a: Pick<Application, 'applicationId' | 'version'>, classId: string, body: { date: string; number: string }) =>
    send<z.infer<typeof applicationResponse>>('POST', `${cls(schoolId, classId)}/paper-applications/${seg(a.applicationId)}/withdrawal`, { ...body, version: a.version }),
  pdf: (schoolId: string, classId: string, fortnightId: string) => send<z.infer<typeof pdfResponse>>('GET', `${cls(schoolId, classId)}/paper-reports/${seg(fortnightId)}/pdf`),
  handOver: (schoolId: string, r: Pick<Report, 'classId' | 'fortnightId' | 'version'>, studentId: string, date: string) =>
    send<z.infer<typeof reportResponse>>('POST', `${cls(schoolId, r.classId)}/paper-reports/${seg(r.fortnightId)}/students/${seg(studentId)}/hand-over`, { date, version: r.version }),
  overdue: (schoolId: string) => send<Overdue>('GET', `${school(schoolId)}/paper-reports/overdue`),
};

