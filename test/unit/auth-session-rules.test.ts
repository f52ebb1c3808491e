/** The shared-computer rules on a session and `now` (shared/auth/session-rules.ts). */
import { describe, expect, it } from 'vitest';
import {
  endedByEpoch,
  idleLimitFor,
  idleMinutesOf,
  isIdle,
  needsActivityStamp,
  needsReauth,
  SENSITIVE_ACTIONS,
} from '../../shared/auth/session-rules';
import { person } from '../support/principals';

const t0 = Date.parse('2026-11-30T08:00:00Z') / 1000;
const after = (seconds: number) => new Date((t0 + seconds) * 1000);

describe('idle time', () => {
  const staff = { idleMinutes: 15, activeAt: t0 };

  it('should end a session idle longer than its limit, and not one at the limit', () => {
    expect(isIdle(staff, after(15 * 60))).toBe(false);
    expect(isIdle(staff, after(15 * 60 + 1))).toBe(true);
    expect(isIdle({ idleMinutes: 0, activeAt: t0 }, after(10 * 3600))).toBe(false);
  });

  it('should restamp activity at most once a minute', () => {
    expect(needsActivityStamp(staff, after(59))).toBe(false);
    expect(needsActivityStamp(staff, after(60))).toBe(true);
  });

  it('should take a sane stored limit, else 15 minutes; the strictest school counts; none for families', () => {
    expect(idleMinutesOf(30)).toBe(30);
    for (const bad of [undefined, null, '30', 2, 1000, 12.5]) expect(idleMinutesOf(bad)).toBe(15);
    const teacher = person('t', [{ role: 'teacher', schoolId: 'a' }, { role: 'teacher', schoolId: 'b' }]);
    expect(idleLimitFor(teacher, [30, 10])).toBe(10);
    expect(idleLimitFor(person('uo', [{ role: 'department', departmentId: 'krd' }]), [])).toBe(15);
    expect(idleLimitFor(person('p', [{ role: 'parent', schoolId: 'a', studentId: 's' }]), [30])).toBe(0);
  });
});

describe('password again', () => {
  it('should ask for it on a sensitive action more than 5 minutes after it was entered', () => {
    const s = { authAt: t0 };
    expect(needsReauth(s, 'activationCode.issue', after(300))).toBe(false);
    expect(needsReauth(s, 'activationCode.issue', after(301))).toBe(true);
    expect(needsReauth(s, 'journal.write', after(3600))).toBe(false);
    for (const a of ['activationSheet.issueClass', 'activationSheet.issueStaff', 'staff.setRoles', 'settings.writeSchool']) expect(SENSITIVE_ACTIONS.has(a)).toBe(true);
  });
});

describe('session epoch', () => {
  it('should refuse a token older than the account epoch only', () => {
    expect(endedByEpoch({ epoch: 0 }, undefined)).toBe(false);
    expect(endedByEpoch({ epoch: 1 }, 1)).toBe(false);
    expect(endedByEpoch({ epoch: 0 }, 1)).toBe(true);
  });
});
