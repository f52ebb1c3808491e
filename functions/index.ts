/**
 * Entry points by name, for the local runner (the CDK stack bundles the same files by path).
 * Typed against the manifest's areas and jobs, so adding one without its entry does not compile.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Area } from './routes';

export type AreaModule = { handler: (event: APIGatewayProxyEventV2, context: never) => Promise<APIGatewayProxyStructuredResultV2> };

export const areaModules: Record<Area, () => Promise<AreaModule>> = {
  auth: () => import('./auth/index') as Promise<AreaModule>,
  school: () => import('./school/index') as Promise<AreaModule>,
  system: () => import('./system/index') as Promise<AreaModule>,
  settings: () => import('./settings/index') as Promise<AreaModule>,
  year: () => import('./year/index') as Promise<AreaModule>,
  people: () => import('./people/index') as Promise<AreaModule>,
  curriculum: () => import('./curriculum/index') as Promise<AreaModule>,
  timetable: () => import('./timetable/index') as Promise<AreaModule>,
  ktp: () => import('./ktp/index') as Promise<AreaModule>,
  journal: () => import('./journal/index') as Promise<AreaModule>,
  'people-pdf': () => import('./people-pdf/index') as Promise<AreaModule>,
  'people-import': () => import('./people-import/index') as Promise<AreaModule>,
  'ktp-import': () => import('./ktp-import/index') as Promise<AreaModule>,
  'period-marks': () => import('./period-marks/index') as Promise<AreaModule>,
  corrections: () => import('./corrections/index') as Promise<AreaModule>,
  'paper-reports': () => import('./paper-reports/index') as Promise<AreaModule>,
  messages: () => import('./messages/index') as Promise<AreaModule>,
  surveys: () => import('./surveys/index') as Promise<AreaModule>,
  diary: () => import('./diary/index') as Promise<AreaModule>,
  'corrections-pdf': () => import('./corrections-pdf/index') as Promise<AreaModule>,
  'journal-control': () => import('./journal-control/index') as Promise<AreaModule>,
  reports: () => import('./reports/index') as Promise<AreaModule>,
  'report-files': () => import('./report-files/index') as Promise<AreaModule>,
  'report-xlsx': () => import('./report-xlsx/index') as Promise<AreaModule>,
  archive: () => import('./archive/index') as Promise<AreaModule>,
  'archive-pdf': () => import('./archive-pdf/index') as Promise<AreaModule>,
  checks: () => import('./checks/index') as Promise<AreaModule>,
};

/** What a job run by hand may be narrowed to (`npm run job -- close-period --school … --period …`). */
export interface JobOptions {
  schoolId?: string;
  periodId?: string;
}

export interface JobModule {
  run(departmentId: string, now: Date, options?: JobOptions): Promise<{ job: string; checked: number; changed: number }>;
}

export const jobModules: Record<string, () => Promise<JobModule>> = {
  'expire-access': () => import('./jobs/expire-access'),
  'reduce-former-cards': () => import('./jobs/reduce-former-cards'),
  'render-paper-reports': () => import('./jobs/render-paper-reports'),
  'close-period': () => import('./jobs/close-period'),
  'render-yearly-journals': () => import('./jobs/render-yearly-journals'),
};
