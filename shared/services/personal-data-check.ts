/**
 * The administrator's monthly check of personal data (clause 5 of the regulation): the personal
 * cards changed since the last check, read from the audit records every card change writes in its
 * own transaction, and the check recorded (who, when, how many cards) over the check it began
 * from, so two administrators pressing at once record it once.
 */
import type { Principal } from '../auth/roles';
import { ruDateTimeInZone } from '../domain/calendar';
import { classTitle } from '../domain/people-classes';
import { ConflictError } from '../errors';
import { transactOr } from '../db/transact';
import { auditPut } from '../repos/audit';
import { cardChangesSince, getLastCheck, putCheckOp, type CardChange, type PersonalDataCheck } from '../repos/personal-data';
import { getClasses, getStudentCards, type School } from '../repos/school';
import { actor } from './people-common';

const ACTION_TITLES: Record<string, string> = {
  'student.create': 'новая карточка',
  'student.update': 'изменены данные',
  'student.recordConsent': 'записано согласие',
  'student.withdrawConsent': 'отозвано согласие',
  'student.linkParent': 'привязан родитель',
  'student.unlinkParent': 'отвязан родитель',
};
const actionTitle = (a: string) => ACTION_TITLES[a] ?? 'движение';

/** With no check recorded yet, the first one looks back over the last 31 days. */
const FIRST_LOOK_BACK_MS = 31 * 24 * 3600 * 1000;

export async function checkView(school: Pick<School, 'schoolId' | 'timeZone'>, now: Date) {
  const last = await getLastCheck(school.schoolId);
  const since = last?.checkedAt ?? new Date(now.getTime() - FIRST_LOOK_BACK_MS).toISOString();
  const changes = await cardChangesSince(school.schoolId, since, now.toISOString());
  const byStudent = new Map<string, CardChange[]>();
  for (const c of changes) byStudent.set(c.studentId, [...(byStudent.get(c.studentId) ?? []), c]);
  const cards = await getStudentCards([...byStudent.keys()].map((studentId) => ({ schoolId: school.schoolId, studentId })));
  const classes = new Map((await getClasses([...new Set(cards.map((c) => c.classId))].map((classId) => ({ schoolId: school.schoolId, classId })))).map((c) => [c.classId, classTitle(c)]));
  const when = (iso: string) => ruDateTimeInZone(new Date(iso), school.timeZone);
  const rows = cards
    .map((card) => {
      const own = byStudent.get(card.studentId)!.sort((a, b) => a.at.localeCompare(b.at));
      const latest = own.at(-1)!;
      return {
        studentId: card.studentId,
        name: [card.lastName, card.firstName, card.middleName].filter(Boolean).join(' '),
        className: classes.get(card.classId) ?? card.classId,
        changes: [...new Set(own.map((c) => actionTitle(c.action)))],
        lastChangeAt: latest.at,
        lastChangeText: when(latest.at),
        lastChangedBy: latest.actorName,
      };
    })
    .sort((a, b) => b.lastChangeAt.localeCompare(a.lastChangeAt));
  return {
    since,
    sinceText: when(since),
    lastCheck: last ? { checkedAtText: when(last.checkedAt), checkedByName: last.checkedByName, changedCards: last.changedCards } : null,
    cards: rows,
    version: last?.version ?? 0,
  };
}

/** Records the check begun from `version` (0: none yet); a check recorded meanwhile is a 409. */
export async function recordCheck(input: { by: Principal; school: Pick<School, 'schoolId' | 'timeZone'>; version: number; now: Date }) {
  const view = await checkView(input.school, input.now);
  const stale = () => new ConflictError('Проверку только что записал другой администратор: обновите страницу.');
  if (view.version !== input.version) throw stale();
  const check: PersonalDataCheck = {
    schoolId: input.school.schoolId,
    checkedAt: input.now.toISOString(),
    checkedBy: input.by.userId,
    checkedByName: input.by.displayName,
    changedCards: view.cards.length,
    version: input.version + 1,
  };
  await transactOr(
    [
      putCheckOp(check, input.version),
      auditPut({ schoolId: input.school.schoolId, actor: actor(input.by), action: 'personalData.check', entity: 'PDCHECK', after: { changedCards: check.changedCards, since: view.since }, at: input.now }),
    ],
    stale,
  );
  return checkView(input.school, input.now);
}
