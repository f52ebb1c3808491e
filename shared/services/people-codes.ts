/**
 * Activation codes in one go (R-03, clause 3.1): the class teacher (or the administrator) issues the
 * codes of a class's students and parents, the administrator those of staff, and gets the printable
 * sheet. Each code is issued by the one single-code service (shared/services/activation.ts), which
 * checks the rights, the consent and writes the register of issued logins (clause 5); this
 * module only chooses who gets one, explains who is skipped, and renders the sheet.
 */
import { may } from '../auth/policy';
import type { Principal } from '../auth/roles';
import { classTitle } from '../domain/people-classes';
import { DomainError, NotFoundError } from '../errors';
import { displayName, listAccountsOfSchool } from '../repos/accounts';
import { listClassRoster, statusOf, type StudentRecord } from '../repos/people';
import { getClass, type School } from '../repos/school';
import { renderActivationSheet, type SheetEntry } from '../reports/activation-sheet';
import { issueActivationCode } from './activation';
import { logPersonalDataAccess } from './personal-data';
import { getAccountsById, studentUserId, type AccountRecord } from './people-common';

export interface IssuedEntry extends SheetEntry {
  userId: string;
  kind: string;
  expiresAt: string;
}

export interface SkippedEntry {
  userId: string;
  displayName: string;
  role: string;
  reason: string;
}

interface Candidate {
  account: AccountRecord;
  role: string;
  consent: boolean;
}

async function issueAll(by: Principal, school: School, candidates: Candidate[], onlyNew: boolean, now: Date) {
  const issued: IssuedEntry[] = [];
  const skipped: SkippedEntry[] = [];
  const skip = (c: Candidate, reason: string) => skipped.push({ userId: c.account.userId, displayName: displayName(c.account), role: c.role, reason });
  const eligible: Candidate[] = [];
  for (const c of candidates) {
    const a = c.account;
    if (a.status === 'disabled') skip(c, 'доступ закрыт');
    else if (onlyNew && a.status === 'active') skip(c, 'уже активировал(а) учётную запись');
    else if (a.kind !== 'staff' && !c.consent) skip(c, 'нет записи о согласии на обработку персональных данных');
    else if (!may(by, 'activationCode.issue', { departmentId: a.departmentId, schoolId: school.schoolId, kind: a.kind as 'staff' | 'student' | 'parent', classId: a.classId })) {
      skip(c, 'код выдаёт классный руководитель класса первого ребёнка');
    } else eligible.push(c);
  }
  // A few at a time: each issue is one transaction with its register entry.
  let next = 0;
  const results: Array<IssuedEntry | null> = new Array(eligible.length).fill(null);
  const worker = async () => {
    while (next < eligible.length) {
      const i = next++;
      const c = eligible[i]!;
      try {
        const code = await issueActivationCode({ by, schoolId: school.schoolId, userId: c.account.userId, now });
        results[i] = { userId: c.account.userId, kind: c.account.kind, displayName: displayName(c.account), role: c.role, login: code.login, code: code.code, expiresAt: code.expiresAt };
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        skip(c, e.message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, eligible.length) }, worker));
  issued.push(...results.filter((r): r is IssuedEntry => r !== null));
  return { issued, skipped };
}

interface SheetOf {
  by: Principal;
  school: School;
  now: Date;
  siteUrl?: string;
}

async function withSheet({ by, school, now, siteUrl }: SheetOf, title: string, fileName: string, result: { issued: IssuedEntry[]; skipped: SkippedEntry[] }) {
  const expiresAt = result.issued[0]?.expiresAt ?? null;
  const pdf =
    result.issued.length === 0
      ? null
      : (
          await renderActivationSheet({
            schoolName: school.name,
            title,
            issuedAt: now.toISOString(),
            expiresAt: expiresAt!,
            issuedBy: by.displayName,
            timeZone: school.timeZone,
            siteUrl,
            entries: result.issued,
          })
        ).toString('base64');
  return {
    title,
    issued: result.issued,
    skipped: result.skipped,
    expiresAt,
    pdf: pdf ? { fileName, contentType: 'application/pdf', base64: pdf } : null,
  };
}

/** Codes for the students and parents of a class, and their sheet. */
export async function issueClassSheet(input: SheetOf & { classId: string; kinds: Array<'student' | 'parent'>; onlyNew: boolean }) {
  const cls = await getClass(input.school.schoolId, input.classId);
  if (!cls) throw new NotFoundError('Класс не найден.');
  const roster = (await listClassRoster(input.school.schoolId, cls.classId))
    .filter((s) => statusOf(s) === 'enrolled')
    .sort((a, b) => a.lastName.localeCompare(b.lastName, 'ru') || a.firstName.localeCompare(b.firstName, 'ru'));
  const accounts = await getAccountsById(roster.flatMap((s) => [studentUserId(s), ...s.parentIds]));
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const add = (a: AccountRecord | undefined, role: string, card: StudentRecord) => {
    if (!a || seen.has(a.userId)) return;
    seen.add(a.userId);
    candidates.push({ account: a, role, consent: !!card.consentRecordedAt });
  };
  // Each student followed by their parents, so the sheet can be cut into family strips.
  for (const s of roster) {
    if (input.kinds.includes('student')) add(accounts.get(studentUserId(s)), 'обучающийся', s);
    if (input.kinds.includes('parent')) for (const id of s.parentIds) add(accounts.get(id), `родитель: ${s.lastName} ${s.firstName}`, s);
  }
  const result = await issueAll(input.by, input.school, candidates, input.onlyNew, input.now);
  const title = `${classTitle(cls)} класс`;
  // the sheet names students and parents with their logins, an export of personal data.
  const onSheet = new Set(result.issued.map((e) => e.userId));
  const students = roster.filter((s) => onSheet.has(studentUserId(s)) || s.parentIds.some((id) => onSheet.has(id)));
  if (students.length > 0) await logPersonalDataAccess({ by: input.by, school: input.school, kind: 'export', students, what: `коды активации: ${title}`, now: input.now });
  return { classId: cls.classId, ...(await withSheet(input, title, `kody-${cls.classId}.pdf`, result)) };
}

/** Codes for staff (all who have not activated yet, or the chosen ones), and their sheet. */
export async function issueStaffSheet(input: SheetOf & { userIds?: string[]; onlyNew: boolean }) {
  const all = (await listAccountsOfSchool(input.school.schoolId)) as AccountRecord[];
  const wanted = input.userIds ? new Set(input.userIds) : null;
  const staff = all
    .filter((a) => a.kind === 'staff' && (!wanted || wanted.has(a.userId)))
    .sort((a, b) => a.lastName.localeCompare(b.lastName, 'ru') || a.firstName.localeCompare(b.firstName, 'ru'));
  const candidates = staff.map((a) => ({ account: a, role: a.position ?? 'сотрудник', consent: true }));
  const result = await issueAll(input.by, input.school, candidates, input.onlyNew, input.now);
  // Staff's names and logins are personal data too: logged with no student named.
  if (result.issued.length > 0) await logPersonalDataAccess({ by: input.by, school: input.school, kind: 'export', students: [], what: `коды активации: сотрудники (${result.issued.length})`, now: input.now });
  return await withSheet(input, 'Сотрудники', 'kody-sotrudniki.pdf', result);
}
