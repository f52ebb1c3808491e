import type { RouteSpec } from '../route-spec';
import * as schemas from './schemas';

const YEAR = '/api/schools/{schoolId}/archive/{yearId}';
/** One document: its period and class, «-» where it has none (a yearly journal, a school-wide list). */
export const ARCHIVED_DOCUMENT = `${YEAR}/{periodId}/{classId}/{kind}`;

/** The archive of stored documents (issue 14; ): the keeper's list, downloads, checksums, legal hold. Approval renders a PDF: functions/archive-pdf. */
export const archiveRoutes = [
  { method: 'GET', path: YEAR, area: 'archive', handler: 'listArchive', permission: 'archive.read', summary: 'Архив документов учебного года: что, когда сохранено, срок хранения, контрольная сумма, утверждение; фильтры по периоду, классу и виду', query: schemas.listQuery, response: schemas.listResponse },
  { method: 'GET', path: `${YEAR}/checksums`, area: 'archive', handler: 'verifyChecksums', permission: 'archive.read', summary: 'Проверить контрольные суммы: перечитать файлы архива и сравнить SHA-256 с записанными (по каждому документу)', query: schemas.listQuery, response: schemas.checksumsResponse },
  { method: 'GET', path: `${ARCHIVED_DOCUMENT}/file`, area: 'archive', handler: 'getArchivedFile', permission: 'archive.read', summary: 'Файл документа из архива: подлинник или утверждённая копия (copy=approved)', query: schemas.fileQuery, produces: 'application/pdf' },
  { method: 'POST', path: `${ARCHIVED_DOCUMENT}/legal-hold`, area: 'archive', handler: 'setLegalHold', permission: 'archive.setLegalHold', summary: 'Удержать документ по спору (legal hold): хранится и после срока, пока удержание не снято', body: schemas.holdBody, response: schemas.documentResponse },
  { method: 'POST', path: `${ARCHIVED_DOCUMENT}/legal-hold/lift`, area: 'archive', handler: 'liftLegalHold', permission: 'archive.liftLegalHold', summary: 'Снять удержание документа по спору (директор)', body: schemas.holdBody, response: schemas.documentResponse },
] as const satisfies readonly RouteSpec[];
