/**
 * Timetable cells open the journal (issue 8): a lesson of the week links to the grid of its class,
 * subject (or subgroup) and the current period of the class's grade, which opens on today. The
 * places come from «Мои классы и предметы» (GET /journal): a teacher's own load, a class
 * teacher's class, every class for the administration; a lesson outside them has no link.
 */
import { journalApi } from '../journal/api';
import { journalPaths } from '../journal/common';
import type { MyJournals } from '../journal/types';
import { mayMe, schoolObject } from '../policy';
import type { Me } from '../types';

/** The journal's address by `${classId}|${subjectId}|${groupId}`. */
export type JournalLinks = Map<string, string>;

const keyOf = (classId: string, subjectId: string, groupId: string) => `${classId}|${subjectId}|${groupId}`;

export function journalLinksOf(schoolId: string, mine: MyJournals): JournalLinks {
  const links: JournalLinks = new Map();
  for (const t of mine.teaching) {
    if (t.periodId) links.set(keyOf(t.classId, t.subjectId, t.groupId), journalPaths.page(schoolId, t.classId, t.subjectId, t.periodId, t.groupId));
  }
  for (const c of mine.classes) {
    if (!c.periodId) continue;
    for (const s of c.subjects) {
      for (const groupId of ['all', ...s.groups.map((g) => g.groupId)]) {
        const key = keyOf(c.classId, s.subjectId, groupId);
        if (!links.has(key)) links.set(key, journalPaths.page(schoolId, c.classId, s.subjectId, c.periodId, groupId));
      }
    }
  }
  return links;
}

/** The links for a timetable screen, or none when the person has no journal here (or it cannot be read now). */
export async function loadJournalLinks(me: Me, schoolId: string): Promise<JournalLinks> {
  if (!mayMe(me, 'journal.listMine', schoolObject(me, schoolId))) return new Map();
  try {
    return journalLinksOf(schoolId, await journalApi.mine(schoolId));
  } catch {
    // The timetable is still worth showing without its links.
    return new Map();
  }
}

export function journalHref(links: JournalLinks, s: { classId: string; subjectId: string; groupId: string }): string | undefined {
  return links.get(keyOf(s.classId, s.subjectId, s.groupId));
}
