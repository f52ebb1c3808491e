/**
 * The key schema: the only module that knows how keys are spelled. Every other module asks it.
 *
 * One table, generic key names (pk/sk, gsi1pk/gsi1sk, gsi2pk/gsi2sk) holding prefixed values.
 * Every key below a department carries the school, so tenancy is in the key itself.
 *
 * | entity / access pattern                   | pk                                   | sk                                   | index keys |
 * |-------------------------------------------|--------------------------------------|--------------------------------------|------------|
 * | department (lock settings, R-01)          | DEP#<dep>                            | DEP                                  | |
 * | school                                    | DEP#<dep>                            | SCH#<sch>                            | |
 * | account (a person who can sign in)        | USER#<user>                          | USER                                 | gsi1: LOGIN#<login> / USER; gsi2: SCH#<sch>#USERS / <name>#<user> |
 * | login uniqueness guard                    | LOGIN#<login>                        | LOGIN                                | |
 * | activation code (stored as its hash)      | CODE#<sha256>                        | CODE                                 | |
 * | register of issued logins (clause 5)      | SCH#<sch>#LOGINS                     | <issuedAt>#<user>                    | |
 * | failed sign-in window (throttling)        | THROTTLE#<ACC|IP>#<id>               | <windowStart>                        | |
 * | class of a school year                    | SCH#<sch>                            | CLS#<class>                          | |
 * | student's personal card                   | SCH#<sch>#STU#<student>              | CARD                                 | gsi2: SCH#<sch>#CLS#<class>#STUDENTS / <name>#<student> |
 * | journal: class x period partition         | SCH#<sch>#CLS#<class>#PER#<period>   | SUBJ#<subject>#...                   | |
 * |   roster, lessons, marks, attendance      |   (same partition)                   | SUBJ#<subject>#<ROSTER|LESSON|MARK|ATT>#... | diary: gsi1 STU#<sch>#<student> / <date>; gsi2 SCH#<sch>#CLS#<class>#DAY / <date> |
 * |   change log of the class x period        |   (same partition)                   | LOG#<subject>#<seq>                  | |
 *
 * Why class x period is the partition: the teacher's journal page (class x subject x period) is one
 * Query with `begins_with(sk, SUBJ#<subject>#)`, the summary sheet (all subjects) is one Query over
 * the partition, the change log one Query with `begins_with(sk, LOG#)`, and a period's close job
 * touches exactly one partition per class. No request path needs a Scan.
 */

export type Key = { pk: string; sk: string };

const SEP = '#';
const join = (...parts: Array<string | number>) => parts.join(SEP);

export const keys = {
  department: (dep: string): Key => ({ pk: join('DEP', dep), sk: 'DEP' }),
  school: (dep: string, sch: string): Key => ({ pk: join('DEP', dep), sk: join('SCH', sch) }),
  schoolsPrefix: (dep: string) => ({ pk: join('DEP', dep), skPrefix: 'SCH#' }),

  account: (userId: string): Key => ({ pk: join('USER', userId), sk: 'USER' }),
  accountByLogin: (login: string) => ({ gsi1pk: join('LOGIN', login), gsi1sk: 'USER' }),
  accountsOfSchool: (sch: string, sortName: string, userId: string) => ({
    gsi2pk: join('SCH', sch, 'USERS'),
    gsi2sk: join(sortName, userId),
  }),
  accountsOfSchoolPartition: (sch: string) => join('SCH', sch, 'USERS'),
  loginGuard: (login: string): Key => ({ pk: join('LOGIN', login), sk: 'LOGIN' }),

  activationCode: (codeHash: string): Key => ({ pk: join('CODE', codeHash), sk: 'CODE' }),
  loginRegister: (sch: string, issuedAt: string, userId: string): Key => ({
    pk: join('SCH', sch, 'LOGINS'),
    sk: join(issuedAt, userId),
  }),
  loginRegisterPartition: (sch: string) => join('SCH', sch, 'LOGINS'),

  throttle: (kind: 'ACC' | 'IP', id: string, windowStart: string): Key => ({
    pk: join('THROTTLE', kind, id),
    sk: windowStart,
  }),

  class: (sch: string, classId: string): Key => ({ pk: join('SCH', sch), sk: join('CLS', classId) }),
  classesPrefix: (sch: string) => ({ pk: join('SCH', sch), skPrefix: 'CLS#' }),

  studentCard: (sch: string, studentId: string): Key => ({ pk: join('SCH', sch, 'STU', studentId), sk: 'CARD' }),
  studentsOfClass: (sch: string, classId: string, sortName: string, studentId: string) => ({
    gsi2pk: join('SCH', sch, 'CLS', classId, 'STUDENTS'),
    gsi2sk: join(sortName, studentId),
  }),
  studentsOfClassPartition: (sch: string, classId: string) => join('SCH', sch, 'CLS', classId, 'STUDENTS'),

  /** The class x period partition that holds the journal (later issues fill it). */
  journalPartition: (sch: string, classId: string, periodId: string) => join('SCH', sch, 'CLS', classId, 'PER', periodId),
  journalSubjectPrefix: (subjectId: string) => join('SUBJ', subjectId) + SEP,
  changeLogPrefix: () => 'LOG#',
};

/** Names are sorted Russian-style in lists; lower-case so that «Ёлкин» sorts beside «Елкин». */
export function sortName(lastName: string, firstName: string): string {
  return `${lastName} ${firstName}`.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е');
}
