import { ARCHIVED_DOCUMENT } from '../archive/routes';
import { documentResponse } from '../archive/schemas';
import type { RouteSpec } from '../route-spec';

/** The director's approval of an archived document (clause 1.8, R-65): renders the approved copy, so pdfmake loads only here. */
export const archivePdfRoutes = [
  { method: 'POST', path: `${ARCHIVED_DOCUMENT}/approval`, area: 'archive-pdf', handler: 'approveDocument', permission: 'archive.approve', summary: 'Утвердить документ архива (директор): лист утверждения «УТВЕРЖДАЮ» с датой перед неизменённым подлинником, копия хранится рядом с тем же сроком', response: documentResponse },
] as const satisfies readonly RouteSpec[];
