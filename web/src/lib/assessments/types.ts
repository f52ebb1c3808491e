/** Shapes of the assessment schedule's answers, inferred from their response schemas (functions/ktp/schemas.ts). */
import type { z } from 'zod';
import type { assessmentSavedResponse, assessmentScheduleResponse } from '../../../../functions/ktp/schemas';

export type Schedule = z.infer<typeof assessmentScheduleResponse>;
export type Saved = z.infer<typeof assessmentSavedResponse>;
export type AssessmentEntry = Schedule['entries'][number];
export type ScheduleWeek = Schedule['weeks'][number];
export type LimitWarning = Schedule['warnings'][number];
