import * as z from 'zod';
import { CORRECTION_REASONS, CORRECTION_STATES } from '../../shared/domain/corrections';
import type { RouteSpec } from '../route-spec';
import { idParam } from '../schemas';

/** The register's filters, as the register list has them, plus the period and the reason. */
export const registerPdfQuery = z.object({
  state: z.enum(CORRECTION_STATES, { error: 'Неизвестное состояние заявки.' }).optional(),
  classId: idParam('Класс').optional(),
  periodId: idParam('Учебный период').optional(),
  reason: z.enum(CORRECTION_REASONS, { error: 'Неизвестное основание заявки.' }).optional(),
});

/** The documents of corrections after a lock (issue 11, item 5), rendered to PDF in a function of their own (pdfmake and the fonts). */
export const correctionPdfRoutes = [
  { method: 'GET', path: '/api/schools/{schoolId}/years/{yearId}/correction-register/pdf', area: 'corrections-pdf', handler: 'getRegisterPdf', permission: 'correction.list', summary: 'Журнал регистрации заявок на корректировку за учебный год, PDF (п. 7.3); фильтры как у списка', query: registerPdfQuery, produces: 'application/pdf' },
  { method: 'GET', path: '/api/schools/{schoolId}/classes/{classId}/periods/{periodId}/correction-changes/pdf', area: 'corrections-pdf', handler: 'getChangeTablePdf', permission: 'correction.readChanges', summary: 'Таблица учета изменений в журнале по заявкам на корректировку за период, PDF (п. 7.5)', produces: 'application/pdf' },
] as const satisfies readonly RouteSpec[];
