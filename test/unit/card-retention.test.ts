/** A former student's card is kept whole for the journals' term after leaving, then reduced (R-71). */
import { describe, expect, it } from 'vitest';
import { archivedCard, cardRetentionEnded, FORMER_CARD_DAYS, RETENTION_DAYS } from '../../shared/domain/retention';

describe('cardRetentionEnded', () => {
  it('should keep the card as long as the journals naming the student are kept', () => {
    expect(FORMER_CARD_DAYS).toBe(RETENTION_DAYS.journals);
    // 1827 days: five years and the two leap days they may hold (2024 is one).
    expect(cardRetentionEnded('2021-05-31', '2026-05-31')).toBe(false);
    expect(cardRetentionEnded('2021-05-31', '2026-06-01')).toBe(true);
  });
});

describe('archivedCard', () => {
  const card = {
    studentId: 'st-1', schoolId: 's1', classId: '11a', lastName: 'Орлова', firstName: 'Анна', birthDate: '2003-02-01', personalFileNo: 'О-12', status: 'graduated',
    address: 'ул. Садовая, 1', gender: 'f', parentIds: ['u-p1'], consent: { date: '2014-09-01', document: 'Согласие № 1', recordedBy: 'u-s', recordedByName: 'С.' }, version: 4,
  };

  it('should keep what identifies the student and drop the address, gender, parents and consent', () => {
    expect(archivedCard(card, '2026-11-20')).toEqual({
      studentId: 'st-1', schoolId: 's1', classId: '11a', lastName: 'Орлова', firstName: 'Анна', birthDate: '2003-02-01', personalFileNo: 'О-12', status: 'graduated', version: 4, parentIds: [], archivedOn: '2026-11-20',
    });
  });

  it('should leave a reduced card as it is', () => {
    const once = archivedCard(card, '2026-11-20');
    expect(archivedCard(once, '2027-01-01')).toBe(once);
  });
});
