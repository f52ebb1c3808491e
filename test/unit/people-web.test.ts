/**
 * The plain logic of the people screens (web/src/lib/people/people.ts): date fields typed as
 * ДД.ММ.ГГГГ, the movement form's checks, base64 of uploaded files, the CSV template (which the
 * server's own checker must accept), and which forms a person is shown.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/domain/import-csv';
import { checkImport } from '../../shared/domain/import-rows';
import { abilities, base64Of, bytesOfBase64, dateField, isoFromRu, movementFormProblem, movementKinds, ruFromIso, templateCsv } from '../../web/src/lib/people/people';
import type { Me } from '../../web/src/lib/types';

describe('people screens logic', () => {
  it('should turn typed dates into ISO and back, naming the field when wrong', () => {
    expect(isoFromRu('1.9.2026')).toBe('2026-09-01');
    expect(isoFromRu('31.02.2026')).toBeNull();
    expect(ruFromIso('2026-09-01')).toBe('01.09.2026');
    expect(dateField('', 'Дату приказа')).toEqual({ problem: 'Укажите дату приказа.' });
    expect(dateField('завтра', 'Дата приказа')).toEqual({ problem: 'Дата приказа: дата в виде ДД.ММ.ГГГГ.' });
  });

  it('should check the movement form before sending it', () => {
    expect(movementFormProblem({ kind: 'transfer', date: '01.09.2026', orderNo: '12', toClassId: '' })).toBe('Выберите класс.');
    expect(movementFormProblem({ kind: 'leave', date: '01.09.2026', orderNo: '', toClassId: '' })).toBe('Укажите номер приказа.');
    expect(movementFormProblem({ kind: 'leave', date: '01.09.2026', orderNo: '12-у', toClassId: '' })).toBeNull();
    expect(movementKinds('enrolled')).toEqual(['transfer', 'leave', 'graduate']);
    expect(movementKinds('left')).toEqual(['enrol']);
  });

  it('should encode files to base64 and back, also past the 32 KB slices', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    const b64 = base64Of(bytes);
    expect(b64).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesOfBase64(b64)).toEqual(bytes);
  });

  it('should offer a CSV template whose example row the server accepts', () => {
    const { rows } = parseCsv(templateCsv());
    const check = checkImport(rows, { classes: [{ classId: '5a', grade: 5, letter: 'А', yearId: '2026' }], existing: new Map(), today: '2026-09-01' });
    expect(check.fileErrors).toEqual([]);
    expect(check.ignoredColumns).toEqual([]);
    expect(check.accepted).toHaveLength(1);
    expect(check.accepted[0]).toMatchObject({ lastName: 'Иванов', className: '5А', parent: { lastName: 'Иванова', phone: '+7 918 000-00-00' } });
  });

  it('should show the keeping forms to the secretary, the sheet to the class teacher of that class only', () => {
    const me = (grants: Me['grants']): Me => ({ userId: 'u', login: 'x', displayName: 'x', departmentId: 'krd', grants, csrfToken: '', children: [], schools: [] });
    expect(abilities(me([{ role: 'secretary', schoolId: 'sch53' }]), 'sch53')).toMatchObject({ keeper: true, admin: false, sheet: false, readPeople: true });
    const ct = me([{ role: 'teacher', schoolId: 'sch53' }, { role: 'classTeacher', schoolId: 'sch53', classId: '5a' }]);
    expect(abilities(ct, 'sch53', '5a')).toMatchObject({ keeper: false, sheet: true, consent: true, readPeople: true });
    expect(abilities(ct, 'sch53', '5b')).toMatchObject({ sheet: false, consent: false, readPeople: false });
    expect(abilities(me([{ role: 'parent', schoolId: 'sch53', studentId: 's' }]), 'sch53', '5a').readPeople).toBe(false);
  });
});
