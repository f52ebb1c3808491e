/**
 * The routes manifest: the one list of what the API has. The CDK stack makes one HTTP API route per
 * entry and one Lambda function per area; the local runner builds API Gateway v2 events from it;
 * the OpenAPI description is generated from it. They cannot disagree about what exists.
 * Each area keeps its entries beside its handlers, in functions/<area>/routes.ts.
 */
import { archivePdfRoutes } from './archive-pdf/routes';
import { archiveRoutes } from './archive/routes';
import { authRoutes } from './auth/routes';
import { correctionRoutes } from './corrections/routes';
import { changeTableRoutes } from './corrections/change-table-routes';
import { correctionPdfRoutes } from './corrections-pdf/routes';
import { journalControlRoutes } from './journal-control/routes';
import { periodCloseRoutes } from './journal-control/period-close-routes';
import { curriculumRoutes } from './curriculum/routes';
import { diaryRoutes } from './diary/routes';
import { journalRoutes } from './journal/routes';
import { ktpImportRoutes } from './ktp-import/routes';
import { ktpRoutes } from './ktp/routes';
import { messageRoutes } from './messages/routes';
import { peopleImportRoutes } from './people-import/routes';
import { peoplePdfRoutes } from './people-pdf/routes';
import { personalDataRoutes } from './people/personal-data-routes';
import { peopleRoutes } from './people/routes';
import { paperReportRoutes } from './paper-reports/routes';
import { periodMarkRoutes } from './period-marks/routes';
import { reportFileRoutes } from './report-files/routes';
import { reportXlsxRoutes } from './report-xlsx/routes';
import { reportRoutes } from './reports/routes';
import { checkRoutes } from './checks/routes';
import type { Area, RouteSpec } from './route-spec';
import { schoolRoutes } from './school/routes';
import { settingsRoutes } from './settings/routes';
import { surveyRoutes } from './surveys/routes';
import { systemRoutes } from './system/routes';
import { timetableRoutes } from './timetable/routes';
import { yearRoutes } from './year/routes';

export { routeKey, type Area, type Method, type RouteSpec } from './route-spec';

export const routes: RouteSpec[] = [
  ...authRoutes,
  ...schoolRoutes,
  ...settingsRoutes,
  ...yearRoutes,
  ...peopleRoutes,
  ...personalDataRoutes,
  ...peopleImportRoutes,
  ...peoplePdfRoutes,
  ...curriculumRoutes,
  ...timetableRoutes,
  ...ktpRoutes,
  ...ktpImportRoutes,
  ...journalRoutes,
  ...periodMarkRoutes,
  ...paperReportRoutes,
  ...correctionRoutes,
  ...diaryRoutes,
  ...changeTableRoutes,
  ...correctionPdfRoutes,
  ...journalControlRoutes,
  ...periodCloseRoutes,
  ...messageRoutes,
  ...surveyRoutes,
  ...systemRoutes,
  ...reportRoutes,
  ...reportFileRoutes,
  ...reportXlsxRoutes,
  ...archiveRoutes,
  ...archivePdfRoutes,
  ...checkRoutes,
];

/** Areas that have routes: each is one Lambda function. */
export const AREAS: Area[] = [...new Set(routes.map((r) => r.area))];

/** Scheduled jobs: the CDK stack makes an EventBridge schedule per entry, the local runner a timer. */
export interface JobSpec {
  name: string;
  /** EventBridge Scheduler expression, evaluated in the school's time zone. */
  schedule: string;
  /** Local-runner interval between runs. */
  localEveryMinutes: number;
  summary: string;
}

export const jobs: JobSpec[] = [
  {
    name: 'expire-access',
    schedule: 'cron(15 0 * * ? *)',
    localEveryMinutes: 60,
    summary: 'Ends access whose end date has passed (R-04): temporary grants, finished employment',
  },
  {
    name: 'reduce-former-cards',
    schedule: 'cron(45 0 * * ? *)',
    localEveryMinutes: 24 * 60,
    summary: "Reduces former students' personal cards to what the archive needs once their retention term has ended (R-71)",
  },
  {
    // Every 2 weeks in effect: the fortnights are a fixed grid and a class's report of one is made
    // once, so the Monday after a fortnight ends makes the reports and the 13 runs until the next
    // one find them made (one Query per school). Daily, so a failed Monday is made up on Tuesday
    // and the «did not run» alarm watches it like the other jobs.
    name: 'render-paper-reports',
    schedule: 'cron(30 5 * * ? *)',
    localEveryMinutes: 24 * 60,
    summary: 'Renders the paper progress reports of the last fortnight for pupils whose parents applied in writing (R-52, clause 3.13)',
  },
  {
    // Just after the schools' midnight: the day after a period's last day it locks the period,
    // records what was missing and archives the documents; a failed night is made up by the next.
    name: 'close-period',
    schedule: 'cron(20 0 * * ? *)',
    localEveryMinutes: 24 * 60,
    summary: "Closes each ended study period of every class: locks the journal, records what was missing, archives the period's documents with a manifest (R-40, clauses 3.8, 7.3, 7.5, 8.6)",
  },
  {
    // Daily, and it works once a year: the first run after a school year ends renders and archives
    // each class's yearly journal and stamps the year's records with their removal date; a run that
    // did not finish (a school of many classes) goes on the next day from the classes not yet done.
    name: 'render-yearly-journals',
    schedule: 'cron(0 3 * * ? *)',
    localEveryMinutes: 24 * 60,
    summary: "Prints each class's yearly journal into the archive once the school year has ended and sets the year's records' removal date (R-64, R-70, clauses 8.5, 8.6)",
  },
];
