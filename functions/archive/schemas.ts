/**
 * Request and response schemas of the archive (issue 14; ). Messages are Russian: the
 * screen shows them as they are. The object store's keys never leave the server.
 */
import * as z from 'zod';
import { ARCHIVE_KIND_RE } from '../../shared/domain/archive';
import { idParam } from '../schemas';

export const listQuery = z.object({
  periodId: idParam('Период').optional(),
  classId: idParam('Класс').optional(),
  kind: z.string().regex(ARCHIVE_KIND_RE, 'Вид документа: латинские буквы, цифры и «-».').optional(),
});

export const fileQuery = z.object({
  copy: z.enum(['original', 'approved'], { error: 'Копия: original (подлинник) или approved (утверждённая).' }).optional(),
});

export const holdBody = z.object({
  reason: z.string({ error: 'Укажите основание (например, «Жалоба родителя от 01.12.2026»).' }).trim().min(3, 'Укажите основание (например, «Жалоба родителя от 01.12.2026»).').max(300, 'Основание не длиннее 300 знаков.'),
});

const actorName = z.string();

export const archivedDocument = z.object({
  docId: z.string(),
  yearId: z.string(),
  periodId: z.string().optional(),
  classId: z.string().optional(),
  kind: z.string(),
  title: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  retention: z.enum(['journals', 'summarySheets']),
  sha256: z.string(),
  size: z.number(),
  storedAt: z.string(),
  retainUntil: z.string(),
  closeId: z.string().optional(),
  approval: z.object({ byName: actorName, at: z.string(), on: z.string(), fileName: z.string(), sha256: z.string(), size: z.number(), retainUntil: z.string() }).optional(),
  legalHold: z.object({ on: z.boolean(), byName: actorName, at: z.string(), reason: z.string() }).optional(),
  version: z.number(),
});

export const listResponse = z.object({
  yearId: z.string(),
  documents: z.array(archivedDocument),
  periods: z.array(z.object({ periodId: z.string(), name: z.string() })),
  classes: z.array(z.object({ classId: z.string(), name: z.string() })),
  kinds: z.array(z.object({ kind: z.string(), title: z.string() })),
  /** What the caller may do here, so the screen offers only that. */
  may: z.object({ approve: z.boolean(), setLegalHold: z.boolean(), liftLegalHold: z.boolean() }),
});

export const documentResponse = z.object({ document: archivedDocument });

const checksumState = z.enum(['ok', 'mismatch', 'missing']);

export const checksumsResponse = z.object({
  checkedAt: z.string(),
  checks: z.array(z.object({ docId: z.string(), title: z.string(), original: checksumState, approved: checksumState.optional() })),
});
