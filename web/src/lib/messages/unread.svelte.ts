/**
 * The unread count of messages per school, for the menu's badge (issue 12, item 2). The server keeps
 * it on one item (one DynamoDB request a read), so it is asked again on every move between screens
 * that is at least 15 s after the last, and set at once when a thread has been read.
 */
import { SchoolCounts } from '../shell/school-counts.svelte';
import { messagesApi } from './api';

export const unreadCounts = new SchoolCounts((schoolId) => messagesApi.unread(schoolId).then((r) => r.unread), 15_000);
