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
 * |   after transfer out or graduation        |   (same item)                        |                                      | gsi2: SCH#<sch>#FORMER / <name>#<student> (off every roster) |
 * | journal: class x period partition         | SCH#<sch>#CLS#<class>#PER#<period>   | SUBJ#<subject>#...                   | |
 * |   per-subject roster (students, groups)   |   (same partition)                   | SUBJ#<subject>#ROSTER                | |
 * |   lesson (timetable + topic, homework)    |   (same partition)                   | SUBJ#<subject>#LESSON#<date>#<nn>#<group> | gsi2: SCH#<sch>#CLS#<class>#DAY / <date>#<nn>#<subject>#<group> |
 * |   mark (lesson x student x work type)     |   (same partition)                   | SUBJ#<subject>#MARK#<date>#<nn>#<group>#<student>#<workType> | gsi1 (diary): STU#<sch>#<student> / <date>#MARK#<subject>#<nn>#<workType> |
 * |   attendance (lesson x student)           |   (same partition)                   | SUBJ#<subject>#ATT#<date>#<nn>#<group>#<student> | gsi1 (diary): STU#<sch>#<student> / <date>#ATT#<subject>#<nn> |
 * |   change log of the class x period (R-42) |   (same partition)                   | LOG#<subject>#<seq, 9 digits>        | |
 * |   change-log chain head per subject       |   (same partition)                   | LOG#<subject>#HEAD                   | |
 * |   period mark (class x period, issue 10)  |   (same partition)                   | FINAL#<subject>#<student>            | |
 * | external assessment OGE/EGE/GVE    | SCH#<sch>#STU#<student>              | EXAM#<date>#<kind>#<subject>         | gsi2: SCH#<sch>#EXAMS#<year>#<class> / <student>#<date>#<kind>#<subject> |
 * |   subgroups of a split subject     |   (same partition)                   | SUBJ#<subject>#GROUPS                | |
 * |   substitute assignment            |   (same partition)                   | SUBJ#<subject>#SUB#<from>#<teacher>  | |
 * | school settings (weights, stricter locks) | DEP#<dep>                            | SCH#<sch>  (on the school item)      | |
 * | academic year: periods, holidays   | SCH#<sch>                            | YEAR#<year>                          | |
 * | student movement                   | SCH#<sch>#STU#<student>              | MOVE#<date>#<order>                  | gsi1: SCH#<sch>#MOVES / <date>#<student> |
 * | audit of set-up changes (who/when/old/new)| SCH#<sch>#AUDIT#<yyyy-mm>            | <iso time>#<entity>#<rand>           | |
 * | import run (preview, then apply)          | SCH#<sch>#IMPORT                     | <importId>                           | |
 * | personal-data access log           | SCH#<sch>#PDLOG                      | <iso time>#<rand>                    | |
 * | last personal-data check (clause 5)       | SCH#<sch>                            | PDCHECK                              | |
 * | subject of a school                       | SCH#<sch>                            | SUBJ#<subject>                       | |
 * | curriculum line: class x subject   | SCH#<sch>#YEAR#<year>                | LOAD#<class>#<subject>               | gsi1: SCH#<sch>#YEAR#<year>#TEACHER#<teacher> / <class>#<subject> |
 * | weekly timetable slot              | SCH#<sch>#YEAR#<year>                | TT#<class>#<weekday>#<no>#<group>    | gsi2: SCH#<sch>#YEAR#<year>#TT#TEACHER#<teacher> / <weekday>#<no>#<class> |
 * | timetable change on a date                | SCH#<sch>#YEAR#<year>                | TTCHANGE#<date>#<class>#<no>         | |
 * | timetable guard (one holder at a time)    | SCH#<sch>#YEAR#<year>                | TTGUARD#<TEACHER|ROOM|CLASS>#<id>#<weekday>#<no> | |
 * | group of a split curriculum line   | SCH#<sch>#YEAR#<year>                | LOAD#<class>#<subject>#GRP#<group>   | gsi1: as the curriculum line |
 * | KTP: teacher x subject x class/group (R-14)| SCH#<sch>#YEAR#<year>               | KTP#<class>#<subject>#<group>        | |
 * | assessment procedure               | SCH#<sch>#YEAR#<year>                | ASMT#<class>#<date>#<subject>        | |
 * | year / exam / final mark (issue 10)       | SCH#<sch>#CLS#<class>#YEAR#<year>    | FINAL#<kind>#<subject>#<student>     | |
 * | correction request register (issue 11)   | SCH#<sch>#CORR#<year>                | REQ#<number, 6 digits>               | |
| paper report application           | SCH#<sch>#PAPER                      | APP#<date>-<number hash>             | |
| paper report: class x fortnight    | SCH#<sch>#PAPER#<year>               | REP#<class>#<year>-f<nn>             | |
 * |   register counter (last number issued)   |   (same partition)                   | COUNTER                              | |
 * | absence document of a pupil (clause 3.7)  | SCH#<sch>#CLS#<class>#YEAR#<year>    | ABSDOC#<date>#<documentId>           | |
 * | period close of a school (R-40, issue 14)  | SCH#<sch>#CLOSE                      | PER#<period>#RUN                     | |
 * |   a class's progress in it and findings   |   (same partition)                   | PER#<period>#CLS#<class>             | |
 * | diary event: school / grade / class (12)  | SCH#<sch>#EVENTS                     | EV#<date>#<nonce>                    | |
 * | message thread / announcement (12)        | SCH#<sch>#THR#<thread>               | THREAD                               | |
 * |   one message of it                       |   (same partition)                   | MSG#<iso time>#<nonce>               | |
 * |   member: participant or recipient, read  |   (same partition)                   | MEMBER#<user>                        | |
 * | a person's inbox: one entry per thread    | SCH#<sch>#INBOX#<user>               | THR#<thread>                         | gsi1: INBOX#<sch>#<user> / <last at>#<thread> (newest first) |
 * |   unread counter (the menu's badge)       |   (same partition)                   | COUNT                                | |
 * | survey of a class's parents (12)          | SCH#<sch>#SURVEY#<survey>            | SURVEY                               | gsi2: SCH#<sch>#CLS#<class>#SURVEYS / <created at>#<survey> |
 * | archived document (issue 14, R-65, R-70)  | SCH#<sch>#ARCH#<year>                | DOC#<period or ->#<class or ->#<kind> | |
 * |   an answer (named: parent id; anonymous: keyed hash) | (same partition)         | ANS#<parent id or hash>              | |
 * |   has-answered marker (never the answer)  |   (same partition)                   | DONE#<parent>                        | |
 * | check of the journal + its справка (13.4) | SCH#<sch>#JCHECK                     | CHK#<date>-<nonce>                   | |
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
  /** Written last by the local demo loader once the demo school's set-up part is in. */
  demoSetUpDone: (dep: string): Key => ({ pk: join('DEP', dep), sk: 'DEMO#SETUP' }),
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
  /** Students who left or graduated: off every class roster, still found for re-enrolment and duplicate checks. */
  formerStudents: (sch: string, sortName: string, studentId: string) => ({ gsi2pk: join('SCH', sch, 'FORMER'), gsi2sk: join(sortName, studentId) }),
  formerStudentsPartition: (sch: string) => join('SCH', sch, 'FORMER'),

  /** Academic year with its period sets and holidays: one item, validated whole. */
  year: (sch: string, yearId: string): Key => ({ pk: join('SCH', sch), sk: join('YEAR', yearId) }),
  yearsPrefix: (sch: string) => ({ pk: join('SCH', sch), skPrefix: 'YEAR#' }),

  movement: (sch: string, studentId: string, date: string, order: string): Key => ({
    pk: join('SCH', sch, 'STU', studentId),
    sk: join('MOVE', date, order),
  }),
  movementsOfSchool: (sch: string, date: string, studentId: string) => ({ gsi1pk: join('SCH', sch, 'MOVES'), gsi1sk: join(date, studentId) }),
  movementsOfSchoolPartition: (sch: string) => join('SCH', sch, 'MOVES'),
  /** One partition per school and month keeps audit partitions from growing without bound. */
  audit: (sch: string, at: string, entity: string, nonce: string): Key => ({
    pk: join('SCH', sch, 'AUDIT', at.slice(0, 7)),
    sk: join(at, entity, nonce),
  }),
  auditPartition: (sch: string, month: string) => join('SCH', sch, 'AUDIT', month),
  importRun: (sch: string, importId: string): Key => ({ pk: join('SCH', sch, 'IMPORT'), sk: importId }),
  /** Personal-data access log: one partition per school, by time; a student's entries are
   * filtered on read (a screen of the few administrators, paged), so no index is kept for it. */
  personalDataAccess: (sch: string, at: string, nonce: string): Key => ({ pk: join('SCH', sch, 'PDLOG'), sk: join(at, nonce) }),
  personalDataAccessPartition: (sch: string) => join('SCH', sch, 'PDLOG'),
  /** The last monthly check of personal data (clause 5): one item, versioned. */
  personalDataCheck: (sch: string): Key => ({ pk: join('SCH', sch), sk: 'PDCHECK' }),

  subject: (sch: string, subjectId: string): Key => ({ pk: join('SCH', sch), sk: join('SUBJ', subjectId) }),
  subjectsPrefix: (sch: string) => ({ pk: join('SCH', sch), skPrefix: 'SUBJ#' }),

  /** Everything planned for one school year: curriculum, timetable, KTP, assessment schedule. */
  yearPlan: (sch: string, yearId: string) => join('SCH', sch, 'YEAR', yearId),
  load: (sch: string, yearId: string, classId: string, subjectId: string): Key => ({
    pk: join('SCH', sch, 'YEAR', yearId),
    sk: join('LOAD', classId, subjectId),
  }),
  loadOfTeacher: (sch: string, yearId: string, teacherId: string, classId: string, subjectId: string) => ({
    gsi1pk: join('SCH', sch, 'YEAR', yearId, 'TEACHER', teacherId),
    gsi1sk: join(classId, subjectId),
  }),
  loadOfTeacherPartition: (sch: string, yearId: string, teacherId: string) => join('SCH', sch, 'YEAR', yearId, 'TEACHER', teacherId),
  timetableSlot: (sch: string, yearId: string, classId: string, weekday: number, lessonNo: number, groupId: string): Key => ({
    pk: join('SCH', sch, 'YEAR', yearId),
    sk: join('TT', classId, weekday, lessonNo, groupId),
  }),
  timetableOfTeacher: (sch: string, yearId: string, teacherId: string, weekday: number, lessonNo: number, classId: string) => ({
    gsi2pk: join('SCH', sch, 'YEAR', yearId, 'TT', 'TEACHER', teacherId),
    gsi2sk: join(weekday, lessonNo, classId),
  }),
  timetableOfTeacherPartition: (sch: string, yearId: string, teacherId: string) => join('SCH', sch, 'YEAR', yearId, 'TT', 'TEACHER', teacherId),
  timetableChange: (sch: string, yearId: string, date: string, classId: string, lessonNo: number): Key => ({
    pk: join('SCH', sch, 'YEAR', yearId),
    sk: join('TTCHANGE', date, classId, lessonNo),
  }),
  /** Curriculum and timetable (issue 3, items 4-5). A split line keeps one item per group, so each
   * group's teacher finds it in their own load (gsi1 as the line: loadOfTeacher). */
  loadGroup: (sch: string, yearId: string, classId: string, subjectId: string, groupId: string): Key => ({
    pk: join('SCH', sch, 'YEAR', yearId),
    sk: join('LOAD', classId, subjectId, 'GRP', groupId),
  }),
  loadPrefix: (classId?: string) => (classId === undefined ? 'LOAD' + SEP : join('LOAD', classId) + SEP),
  timetablePrefix: (classId?: string) => (classId === undefined ? 'TT' + SEP : join('TT', classId) + SEP),
  /** Inclusive sort-key range of the changes dated from..to (BETWEEN). */
  timetableChangesBetween: (from: string, to: string) => ({ skFrom: join('TTCHANGE', from), skTo: join('TTCHANGE', to) + SEP + '\uffff' }),
  /** One holder per teacher / room / class and weekly time: created with attribute_not_exists in the
   * slot's own transaction, so two concurrent bookings cannot both succeed. */
  timetableGuard: (sch: string, yearId: string, kind: 'TEACHER' | 'ROOM' | 'CLASS', id: string, weekday: number, lessonNo: number): Key => ({
    pk: join('SCH', sch, 'YEAR', yearId),
    sk: join('TTGUARD', kind, id, weekday, lessonNo),
  }),
  lessonsPrefix: (subjectId: string) => join('SUBJ', subjectId, 'LESSON') + SEP,
  /** The lessons of a class by date (the diary and the class teacher's daily view). */
  lessonOfClassDay: (sch: string, classId: string, date: string, lessonNo: number, subjectId: string, groupId: string) => ({
    gsi2pk: join('SCH', sch, 'CLS', classId, 'DAY'),
    gsi2sk: join(date, String(lessonNo).padStart(2, '0'), subjectId, groupId),
  }),
  lessonsOfClassDayPartition: (sch: string, classId: string) => join('SCH', sch, 'CLS', classId, 'DAY'),
  ktp: (sch: string, yearId: string, classId: string, subjectId: string, groupId: string): Key => ({
    pk: join('SCH', sch, 'YEAR', yearId),
    sk: join('KTP', classId, subjectId, groupId),
  }),
  assessment: (sch: string, yearId: string, classId: string, date: string, subjectId: string): Key => ({
    pk: join('SCH', sch, 'YEAR', yearId),
    sk: join('ASMT', classId, date, subjectId),
  }),
  /** Sort-key prefixes in the year-plan partition: all KTPs / procedures, or those of one class. */
  ktpPrefix: (classId?: string) => (classId === undefined ? 'KTP' + SEP : join('KTP', classId) + SEP),
  assessmentPrefix: (classId?: string) => (classId === undefined ? 'ASMT' + SEP : join('ASMT', classId) + SEP),

  /** The class x period partition that holds the journal (later issues fill it). */
  journalPartition: (sch: string, classId: string, periodId: string) => join('SCH', sch, 'CLS', classId, 'PER', periodId),
  journalSubjectPrefix: (subjectId: string) => join('SUBJ', subjectId) + SEP,
  subgroups: (sch: string, classId: string, periodId: string, subjectId: string): Key => ({
    pk: join('SCH', sch, 'CLS', classId, 'PER', periodId),
    sk: join('SUBJ', subjectId, 'GROUPS'),
  }),
  substitute: (sch: string, classId: string, periodId: string, subjectId: string, from: string, teacherId: string): Key => ({
    pk: join('SCH', sch, 'CLS', classId, 'PER', periodId),
    sk: join('SUBJ', subjectId, 'SUB', from, teacherId),
  }),
  /** A lesson of the journal, generated from the timetable for a period. */
  lesson: (sch: string, classId: string, periodId: string, subjectId: string, date: string, lessonNo: number, groupId: string): Key => ({
    pk: join('SCH', sch, 'CLS', classId, 'PER', periodId),
    sk: join('SUBJ', subjectId, 'LESSON', date, String(lessonNo).padStart(2, '0'), groupId),
  }),

  // --- the journal (issue 4): everything of a class x period in its partition -----------------
  /** Sort-key prefix of a subject's substitute assignments (read on a write by someone not assigned). */
  substitutesPrefix: (subjectId: string) => join('SUBJ', subjectId, 'SUB') + SEP,
  /** The students of one subject for the period, with subgroups and mid-period dates (the page's Query). */
  roster: (sch: string, classId: string, periodId: string, subjectId: string): Key => ({
    pk: join('SCH', sch, 'CLS', classId, 'PER', periodId),
    sk: join('SUBJ', subjectId, 'ROSTER'),
  }),
  /** A current mark: one per lesson x student x work type; several work types, several marks. */
  mark: (sch: string, classId: string, periodId: string, subjectId: string, l: JournalLessonKey, studentId: string, workType: string): Key => ({
    pk: join('SCH', sch, 'CLS', classId, 'PER', periodId),
    sk: join('SUBJ', subjectId, 'MARK', l.date, String(l.lessonNo).padStart(2, '0'), l.groupId, studentId, workType),
  }),
  /** Attendance of a student at a lesson (absent / late, with the reason). */
  attendance: (sch: string, classId: string, periodId: string, subjectId: string, l: JournalLessonKey, studentId: string): Key => ({
    pk: join('SCH', sch, 'CLS', classId, 'PER', periodId),
    sk: join('SUBJ', subjectId, 'ATT', l.date, String(l.lessonNo).padStart(2, '0'), l.groupId, studentId),
  }),
  /** Sort-key prefixes of one lesson's marks and attendance (the teacher's day counts them). */
  lessonMarksPrefix: (subjectId: string, l: JournalLessonKey) => join('SUBJ', subjectId, 'MARK', l.date, String(l.lessonNo).padStart(2, '0'), l.groupId) + SEP,
  lessonAttendancePrefix: (subjectId: string, l: JournalLessonKey) => join('SUBJ', subjectId, 'ATT', l.date, String(l.lessonNo).padStart(2, '0'), l.groupId) + SEP,
  /** The diary's index (gsi1) on marks and attendance: a student's records by date, across classes. */
  diaryEntry: (sch: string, studentId: string, date: string, kind: 'MARK' | 'ATT', subjectId: string, lessonNo: number, workType?: string) => ({
    gsi1pk: join('STU', sch, studentId),
    gsi1sk: join(date, kind, subjectId, String(lessonNo).padStart(2, '0'), ...(workType ? [workType] : [])),
  }),
  diaryPartition: (sch: string, studentId: string) => join('STU', sch, studentId),
  /** A change-log record: the subject's chain, numbered from 1. */
  changeLog: (sch: string, classId: string, periodId: string, subjectId: string, seq: number): Key => ({
    pk: join('SCH', sch, 'CLS', classId, 'PER', periodId),
    sk: join('LOG', subjectId, String(seq).padStart(9, '0')),
  }),
  /** The head of a subject's change-log chain: last sequence number and hash ('H' sorts after digits). */
  changeLogHead: (sch: string, classId: string, periodId: string, subjectId: string): Key => ({
    pk: join('SCH', sch, 'CLS', classId, 'PER', periodId),
    sk: join('LOG', subjectId, 'HEAD'),
  }),
  changeLogPrefix: (subjectId?: string) => (subjectId === undefined ? 'LOG' + SEP : join('LOG', subjectId) + SEP),
  /** OGE / EGE / GVE results: in the student's own partition, so they follow the student. */
  externalAssessment: (sch: string, studentId: string, kind: string, subjectId: string, date: string): Key => ({
    pk: join('SCH', sch, 'STU', studentId),
    sk: join('EXAM', date, kind, subjectId),
  }),
  /** ... and listed per class and year (gsi2) for the deputy's and secretary's screen. */
  externalAssessmentsOfClass: (sch: string, yearId: string, classId: string, studentId: string, date: string, kind: string, subjectId: string) => ({
    gsi2pk: join('SCH', sch, 'EXAMS', yearId, classId),
    gsi2sk: join(studentId, date, kind, subjectId),
  }),
  externalAssessmentsOfClassPartition: (sch: string, yearId: string, classId: string) => join('SCH', sch, 'EXAMS', yearId, classId),

  // --- period, year, exam and final marks (issue 10) ----------------------------------------------
  /** A period mark beside the journal: one Query `begins_with(sk, FINAL#)` is the class x all subjects table. */
  periodMark: (sch: string, classId: string, periodId: string, subjectId: string, studentId: string): Key => ({
    pk: join('SCH', sch, 'CLS', classId, 'PER', periodId),
    sk: join('FINAL', subjectId, studentId),
  }),
  periodMarksPrefix: (subjectId?: string) => (subjectId === undefined ? 'FINAL' + SEP : join('FINAL', subjectId) + SEP),
  /** The class's school year: its year, exam and final marks (one Query `begins_with(sk, FINAL#)`). */
  classYearPartition: (sch: string, classId: string, yearId: string) => join('SCH', sch, 'CLS', classId, 'YEAR', yearId),
  yearMark: (sch: string, classId: string, yearId: string, kind: 'year' | 'exam' | 'final', subjectId: string, studentId: string): Key => ({
    pk: join('SCH', sch, 'CLS', classId, 'YEAR', yearId),
    sk: join('FINAL', kind, subjectId, studentId),
  }),
  yearMarksPrefix: () => 'FINAL' + SEP,
  /** A document that set the reasons of a pupil's absences (clause 3.7), beside the class's year marks:
   * the class's documents are one Query `begins_with(sk, ABSDOC#)`, by date. */
  absenceDocument: (sch: string, classId: string, yearId: string, date: string, documentId: string): Key => ({
    pk: join('SCH', sch, 'CLS', classId, 'YEAR', yearId),
    sk: join('ABSDOC', date, documentId),
  }),
  absenceDocumentsPrefix: () => 'ABSDOC' + SEP,

  // --- correction requests after a lock (issue 11) -------------------------------------------------
  /** The school's register of a school year: numbered per school and year (clause 7.3), listed whole
   * by the director with one Query (a class filter is cheap: tens of requests a year, not thousands). */
  correctionRegister: (sch: string, yearId: string) => join('SCH', sch, 'CORR', yearId),
  correction: (sch: string, yearId: string, num: number): Key => ({ pk: join('SCH', sch, 'CORR', yearId), sk: join('REQ', String(num).padStart(6, '0')) }),
  correctionsPrefix: () => 'REQ' + SEP,
  /** The last register number issued: incremented on a condition on its value in the filing's transaction. */
  correctionCounter: (sch: string, yearId: string): Key => ({ pk: join('SCH', sch, 'CORR', yearId), sk: 'COUNTER' }),

  // --- paper progress reports (issue 12 item 4; clause 3.13, R-52) -------------------------------
  /** Parents' written applications of a school: one partition, tens of items, listed whole (a class
   * filters by its roster, since the application follows the pupil to another class). */
  paperApplicationsPartition: (sch: string) => join('SCH', sch, 'PAPER'),
  paperApplication: (sch: string, applicationId: string): Key => ({ pk: join('SCH', sch, 'PAPER'), sk: join('APP', applicationId) }),
  paperApplicationsPrefix: () => 'APP' + SEP,
  /** A class's report for a fortnight: created on attribute_not_exists, so the job run twice makes one.
   * One partition per school and year: the school's overdue reports are one Query. */
  paperReportsPartition: (sch: string, yearId: string) => join('SCH', sch, 'PAPER', yearId),
  paperReport: (sch: string, yearId: string, classId: string, fortnightId: string): Key => ({ pk: join('SCH', sch, 'PAPER', yearId), sk: join('REP', classId, fortnightId) }),
  paperReportsPrefix: (classId?: string) => (classId === undefined ? 'REP' + SEP : join('REP', classId) + SEP),
  /** The diary index's sort-key range of a student's days from..to (inclusive), marks and attendance alike. */
  diaryBetween: (from: string, to: string) => ({ skFrom: from, skTo: to + SEP + '\uffff' }),
  /** Every subject's part of a class x period partition: lessons, marks, attendance, rosters (not the log). */
  journalSubjectsPrefix: () => 'SUBJ' + SEP,

  // --- the diary's events (issue 12) ----------------------------------------------------------------
  /** A school's events by date: a week or a month of them is one Query BETWEEN two dates; a few hundred a year. */
  // The period close: one partition per school, a run item and one progress item per class of each period.
  periodCloses: (sch: string) => join('SCH', sch, 'CLOSE'),
  periodClose: (sch: string, periodId: string): Key => ({ pk: join('SCH', sch, 'CLOSE'), sk: join('PER', periodId, 'RUN') }),
  periodCloseClass: (sch: string, periodId: string, classId: string): Key => ({ pk: join('SCH', sch, 'CLOSE'), sk: join('PER', periodId, 'CLS', classId) }),
  periodClosePrefix: (periodId?: string) => (periodId === undefined ? 'PER' + SEP : join('PER', periodId) + SEP),

  diaryEvent: (sch: string, date: string, nonce: string): Key => ({ pk: join('SCH', sch, 'EVENTS'), sk: join('EV', date, nonce) }),
  diaryEventsPartition: (sch: string) => join('SCH', sch, 'EVENTS'),
  diaryEventsBetween: (from: string, to: string) => ({ skFrom: join('EV', from), skTo: join('EV', to) + SEP + '\uffff' }),

  // --- messages (issue 12, item 2) -------------------------------------------------------------------
  /** A conversation or an announcement: its head, messages and members in one partition, so a thread
   * screen is one BatchGet (head + the reader's member item) and one Query of its messages. */
  thread: (sch: string, threadId: string): Key => ({ pk: join('SCH', sch, 'THR', threadId), sk: 'THREAD' }),
  threadPartition: (sch: string, threadId: string) => join('SCH', sch, 'THR', threadId),
  threadMessage: (sch: string, threadId: string, at: string, nonce: string): Key => ({ pk: join('SCH', sch, 'THR', threadId), sk: join('MSG', at, nonce) }),
  threadMessagesPrefix: () => 'MSG' + SEP,
  /** A member of a thread (participant, or an announcement's recipient) with the time they read it: the read receipts. */
  threadMember: (sch: string, threadId: string, userId: string): Key => ({ pk: join('SCH', sch, 'THR', threadId), sk: join('MEMBER', userId) }),
  threadMembersPrefix: () => 'MEMBER' + SEP,
  /** A person's entry for one thread (unread count, last message): updated in the message's own transaction. */
  inboxEntry: (sch: string, userId: string, threadId: string): Key => ({ pk: join('SCH', sch, 'INBOX', userId), sk: join('THR', threadId) }),
  inboxByTime: (sch: string, userId: string, lastAt: string, threadId: string) => ({ gsi1pk: join('INBOX', sch, userId), gsi1sk: join(lastAt, threadId) }),
  inboxByTimePartition: (sch: string, userId: string) => join('INBOX', sch, userId),
  /** The person's unread total in the school: one GetItem for the menu's badge. */
  inboxCounter: (sch: string, userId: string): Key => ({ pk: join('SCH', sch, 'INBOX', userId), sk: 'COUNT' }),

  // --- surveys of parents (issue 12, item 3) ---------------------------------------------------------
  survey: (sch: string, surveyId: string): Key => ({ pk: join('SCH', sch, 'SURVEY', surveyId), sk: 'SURVEY' }),
  surveyPartition: (sch: string, surveyId: string) => join('SCH', sch, 'SURVEY', surveyId),
  surveysOfClass: (sch: string, classId: string, createdAt: string, surveyId: string) => ({ gsi2pk: join('SCH', sch, 'CLS', classId, 'SURVEYS'), gsi2sk: join(createdAt, surveyId) }),
  surveysOfClassPartition: (sch: string, classId: string) => join('SCH', sch, 'CLS', classId, 'SURVEYS'),
  /** An answer: under the parent's id when the survey is named, under a keyed hash of it when anonymous. */
  surveyAnswer: (sch: string, surveyId: string, answerKey: string): Key => ({ pk: join('SCH', sch, 'SURVEY', surveyId), sk: join('ANS', answerKey) }),
  surveyAnswersPrefix: () => 'ANS' + SEP,
  /** That a parent has answered (answer once): it never holds or points to the answer. */
  surveyRespondent: (sch: string, surveyId: string, parentId: string): Key => ({ pk: join('SCH', sch, 'SURVEY', surveyId), sk: join('DONE', parentId) }),
  surveyRespondentsPrefix: () => 'DONE' + SEP,

  // --- checks of the electronic journal and their certificates (issue 13 item 4; clauses 8.2, 8.4) ---
  /** A school's checks: the list (and the home's "last signed-off check") is one Query of the partition. */
  journalChecksPartition: (sch: string) => join('SCH', sch, 'JCHECK'),
  journalCheck: (sch: string, checkId: string): Key => ({ pk: join('SCH', sch, 'JCHECK'), sk: join('CHK', checkId) }),
  journalChecksPrefix: () => 'CHK' + SEP,

  // --- the archive of stored documents (issue 14) ---------------------------------------
  /** A school year's stored documents: the archive screen of a year is one Query; a period's or a
   * class x period's documents one Query with `begins_with` (a class across periods is filtered). */
  archivePartition: (sch: string, yearId: string) => join('SCH', sch, 'ARCH', yearId),
  archivedDocument: (sch: string, yearId: string, periodId: string | undefined, classId: string | undefined, kind: string): Key => ({
    pk: join('SCH', sch, 'ARCH', yearId),
    sk: join('DOC', periodId ?? '-', classId ?? '-', kind),
  }),
  archivePrefix: (periodId?: string, classId?: string) =>
    periodId === undefined ? 'DOC' + SEP : classId === undefined ? join('DOC', periodId) + SEP : join('DOC', periodId, classId) + SEP,
};

/** The parts of a lesson's key that marks and attendance repeat (date, number, subgroup). */
export interface JournalLessonKey {
  date: string;
  lessonNo: number;
  groupId: string;
}

/** Names are sorted Russian-style in lists; lower-case so that «Ёлкин» sorts beside «Елкин». */
export function sortName(lastName: string, firstName: string): string {
  return `${lastName} ${firstName}`.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е');
}
