/**
 * Which answers of a count may still be shown: asks and a screen's own sets numbered in the order
 * they happened, per school. An ask that was on its way when a screen set the count (a thread just
 * read) answers with what was true before it, so it is dropped.
 */
export class AnswerOrder {
  private sequence = 0;
  private readonly setAt = new Map<string, number>();

  /** Numbers an ask as it leaves. */
  asked(): number {
    return ++this.sequence;
  }

  /** Records that a screen set the school's count first hand. */
  set(schoolId: string): void {
    this.setAt.set(schoolId, ++this.sequence);
  }

  /** Whether the answer of the ask numbered `asked` is newer than what a screen set since. */
  accepts(schoolId: string, asked: number): boolean {
    return (this.setAt.get(schoolId) ?? 0) < asked;
  }
}
