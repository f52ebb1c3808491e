/**
 * The period-mark cells of the journal grid as one piece of state: the marks as the server last
 * said, what was typed and refused (it stays in the cell with its message until corrected or
 * cancelled, as in the lesson cells), and the reason being asked for. Saving goes through the
 * period-marks API (`PUT .../final-marks/{period}/subjects/{subject}/students/{student}`); the
 * server decides again and its refusal is shown as it is.
 */
import { SvelteMap } from 'svelte/reactivity';
import type { FinalMarkCode } from '../../../../shared/domain/period-marks';
import type { Justification } from '../../../../shared/domain/mark-justification';
import { ApiError, messageOf } from '../api';
import type { Place } from './api';
import { finalMarksApi, needsReason, periodText, readCell, reasonCauses, type FinalMark, type PeriodLock } from './period';

export interface Asking {
  studentId: string;
  code: FinalMarkCode;
  /** Why a reason is needed, in the words of `reasonsRequired` or the server. */
  causes: string[];
  late: boolean;
  problem: string;
}

export class PeriodColumn {
  readonly marks: SvelteMap<string, FinalMark>;
  readonly typed = new SvelteMap<string, string>();
  readonly problems = new SvelteMap<string, string>();
  asking = $state<Asking | null>(null);
  busy = $state(false);

  constructor(
    private readonly place: Place,
    private readonly grade: number,
    /** How the curriculum marks the subject (the cell reads «зач»/«незач» for a pass/fail one). */
    private readonly marking: { passFail?: boolean },
    marks: readonly FinalMark[],
  ) {
    this.marks = new SvelteMap(marks.map((m) => [m.studentId, m]));
  }

  /** What the cell shows: the refused or waiting text, else the mark. */
  shown(studentId: string): string {
    return this.typed.get(studentId) ?? periodText(this.marks.get(studentId));
  }

  /** The teacher typed `text` and pressed Enter (or left the cell). Returns true when a reason is now asked. */
  submit(studentId: string, text: string, standing: Justification | null, lock: PeriodLock): boolean {
    const current = this.marks.get(studentId);
    if (text.trim() === periodText(current)) {
      this.cancel(studentId);
      return false;
    }
    if (!lock.open) return this.refuse(studentId, text, lock.message);
    const read = readCell(text, this.grade, { kind: 'period', passFail: this.marking.passFail ?? false });
    if (!read.ok) return this.refuse(studentId, text, read.message);
    this.typed.set(studentId, text.trim());
    if (read.code === null) {
      void this.save(studentId, null, null);
      return false;
    }
    const causes = reasonCauses(read.code, standing);
    if (causes.length === 0) {
      void this.save(studentId, read.code, null);
      return false;
    }
    this.asking = { studentId, code: read.code, causes, late: lock.late, problem: '' };
    return true;
  }

  /** Saves a mark (null clears it) with its reason; a refusal stays in the cell or the reason form. */
  async save(studentId: string, code: FinalMarkCode | null, reason: string | null): Promise<boolean> {
    const current = this.marks.get(studentId);
    this.busy = true;
    try {
      const res = await finalMarksApi.put(this.place.schoolId, this.place.classId, this.place.periodId, this.place.subjectId, studentId, {
        code,
        reason,
        version: current?.version ?? 0,
      });
      if (res.mark) this.marks.set(studentId, res.mark);
      else this.marks.delete(studentId);
      this.cancel(studentId);
      return true;
    } catch (e) {
      const message = messageOf(e);
      if (e instanceof ApiError && e.status === 409) {
        const now = (e.details as { current?: FinalMark | null } | undefined)?.current ?? null;
        if (now) this.marks.set(studentId, now);
        else this.marks.delete(studentId);
        this.cancel(studentId);
        this.problems.set(studentId, message);
        return false;
      }
      if (code !== null && e instanceof ApiError && e.status === 400 && needsReason(message)) {
        this.asking = { studentId, code, causes: this.asking?.causes ?? [], late: this.asking?.late ?? false, problem: message };
        return false;
      }
      if (this.asking?.studentId === studentId) this.asking.problem = message;
      this.problems.set(studentId, message);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Esc, or the cell back at its saved value: the typing and its refusal go. */
  cancel(studentId: string): void {
    this.typed.delete(studentId);
    this.problems.delete(studentId);
    if (this.asking?.studentId === studentId) this.asking = null;
  }

  private refuse(studentId: string, text: string, message: string): false {
    this.typed.set(studentId, text.trim());
    this.problems.set(studentId, message);
    return false;
  }
}
