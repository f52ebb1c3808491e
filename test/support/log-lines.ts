/**
 * What the code prints during each test of the calling file: stdout and stderr, as Lambda and the
 * local runner would send them on, with the log level at INFO (the tests otherwise run silent,
 * vitest.config.ts). Lines that are JSON come back parsed.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { logLevel, setLogLevel, type LogLevel } from '../../shared/ops/telemetry';

export type LogLine = Record<string, any>;

export function capturePrinted() {
  let out: string[] = [];
  let level: LogLevel;
  beforeEach(() => {
    out = [];
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        out.push(String(chunk));
        return true;
      });
    }
    level = logLevel();
    setLogLevel('INFO');
  });
  afterEach(() => {
    vi.restoreAllMocks();
    setLogLevel(level);
  });
  return {
    /** Everything printed, as it was written. */
    text: () => out.join(''),
    chunks: () => [...out],
    lines: (): LogLine[] => jsonLines(out),
  };
}

function jsonLines(chunks: string[]): LogLine[] {
  return chunks
    .flatMap((chunk) => chunk.split('\n'))
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LogLine);
}

/** The JSON lines printed while `run` runs, at INFO: for one test of a file that otherwise runs silent. */
export async function linesPrintedDuring(run: () => Promise<unknown>): Promise<LogLine[]> {
  const out: string[] = [];
  const spies = [process.stdout, process.stderr].map((stream) =>
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    }),
  );
  const level = logLevel();
  setLogLevel('INFO');
  try {
    await run();
  } finally {
    spies.forEach((spy) => spy.mockRestore());
    setLogLevel(level);
  }
  return jsonLines(out);
}
