/**
 * Scheduled job: former students' personal cards reduced to what the archive needs once their
 * retention term has ended (R-71; shared/domain/retention.ts). Idempotent: a reduced card is
 * marked and skipped, so a second run changes nothing.
 */
import { reduceFormerCards } from '../../shared/services/card-retention';
import { perSchoolJob } from './per-school';

export const { run, handler } = perSchoolJob('reduce-former-cards', reduceFormerCards);
