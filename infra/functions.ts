/**
 * Which function bundles exist and where their entry files are, derived from the routes manifest:
 * one per API area (`functions/<area>/index.ts`) and one per job (`functions/jobs/<name>.ts`).
 * The CDK stack and `infra/build-functions.ts` both read this list, so the benchmark measures the
 * very bundles that are deployed.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AREAS, jobs, type Area } from '../functions/routes';

/** The repository root, independent of the working directory the CLI or a test runs in. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export type FunctionEntry =
  | { kind: 'area'; name: Area; entry: string }
  | { kind: 'job'; name: string; entry: string };

export function functionEntries(): FunctionEntry[] {
  const list: FunctionEntry[] = [
    ...AREAS.map((area): FunctionEntry => ({ kind: 'area', name: area, entry: join(REPO_ROOT, 'functions', area, 'index.ts') })),
    ...jobs.map((job): FunctionEntry => ({ kind: 'job', name: job.name, entry: join(REPO_ROOT, 'functions', 'jobs', `${job.name}.ts`) })),
  ];
  // Bundle folders, bench figures (`bundle.<name>.bytes`) and construct ids are keyed by name.
  const seen = new Set<string>();
  for (const f of list) {
    if (seen.has(f.name)) throw new Error(`Function name "${f.name}" is used by an area and a job: rename one`);
    seen.add(f.name);
  }
  return list;
}
