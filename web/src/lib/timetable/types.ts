/**
 * Shapes of the timetable answers, inferred from the area's response schemas
 * (functions/timetable/schemas.ts, the contract the integration tests hold every answer to). Type
 * imports only: no zod reaches the web bundle.
 */
import type { z } from 'zod';
import type { changesResponse, classTimetableResponse, generateResponse, slotResponse, teacherTimetableResponse } from '../../../../functions/timetable/schemas';

export type Slot = z.infer<typeof slotResponse>;
export type ClassWeek = z.infer<typeof classTimetableResponse>;
export type Teacher = ClassWeek['teachers'][number];
export type TeacherWeek = z.infer<typeof teacherTimetableResponse>;
export type ChangeView = z.infer<typeof changesResponse>['changes'][number];
export type Regeneration = z.infer<typeof generateResponse>['results'][number];
