/**
 * Shapes of the ktp area's answers, inferred from its response schemas (functions/ktp/schemas.ts,
 * the contract the integration tests hold every answer to); only type imports cross into the
 * server code, so nothing of it is bundled.
 */
import type { z } from 'zod';
import type { importPreviewResponse, ktpListResponse, ktpResponse } from '../../../../functions/ktp/schemas';

/** A plan's rows as the editor sends them (the request's shape is the domain's). */
export type { KtpRow } from '../../../../shared/domain/ktp';

/** Where one plan lives: the path of its routes. */
export interface KtpRef {
  schoolId: string;
  yearId: string;
  classId: string;
  subjectId: string;
  groupId: string;
}

export type KtpList = z.infer<typeof ktpListResponse>;
export type KtpListItem = KtpList['items'][number];
export type KtpView = z.infer<typeof ktpResponse>;
/** What a plan's list line and its page have in common. */
export type KtpHeader = Omit<KtpListItem, 'topicCount'>;
export type HoursCheck = KtpView['check'];
export type ImportResult = z.infer<typeof importPreviewResponse>;
