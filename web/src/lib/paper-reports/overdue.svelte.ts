/**
 * Overdue paper reports per school (not handed over 3 working days after generation), shared by
 * the menu's badge and the home screen's cards: asked again at most every 60 s (one DynamoDB Query
 * a time), and at once after a hand-over.
 */
import { SchoolCounts } from '../shell/school-counts.svelte';
import { paperApi } from './api';

export const overdueCounts = new SchoolCounts((schoolId) => paperApi.overdue(schoolId).then((o) => o.total), 60_000);
