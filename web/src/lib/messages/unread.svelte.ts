/**
 * The unread count of messages per school, for the menu's badge (issue 12, item 2). The server keeps
 * it on one item (one DynamoDB request a read), so it is asked again on every move between screens
 * that is at least 15 s after the last, and at once when a thread has been read.
 */
import { untrack } from 'svelte';
import { messagesApi } from './api';

const FRESH_MS = 15_000;

class UnreadCounts {
  bySchool = $state<Record<string, number>>({});
  private readonly askedAt = new Map<string, number>();

  refresh(schoolId: string, force = false): void {
    const last = this.askedAt.get(schoolId);
    if (!force && last !== undefined && Date.now() - last < FRESH_MS) return;
    this.askedAt.set(schoolId, Date.now());
    messagesApi.unread(schoolId).then(
      (r) => this.set(schoolId, r.unread),
      // No badge is better than an error on every screen: the inbox shows the counts anyway.
      () => this.askedAt.delete(schoolId),
    );
  }

  /** Safe inside an effect: it reads the counts untracked, so setting them does not run the effect again. */
  set(schoolId: string, n: number): void {
    const current = untrack(() => this.bySchool);
    if (current[schoolId] !== n) this.bySchool = { ...current, [schoolId]: n };
  }

  count(schoolId: string | null | undefined): number {
    return schoolId ? (this.bySchool[schoolId] ?? 0) : 0;
  }
}

export const unreadCounts = new UnreadCounts();
