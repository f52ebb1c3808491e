import { XLSX_TYPE, type RouteSpec } from '../route-spec';
import * as schemas from './school-schemas';

/** The deputy's reports of a school year (issue 13, item 2; clause 5): the director and deputies. */
export const SCHOOL_YEAR_REPORTS = '/api/schools/{schoolId}/years/{yearId}/school-reports';
/** A class's final data: its own year. */
export const CLASS_FINAL_DATA = '/api/schools/{schoolId}/classes/{classId}/final-data';

const REPORTS = [
  { path: `${SCHOOL_YEAR_REPORTS}/movement`, name: 'SchoolMovement', what: 'Динамика движения учащихся за учебный год: прибывшие и выбывшие по классам и месяцам, с номерами приказов' },
  { path: `${SCHOOL_YEAR_REPORTS}/class-sizes`, name: 'ClassSizes', what: 'Численность классов на начало и конец каждого учебного периода' },
  { path: `${SCHOOL_YEAR_REPORTS}/results`, name: 'SchoolResults', what: 'Итоги успеваемости школы за период (?period=) по классам, предметам и учителям: успеваемость, качество, средний балл и их изменение к прошлому периоду' },
  { path: CLASS_FINAL_DATA, name: 'FinalData', what: 'Итоговые данные по обучающимся класса: отметки за периоды, годовые (в 9 и 11 классах — экзаменационные и итоговые) по каждому предмету' },
] as const;

export const schoolReportRoutes = [
  { method: 'GET', path: REPORTS[0].path, area: 'reports', handler: 'getSchoolMovement', permission: 'report.readSchool', summary: REPORTS[0].what, response: schemas.schoolMovementResponse },
  { method: 'GET', path: REPORTS[1].path, area: 'reports', handler: 'getClassSizes', permission: 'report.readSchool', summary: REPORTS[1].what, response: schemas.classSizesResponse },
  { method: 'GET', path: REPORTS[2].path, area: 'reports', handler: 'getSchoolResults', permission: 'report.readSchool', summary: REPORTS[2].what, query: schemas.resultsQuery, response: schemas.schoolResultsResponse },
  { method: 'GET', path: REPORTS[3].path, area: 'reports', handler: 'getFinalData', permission: 'report.readSchool', summary: REPORTS[3].what, response: schemas.finalDataResponse },
] as const satisfies readonly RouteSpec[];

/** The same reports as PDF (A4 landscape), in the report-files function. */
export const schoolReportFileRoutes = [
  { method: 'GET', path: `${REPORTS[0].path}/pdf`, area: 'report-files', handler: 'getSchoolMovementPdf', permission: 'report.readSchool', summary: `${REPORTS[0].what}, PDF`, produces: 'application/pdf' },
  { method: 'GET', path: `${REPORTS[1].path}/pdf`, area: 'report-files', handler: 'getClassSizesPdf', permission: 'report.readSchool', summary: `${REPORTS[1].what}, PDF`, produces: 'application/pdf' },
  { method: 'GET', path: `${REPORTS[2].path}/pdf`, area: 'report-files', handler: 'getSchoolResultsPdf', permission: 'report.readSchool', summary: `${REPORTS[2].what}, PDF`, query: schemas.resultsQuery, produces: 'application/pdf' },
  { method: 'GET', path: `${REPORTS[3].path}/pdf`, area: 'report-files', handler: 'getFinalDataPdf', permission: 'report.readSchool', summary: `${REPORTS[3].what}, PDF`, produces: 'application/pdf' },
] as const satisfies readonly RouteSpec[];

/** The same reports as XLSX, in the report-xlsx function. */
export const schoolReportXlsxRoutes = [
  { method: 'GET', path: `${REPORTS[0].path}/xlsx`, area: 'report-xlsx', handler: 'getSchoolMovementXlsx', permission: 'report.readSchool', summary: `${REPORTS[0].what}, XLSX`, produces: XLSX_TYPE },
  { method: 'GET', path: `${REPORTS[1].path}/xlsx`, area: 'report-xlsx', handler: 'getClassSizesXlsx', permission: 'report.readSchool', summary: `${REPORTS[1].what}, XLSX`, produces: XLSX_TYPE },
  { method: 'GET', path: `${REPORTS[2].path}/xlsx`, area: 'report-xlsx', handler: 'getSchoolResultsXlsx', permission: 'report.readSchool', summary: `${REPORTS[2].what}, XLSX`, query: schemas.resultsQuery, produces: XLSX_TYPE },
  { method: 'GET', path: `${REPORTS[3].path}/xlsx`, area: 'report-xlsx', handler: 'getFinalDataXlsx', permission: 'report.readSchool', summary: `${REPORTS[3].what}, XLSX`, produces: XLSX_TYPE },
] as const satisfies readonly RouteSpec[];
