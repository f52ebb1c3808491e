/**
 * Former students' personal cards reduced to what the archive needs once their term has ended
 * (shared/domain/retention.ts). Each card is written with its audit record in one transaction, on
 * the version it was read at; a card already reduced, or changed meanwhile, is left for the next run.
 */
import { dateInZone } from '../domain/calendar';
import { archivedCard, cardRetentionEnded } from '../domain/retention';
import { transact, writeRefused } from '../db/transact';
import { auditPut } from '../repos/audit';
import { getStudentWithHistory, listFormerStudents, putStudentOp, versionOf } from '../repos/people';
import type { School } from '../repos/school';

const JOB_ACTOR = { userId: 'system', displayName: 'Срок хранения (автоматически)' };

export async function reduceFormerCards(school: Pick<School, 'schoolId' | 'timeZone'>, now: Date): Promise<{ checked: number; changed: number }> {
  const today = dateInZone(now, school.timeZone);
  let checked = 0;
  let changed = 0;
  for (const former of await listFormerStudents(school.schoolId)) {
    checked++;
    if (former.archivedOn) continue;
    const found = await getStudentWithHistory(school.schoolId, former.studentId);
    const left = found?.movements.filter((m) => m.kind === 'leave' || m.kind === 'graduate').at(-1);
    if (!found || !left || found.card.status === 'enrolled' || !cardRetentionEnded(left.date, today)) continue;
    const reduced = archivedCard(found.card, today);
    try {
      await transact([
        putStudentOp(reduced, versionOf(found.card)),
        auditPut({ schoolId: school.schoolId, actor: JOB_ACTOR, action: 'student.archiveCard', entity: `STU#${found.card.studentId}`, reason: `Срок хранения истёк: выбыл(а) ${left.date}`, at: now }),
      ]);
      changed++;
    } catch (e) {
      if (!writeRefused(e)) throw e;
    }
  }
  return { checked, changed };
}
