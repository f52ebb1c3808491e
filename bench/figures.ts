/**
 * The bench's figures: every one has a name, a value and a unit; printed as a table and written to
 * bench/results.json as `{ "<name>": { "value": n, "unit": "..." } }`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface Figure {
  value: number;
  unit: string;
  note?: string;
}

export class Figures {
  private readonly all = new Map<string, Figure>();

  set(name: string, value: number, unit: string, note?: string): void {
    this.all.set(name, { value: Number(value.toFixed(3)), unit, note });
  }

  print(): void {
    const rows = [...this.all].map(([name, f]) => [name, String(f.value), f.unit, f.note ?? '']);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['figure', 'value', 'unit'][i]!.length));
    const line = (r: string[]) => `${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padStart(widths[1]!)}  ${r[2]!.padEnd(widths[2]!)}  ${r[3] ?? ''}`.trimEnd();
    console.log(line(['figure', 'value', 'unit', '']));
    console.log(line(widths.map((w) => '-'.repeat(w)).concat('')));
    rows.forEach((r) => console.log(line(r)));
  }

  write(file: string): void {
    writeFileSync(file, JSON.stringify(this.json(), null, 2) + '\n');
  }

  /** Writes these figures into `file` beside the ones already there (`npm run soak` adds its own to the bench's). */
  merge(file: string): void {
    const before = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
    writeFileSync(file, JSON.stringify({ ...before, ...this.json() }, null, 2) + '\n');
  }

  private json(): Record<string, { value: number; unit: string }> {
    const out: Record<string, { value: number; unit: string }> = {};
    for (const [name, f] of this.all) out[name] = { value: f.value, unit: f.unit };
    return out;
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
