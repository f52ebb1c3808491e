/**
 * Overdue paper reports per school (not handed over 3 working days after generation), shared by
 * the menu's badge and the home screen's cards. Asked again at most every 60 s while moving
 * between screens (one DynamoDB Query a time), and at once after a hand-over.
 */
import { paperApi, type Overdue } from './api';

const FRESH_MS = 60_000;

class OverdueCounts {
  bySchool = $state<Record<string, Overdue>>({});
  private readonly askedAt = new Map<string, number>();

  refresh(schoolId: string, force = false): void {
    const last = this.askedAt.get(schoolId);
    if (!force && last !== undefined && Date.now() - last < FRESH_MS) return;
    this.askedAt.set(schoolId, Date.now());
    paperApi.overdue(schoolId).then(
      (o) => (this.bySchool = { ...this.bySchool, [schoolId]: o }),
      // No badge is better than an error on every screen: the reports' screen shows what is overdue anyway.
      () => this.askedAt.delete(schoolId),
    );
  }

  total(schoolId: string | null | undefined): number {
    return schoolId ? (this.bySchool[schoolId]?.total ?? 0) : 0;
  }
}

export const overdueCounts = new OverdueCounts();
