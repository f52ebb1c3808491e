/**
 * Whether the journal's check is overdue in a school (clause 8.2: at least once a month), for the
 * home of the director and deputy: 1 when the last signed-off check is more than a calendar month
 * old (or there is none), else 0. Asked again at most every 10 minutes: it changes once a day.
 */
import { SchoolCounts } from '../shell/school-counts.svelte';
import { checksApi } from './checks';

export const checkOverdue = new SchoolCounts((schoolId) => checksApi.due(schoolId).then((d) => (d.due.overdue ? 1 : 0)), 600_000);
