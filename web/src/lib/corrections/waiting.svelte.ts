/**
 * The notification counts of correction requests (issue 11 item 7), one per school, shared by the
 * menu's badge and the home screen's cards. Asked again at most every 30 s while moving between
 * screens (each ask is two DynamoDB requests), and at once after the person acts on a request.
 */
import { correctionsApi, type Waiting } from './api';

const FRESH_MS = 30_000;

class WaitingCounts {
  bySchool = $state<Record<string, Waiting>>({});
  private readonly askedAt = new Map<string, number>();

  refresh(schoolId: string, force = false): void {
    const last = this.askedAt.get(schoolId);
    if (!force && last !== undefined && Date.now() - last < FRESH_MS) return;
    this.askedAt.set(schoolId, Date.now());
    correctionsApi.waiting(schoolId).then(
      (w) => (this.bySchool = { ...this.bySchool, [schoolId]: w }),
      // No badge is better than an error on every screen: the register says what waits anyway.
      () => this.askedAt.delete(schoolId),
    );
  }

  total(schoolId: string | null | undefined): number {
    return schoolId ? (this.bySchool[schoolId]?.total ?? 0) : 0;
  }
}

export const waitingCounts = new WaitingCounts();
