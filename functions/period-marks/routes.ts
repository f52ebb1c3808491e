import type { RouteSpec } from '../route-spec';
import * as schemas from './schemas';

const CLASS = '/api/schools/{schoolId}/classes/{classId}';
const PERIOD = `${CLASS}/periods/{periodId}`;

export const periodMarkRoutes = [
  { method: 'GET', path: `${PERIOD}/period-marks`, area: 'period-marks', handler: 'getPeriodMarks', permission: 'finalMark.readClass', summary: 'Отметки за период: класс × все предметы (с обоснованием по предмету: ?subject=)', query: schemas.tableQuery, response: schemas.periodTableResponse },
  { method: 'GET', path: `${CLASS}/year-marks`, area: 'period-marks', handler: 'getYearMarks', permission: 'finalMark.readClass', summary: 'Годовые, экзаменационные и итоговые отметки класса', response: schemas.yearTableResponse },
  { method: 'PUT', path: `${CLASS}/final-marks/{slot}/subjects/{subjectId}/students/{studentId}`, area: 'period-marks', handler: 'putFinalMark', permission: 'finalMark.write', summary: 'Поставить, изменить или удалить отметку за период ({slot} — период), годовую (year), экзаменационную (exam) или итоговую (final)', body: schemas.finalMarkBody, response: schemas.finalMarkResponse },
  { method: 'GET', path: `${PERIOD}/early-warnings`, area: 'period-marks', handler: 'getEarlyWarnings', permission: 'finalMark.readWarnings', summary: 'Раннее предупреждение: кому грозит «2» или «н/а», у кого падает посещаемость', response: schemas.warningsResponse },
  { method: 'GET', path: '/api/schools/{schoolId}/early-warnings', area: 'period-marks', handler: 'getSchoolWarnings', permission: 'finalMark.readSchoolWarnings', summary: 'Раннее предупреждение по всей школе: все классы за период (?period=, иначе текущий)', query: schemas.schoolWarningsQuery, response: schemas.schoolWarningsResponse },
  { method: 'GET', path: `${PERIOD}/students/{studentId}/period-report`, area: 'period-marks', handler: 'getStudentPeriodReport', permission: 'finalMark.readOwn', summary: 'Отметки за период ученика с обоснованием и предупреждениями (ученику и его родителям)', response: schemas.studentReportResponse },
  { method: 'GET', path: '/api/schools/{schoolId}/students/{studentId}/period-report', area: 'period-marks', handler: 'getStudentCurrentReport', permission: 'finalMark.readOwn', summary: 'Отметки ученика за текущий период (?period= — за другой) без класса в адресе: для ученика и его родителей', query: schemas.currentReportQuery, response: schemas.currentReportResponse },
] as const satisfies readonly RouteSpec[];
