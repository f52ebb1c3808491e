/**
 * Shapes of the people area's answers, inferred from its response schemas
 * (functions/people/schemas.ts, the contract the integration tests hold every answer to). Type
 * imports only: no zod reaches the web bundle.
 */
import type { z } from 'zod';
import type {
  classPageResponse,
  cardResponse,
  classResponse,
  importApplyResponse,
  importPreviewResponse,
  linkParentResponse,
  movementListResponse,
  movementResponse,
  sheetResponse,
  staffListResponse,
  studentFullResponse,
} from '../../../../functions/people/schemas';

export type ClassRecord = z.infer<typeof classResponse>;
export type ClassPage = z.infer<typeof classPageResponse>;
export type RosterEntry = ClassPage['students'][number];

export type StudentFull = z.infer<typeof studentFullResponse>;
export type StudentCard = StudentFull['card'];
export type AccountInfo = NonNullable<StudentFull['account']>;
/** The answer to an edit of the card (creation, change, consent, a parent unlinked). */
export type CardSaved = z.infer<typeof cardResponse>;
export type ParentLinked = z.infer<typeof linkParentResponse>;
/** A movement as the pupil's card and the answer to recording one carry it. */
export type MovementRecord = StudentFull['movements'][number];
/** The school's list of movements: each with the kind's and the classes' names. */
export type MovementList = z.infer<typeof movementListResponse>;
export type MovementSaved = z.infer<typeof movementResponse>;

/** A member of staff as the staff list and its edits answer. */
export type StaffMember = z.infer<typeof staffListResponse>['staff'][number];

export type ImportPreview = z.infer<typeof importPreviewResponse>;
export type ImportResult = z.infer<typeof importApplyResponse>;

export type SheetResult = z.infer<typeof sheetResponse>;
