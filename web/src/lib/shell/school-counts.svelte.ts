/**
 * A count per school behind a badge of the menu and the home cards (requests waiting, unread
 * messages, overdue paper reports). Asked again on a move between screens once `freshMs` has
 * passed since the last ask, and at once (`force`) on the screens where the person changes it.
 * A failed ask shows no badge rather than an error on every screen: each count's own screen lists
 * what it counts anyway.
 */
import { untrack } from 'svelte';
import { AnswerOrder } from './answer-order';

export class SchoolCounts {
  bySchool = $state<Record<string, number>>({});
  private readonly askedAt = new Map<string, number>();
  private readonly order = new AnswerOrder();

  constructor(
    private readonly ask: (schoolId: string) => Promise<number>,
    private readonly freshMs: number,
  ) {}

  refresh(schoolId: string, force = false): void {
    const last = this.askedAt.get(schoolId);
    if (!force && last !== undefined && Date.now() - last < this.freshMs) return;
    this.askedAt.set(schoolId, Date.now());
    const asked = this.order.asked();
    this.ask(schoolId).then(
      (n) => {
        if (this.order.accepts(schoolId, asked)) this.store(schoolId, n);
      },
      () => this.askedAt.delete(schoolId),
    );
  }

  /** A count a screen knows first hand (the answer of marking a thread read). Safe inside an effect. */
  set(schoolId: string, n: number): void {
    this.order.set(schoolId);
    this.store(schoolId, n);
  }

  // Reads the counts untracked, so setting them inside an effect does not run the effect again.
  private store(schoolId: string, n: number): void {
    const current = untrack(() => this.bySchool);
    if (current[schoolId] !== n) this.bySchool = { ...current, [schoolId]: n };
  }

  count(schoolId: string | null | undefined): number {
    return schoolId ? (this.bySchool[schoolId] ?? 0) : 0;
  }
}
