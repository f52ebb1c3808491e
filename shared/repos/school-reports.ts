/**
 * Reads the deputy's school reports need beyond the other areas' repos (issue 13, item 2).
 */
import { batchGet, stripKeys } from '../db/query';
import { keys } from '../db/keys';
import type { SubgroupSet } from '../domain/curriculum';

/** The subgroups of many class x period x subject at once: BatchGetItem, 100 keys a request (absent ones left out). */
export async function getSubgroupSetsOf(schoolId: string, refs: ReadonlyArray<{ classId: string; periodId: string; subjectId: string }>): Promise<SubgroupSet[]> {
  if (refs.length === 0) return [];
  const items = await batchGet(refs.map((r) => keys.subgroups(schoolId, r.classId, r.periodId, r.subjectId)));
  return items.flatMap((i) => stripKeys<SubgroupSet>(i, 'subgroups') ?? []);
}
