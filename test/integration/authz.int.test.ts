/**
 * The authorisation matrix over HTTP: role x route x own/other object (R-05, clause 3.4). Ids are
 * changed in requests the way a curious parent would change them in the address bar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { seedDemoSchool } from '../../infra/local/seed';
import { dynamo, tableName } from '../../shared/db/client';
import { keys, sortName } from '../../shared/db/keys';
import { listStudentsOfClass, type StudentCard } from '../../shared/repos/school';
import { ApiClient, startApi, type ApiServer } from '../support/api';
import { useTestTable } from '../support/dynamo';

let api: ApiServer;
const as: Record<string, ApiClient> = {};
const LOGINS = ['director', 'deputy', 'secretary', 'admin', 'uo', 'teacher', 'classteacher', 'parent', 'parent2', 'student'];
let ownChild: StudentCard; // a child of `parent`, in 5a
let classmate: StudentCard; // in 5a, nobody's child of `parent`
let otherClassStudent: StudentCard; // in a class `classteacher` does not lead
let studentSelfId: string;
const OTHER_SCHOOL = { schoolId: 'sch7', classId: '3a', studentId: 'stu-other-school' };

beforeAll(async () => {
  await useTestTable();
  await seedDemoSchool(new Date());
  // A second school of the same department, to check that roles never cross schools.
  await dynamo().send(
    new BatchWriteCommand({
      RequestItems: {
        [tableName()]: [
          { PutRequest: { Item: { ...keys.school('krd', OTHER_SCHOOL.schoolId), type: 'school', schoolId: OTHER_SCHOOL.schoolId, departmentId: 'krd', name: 'МАОУ СОШ № 7', shortName: 'СОШ № 7', city: 'Краснодар', timeZone: 'Europe/Moscow' } } },
          { PutRequest: { Item: { ...keys.class(OTHER_SCHOOL.schoolId, OTHER_SCHOOL.classId), type: 'class', classId: OTHER_SCHOOL.classId, schoolId: OTHER_SCHOOL.schoolId, grade: 3, letter: 'А', yearId: '2026' } } },
          {
            PutRequest: {
              Item: {
                ...keys.studentCard(OTHER_SCHOOL.schoolId, OTHER_SCHOOL.studentId),
                ...keys.studentsOfClass(OTHER_SCHOOL.schoolId, OTHER_SCHOOL.classId, sortName('Чужой', 'Иван'), OTHER_SCHOOL.studentId),
                type: 'studentCard', studentId: OTHER_SCHOOL.studentId, schoolId: OTHER_SCHOOL.schoolId, classId: OTHER_SCHOOL.classId,
                lastName: 'Чужой', firstName: 'Иван', birthDate: '2018-03-01', parentIds: [],
              },
            },
          },
        ],
      },
    }),
  );
  api = await startApi();
  await Promise.all(
    LOGINS.map(async (login) => {
      as[login] = new ApiClient(api.url);
      const res = await as[login]!.signIn(login);
      if (res.status !== 200) throw new Error(`demo login ${login} failed: ${res.status}`);
    }),
  );
  const parentMe = (await as.parent!.get('/api/me')).body;
  const kids = new Set<string>(parentMe.children.map((c: { studentId: string }) => c.studentId));
  const fiveA = await listStudentsOfClass('sch53', '5a');
  ownChild = fiveA.find((s) => kids.has(s.studentId))!;
  classmate = fiveA.find((s) => !kids.has(s.studentId))!;
  const studentMe = (await as.student!.get('/api/me')).body;
  studentSelfId = studentMe.grants.find((g: { role: string }) => g.role === 'student').studentId;
  const ctClass = (await as.classteacher!.get('/api/me')).body.grants.find((g: { role: string }) => g.role === 'classTeacher').classId;
  otherClassStudent = (await listStudentsOfClass('sch53', ctClass === '5b' ? '5a' : '5b'))[0]!;
});
afterAll(() => api?.stop());

const card = (s: { schoolId: string; studentId: string }) => `/api/schools/${s.schoolId}/students/${s.studentId}`;

describe('personal cards (student.readCard)', () => {
  it('should let a parent read their own child and nobody else', async () => {
    expect(ownChild && classmate).toBeTruthy();
    expect((await as.parent!.get(card(ownChild))).status).toBe(200);
    const other = await as.parent!.get(card(classmate));
    expect(other.status).toBe(404);
    expect(other.body.error.message).toMatch(/недоступны|не найден/);
    expect((await as.parent!.get(card(OTHER_SCHOOL))).status).toBe(404);
    expect((await as.parent2!.get(card(ownChild))).status).toBe(ownChild.parentIds.length > 1 ? 200 : 404);
  });

  it('should let a student read only themself', async () => {
    expect((await as.student!.get(card({ schoolId: 'sch53', studentId: studentSelfId }))).status).toBe(200);
    const mate = [ownChild, classmate].find((s) => s.studentId !== studentSelfId)!;
    expect((await as.student!.get(card(mate))).status).toBe(404);
  });

  it('should let a class teacher read their own class only', async () => {
    expect((await as.classteacher!.get(card(ownChild))).status).toBe(200);
    expect((await as.classteacher!.get(card(otherClassStudent))).status).toBe(404);
  });

  it('should keep personal data from a plain subject teacher and the department (clause 1.7)', async () => {
    expect((await as.teacher!.get(card(ownChild))).status).toBe(404);
    expect((await as.uo!.get(card(ownChild))).status).toBe(404);
  });

  it('should let the administration read any card of their school, and no other school', async () => {
    for (const login of ['director', 'deputy', 'secretary', 'admin']) {
      expect((await as[login]!.get(card(classmate))).status, login).toBe(200);
      expect((await as[login]!.get(card(OTHER_SCHOOL))).status, login).toBe(404);
    }
  });
});

describe('lists and registers', () => {
  it.each([
    ['director', 200], ['deputy', 200], ['secretary', 200], ['admin', 200], ['teacher', 200], ['classteacher', 200],
    ['parent', 403], ['parent2', 403], ['student', 403], ['uo', 403],
  ])('GET classes as %s -> %i', async (login, status) => {
    expect((await as[login]!.get('/api/schools/sch53/classes')).status).toBe(status);
  });

  it.each([
    ['admin', 200], ['director', 200], ['deputy', 403], ['secretary', 403], ['teacher', 403], ['classteacher', 403], ['parent', 403], ['student', 403],
  ])('GET the login register as %s -> %i', async (login, status) => {
    expect((await as[login]!.get('/api/schools/sch53/logins')).status).toBe(status);
  });

  it('should give the class roster to staff but not to parents or students', async () => {
    expect((await as.teacher!.get('/api/schools/sch53/classes/5a/students')).status).toBe(200);
    expect((await as.parent!.get('/api/schools/sch53/classes/5a/students')).status).toBe(403);
    expect((await as.student!.get('/api/schools/sch53/classes/5a/students')).status).toBe(403);
    expect((await as.admin!.get(`/api/schools/${OTHER_SCHOOL.schoolId}/classes/${OTHER_SCHOOL.classId}/students`)).status).toBe(403);
  });

  it('should show department settings to the department and the school leadership only', async () => {
    expect((await as.uo!.get('/api/departments/krd/settings')).status).toBe(200);
    expect((await as.director!.get('/api/departments/krd/settings')).body.lockDays.currentMarks).toBe(10);
    expect((await as.parent!.get('/api/departments/krd/settings')).status).toBe(403);
    expect((await as.uo!.get('/api/departments/other/settings')).status).toBe(403);
  });

  it('should answer 401 to every non-public route without a session', async () => {
    const anon = new ApiClient(api.url);
    for (const path of ['/api/me', '/api/schools/sch53/classes', card(ownChild), '/api/schools/sch53/logins']) {
      expect((await anon.get(path)).status, path).toBe(401);
    }
  });
});

describe('what a personal card shows', () => {
  it('should show a parent only the named fields, never consent documents or import details', async () => {
    const res = await as.parent!.get(card(ownChild));
    expect(Object.keys(res.body).sort()).toEqual(['birthDate', 'classId', 'firstName', 'lastName', 'middleName', 'parents', 'schoolId', 'studentId']);
  });
});
