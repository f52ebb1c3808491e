/**
 * The grid's saver: it sends one request at a time, in the order the teacher typed (the server
 * keeps one change-log chain per subject, so parallel saves of one page would only queue there).
 * The latest text of a cell wins; its requests are planned when they are sent, from what the server
 * last said, so their versions are never stale. Each request has its own idempotency key and is
 * retried with that key when the network fails (./request.ts).
 */
import { ApiError } from '../api';
import type { AttendanceBody, MarkBody, Place } from './api';
import { cellText, planEdit, withAttendance, withMark, type CellData, type CellStatus, type Op } from './grid';
import { newRequestId, withRetries } from './request';
import { JOURNAL_TEXT as T } from './texts';
import type { AttendanceView, EntryResult, JournalPage, MarkView } from './types';

export interface SaverDeps {
  place: Place;
  page: () => JournalPage;
  cell: (key: string) => CellData;
  /** The server's truth for a cell, and the cell's state. */
  update: (key: string, cell: CellData, status: CellStatus) => void;
  status: (key: string, status: CellStatus) => void;
  api: {
    mark: (p: Place, body: MarkBody) => Promise<EntryResult<MarkView>>;
    attendance: (p: Place, body: AttendanceBody) => Promise<EntryResult<AttendanceView>>;
  };
  /** How many cells are waiting or being saved, whenever that changes. */
  onPending?: (n: number) => void;
  sleep?: (ms: number) => Promise<void>;
  /** Delays between attempts after a network failure. */
  retryDelays?: number[];
}

type Job = { kind: 'text'; text: string; workType?: string } | { kind: 'ops'; ops: (cell: CellData) => Op[] };

export class CellSaver {
  private readonly jobs = new Map<string, Job>();
  private readonly order: string[] = [];
  private running: string | null = null;
  private readonly idle: Array<() => void> = [];

  constructor(private readonly deps: SaverDeps) {}

  /** Cells waiting or being saved. */
  get pending(): number {
    return this.order.length + (this.running ? 1 : 0);
  }

  /** The cell should say `text`, a new mark of `workType`; the latest text of a cell wins. */
  edit(key: string, text: string, workType?: string): void {
    this.enqueue(key, { kind: 'text', text, ...(workType ? { workType } : {}) });
  }

  /** Explicit requests (a comment, a work type), planned when they are sent. */
  change(key: string, ops: (cell: CellData) => Op[]): void {
    this.enqueue(key, { kind: 'ops', ops });
  }

  /** Resolves when everything typed so far has been answered. */
  settled(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((r) => this.idle.push(r));
  }

  private enqueue(key: string, job: Job): void {
    this.jobs.set(key, job);
    if (!this.order.includes(key)) this.order.push(key);
    this.deps.status(key, { state: 'saving' });
    this.deps.onPending?.(this.pending);
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    while (this.order.length > 0) {
      const key = this.order.shift()!;
      const job = this.jobs.get(key)!;
      this.jobs.delete(key);
      this.running = key;
      try {
        await this.save(key, job);
      } catch (e) {
        this.deps.update(key, this.deps.cell(key), { state: 'error', message: e instanceof Error ? e.message : String(e) });
      }
      this.running = null;
      this.deps.onPending?.(this.pending);
    }
    for (const r of this.idle.splice(0)) r();
  }

  private async save(key: string, job: Job): Promise<void> {
    const [studentId, lessonId] = key.split('|') as [string, string];
    const page = this.deps.page();
    const lesson = page.lessons.find((l) => l.lessonId === lessonId)!;
    let cell = this.deps.cell(key);
    let ops: Op[];
    if (job.kind === 'text') {
      const plan = planEdit(page, lesson, studentId, cell, job.text, job.workType);
      if (!plan.ok) {
        this.deps.update(key, cell, plan.locked ? { state: 'locked', message: plan.message, ...(plan.ops ? { ops: plan.ops } : {}) } : { state: 'error', message: plan.message });
        return;
      }
      ops = plan.ops;
    } else {
      ops = job.ops(cell);
    }
    for (const [i, op] of ops.entries()) {
      const outcome = await this.send(key, op);
      if (outcome.ok) {
        cell = op.kind === 'mark' ? withMark(cell, op.body.workType, outcome.value as MarkView | null, lesson.workTypes) : withAttendance(cell, outcome.value as AttendanceView | null);
        continue;
      }
      const e = outcome.error;
      if (e.status === 409) {
        const current = (e.details as { current?: unknown } | undefined)?.current ?? null;
        cell = op.kind === 'mark' ? withMark(cell, op.body.workType, current as MarkView | null, lesson.workTypes) : withAttendance(cell, current as AttendanceView | null);
        this.deps.update(key, cell, { state: 'conflict', message: T.conflict(cellText(cell)) });
        return;
      }
      // A lock the server found: what was not saved yet is what a correction request would ask for.
      this.deps.update(key, cell, e.status === 423 ? { state: 'locked', message: e.message, ops: ops.slice(i) } : { state: 'error', message: e.status === 0 ? T.notSaved : e.message });
      return;
    }
    this.deps.update(key, cell, { state: 'saved' });
  }

  private async send(key: string, op: Op): Promise<{ ok: true; value: unknown } | { ok: false; error: ApiError }> {
    const requestId = newRequestId();
    const request = (): Promise<{ value: unknown }> =>
      op.kind === 'mark' ? this.deps.api.mark(this.deps.place, { ...op.body, requestId }) : this.deps.api.attendance(this.deps.place, { ...op.body, requestId });
    try {
      const res = await withRetries(request, this.deps.retryDelays ?? [500, 1000, 2000, 4000, 8000], () => this.deps.status(key, { state: 'saving', message: T.networkRetry }), this.deps.sleep);
      return { ok: true, value: res.value };
    } catch (e) {
      return { ok: false, error: e instanceof ApiError ? e : new ApiError(0, T.notSaved, 'network') };
    }
  }
}
