/**
 * The notification count of correction requests (issue 11 item 7) per school, shared by the menu's
 * badge and the home screen's cards: asked again at most every 30 s (each ask is two DynamoDB
 * requests), and at once after the person acts on a request.
 */
import { SchoolCounts } from '../shell/school-counts.svelte';
import { correctionsApi } from './api';

export const waitingCounts = new SchoolCounts((schoolId) => correctionsApi.waiting(schoolId).then((w) => w.total), 30_000);
