/**
 * A school day for browser tests whose stack is seeded at the real "now" (test/support/e2e-setup.ts):
 * today in Moscow if it is Monday to Friday, else the Friday before, at 10:00 Moscow time, so the
 * teacher's day has lessons and the journal's demo data is around it whatever day the suite runs.
 */
import { addDays, dateInZone, instantInZone, weekdayOf } from '../../shared/domain/calendar';
import { DEMO_TIME_ZONE } from '../../shared/demo/model';

export function schoolDayNear(now: Date): { date: string; at: Date } {
  let date = dateInZone(now, DEMO_TIME_ZONE);
  while (weekdayOf(date) > 5) date = addDays(date, -1);
  return { date, at: new Date(instantInZone(date, 10, 0, DEMO_TIME_ZONE)) };
}
