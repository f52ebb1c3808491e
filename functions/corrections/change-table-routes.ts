import * as z from 'zod';
import type { RouteSpec } from '../route-spec';
import { CHANGE_IN_WORDS } from '../schemas';
import { documentView as document } from './schemas';

/** The table of changes made under requests in a class x period (clause 7.5; issue 11, item 5), as data for its screen; its PDF is in corrections-pdf. */
export const changeTableResponse = z.object({
  schoolName: z.string(),
  classId: z.string(),
  className: z.string(),
  periodId: z.string(),
  periodName: z.string(),
  yearId: z.string(),
  timeZone: z.string(),
  rows: z.array(
    z.object({
      correctionNo: z.number(),
      at: z.string(),
      actorName: z.string(),
      ...CHANGE_IN_WORDS,
      reasonText: z.string(),
      document: document.optional(),
      approval: z.object({ text: z.string(), byName: z.string(), at: z.string(), document: document.optional() }).optional(),
    }),
  ),
});

export const changeTableRoutes = [
  { method: 'GET', path: '/api/schools/{schoolId}/classes/{classId}/periods/{periodId}/correction-changes', area: 'corrections', handler: 'getCorrectionChanges', permission: 'correction.readChanges', summary: 'Таблица учета изменений в журнале, внесённых по заявкам на корректировку, за период (п. 7.5)', response: changeTableResponse },
] as const satisfies readonly RouteSpec[];
