/**
 * Who follows the period close (R-40; issue 14): its progress per class, what it found missing and
 * the documents it stored. Clauses 3.11 and 8.3: the journal is controlled by the deputy director,
 * and the director answers for it. Other staff are told why (403); parents and students learn
 * nothing (404, functions/http/school.ts `schoolOrHidden`).
 */
import { hasSchoolRole } from '../roles';
import { inSchool } from './common';
import type { Rules, SchoolObject } from './objects';

export interface PeriodCloseObjects {
  'periodClose.read': SchoolObject;
}

export const PERIOD_CLOSE_REFUSAL = 'Закрытие периодов доступно директору и заместителям директора.';

export const periodCloseRules: Rules<PeriodCloseObjects> = {
  'periodClose.read': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'director', 'deputy'),
};
