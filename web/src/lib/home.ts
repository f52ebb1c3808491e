/**
 * The home screen: one card per role the person holds (with its scope: school, class, children)
 * listing what they may do there. Later issues turn the «скоро» sections into working screens by
 * giving them an `href` here.
 *
 * Each working section names the action its screen performs, and is offered only when the server's
 * own policy (`may`, shared/auth/policy.ts) lets the card's role perform it there: the home screen
 * cannot link to a screen the API would refuse.
 */
import { may, type Action, type ObjectOf } from '../../../shared/auth/policy';
import { ROLE_TITLES, type Principal } from '../../../shared/auth/roles';
import { absencePaths } from './corrections/absence-paths';
import { archivePaths } from './archive/archive';
import { periodClosePaths } from './period-close/period-close';
import { checksPaths } from './checks/checks';
import { correctionPaths } from './corrections/paths';
import { paperPaths } from './paper-reports/paths';
import { paths } from './paths';
import { personalDataPaths } from './personal-data/paths';
import { reportsPaths } from './reports/reports';
import { departmentReportPaths } from './reports/department';
import { mayMe } from './policy';
import { diaryPaths } from './diary/paths';
import { familyMarksPaths } from './what-if/paths';
import type { Child, Me, Role } from './types';

export const HOME_TEXT = {
  title: 'Главная',
  login: 'Логин',
  yourRoles: 'Ваши роли и разделы',
  /** After a section's name; the no-break space keeps the dash off the start of a line. */
  soonSuffix: '\u00a0— скоро',
  noRoles: 'Для вашей учётной записи пока не назначено ни одной роли. Обратитесь к администратору школы.',
  schoolFallback: (schoolId: string) => `Школа ${schoolId}`,
  classScope: (className: string, school: string) => `Класс ${className} · ${school}`,
  department: 'Управление образования: все школы',
  sections: {
    journal: 'Классный журнал',
    myClass: 'Мой класс',
    pupilCodes: 'Коды активации для учеников и родителей',
    loginRegister: 'Реестр выданных логинов',
    accessLog: 'Доступ к персональным данным',
    personalDataCheck: 'Проверка персональных данных',
    staffCodes: 'Коды активации сотрудникам',
    reports: 'Отчёты',
    reportsDetail: 'сводная ведомость и итоги успеваемости класса: на экране, в PDF и XLSX',
    journalChecks: 'Проверки электронного журнала',
    journalChecksDetail: 'справки по итогам проверок, п. 8.2–8.4',
    archive: 'Архив документов',
    archiveDetail: 'ведомости и журналы на хранении, утверждение, контрольные суммы',
    periodClose: 'Закрытие периодов',
    periodCloseDetail: 'ход закрытия по классам, что не было заполнено, сохранённые документы',
    schoolReports: 'Отчёты по школам',
    schoolReportsDetail: 'успеваемость и мониторинг журнала школ рядом',
    schools: 'Школы управления',
    schoolsDetail: 'настройки каждой школы',
    lockSettings: 'Настройки блокировок',
    schoolSettings: 'Настройки школы',
    schoolSettingsDetail: 'блокировки, веса отметок, пороги, контрольные',
    year: 'Учебный год',
    yearDetail: 'четверти, полугодия, каникулы',
    personalFiles: 'Личные дела обучающихся',
    classLists: 'Классы и списки',
    importLists: 'Загрузка списков классов',
    movements: 'Движение обучающихся',
    staff: 'Сотрудники и доступ',
    curriculum: 'Учебный план и нагрузка',
    subgroups: 'Подгруппы',
    substitutes: 'Замещения',
    timetable: 'Расписание',
    timetableChanges: 'Изменения в расписании',
    myTimetable: 'Моё расписание',
    ktp: 'КТП',
    ktpApproval: 'КТП классов и утверждение',
    assessments: 'График оценочных процедур',
    unfilled: 'Незаполненные уроки класса',
    exams: 'Результаты ОГЭ, ЕГЭ, ГВЭ',
    myDiary: 'Мой дневник',
    diary: 'Дневник',
    periodMarks: 'Отметки за период',
    paperReports: 'Бумажные отчёты для родителей',
    corrections: 'Заявки на корректировку',
    absenceDocuments: 'Справки об отсутствии',
    absenceDocumentsDetail: 'причины пропусков по документу',
    events: 'Мероприятия',
    eventsDetail: 'для школы, параллели или класса',
    classEvents: 'Мероприятия класса',
  },
  child: (c: Pick<Child, 'displayName' | 'className'>) => (c.className ? `${c.displayName}, ${c.className}` : c.displayName),
  unknownChild: 'Обучающийся',
  checkOverdue: 'Последней подписанной проверке журнала больше месяца: пора проверить (п. 8.2).',
} as const;

export interface Section {
  key: string;
  title: string;
  /** A second line: what the section is about, e.g. «Дневник» under a child's name. */
  detail?: string;
  /** Present when the screen exists. */
  href?: string;
  /** Announced, not built yet. */
  soon: boolean;
  /** The school whose correction requests waiting for the person the section counts (issue 11 item 7). */
  waitingIn?: string;
  /** The school whose overdue paper reports the section counts. */
  overdueIn?: string;
  /** The school whose journal check the section warns about when the last one is over a month old (clause 8.2). */
  checkDueIn?: string;
}

export interface HomeCard {
  key: string;
  role: Role;
  /** The role's Russian title (shared/auth/roles.ts). */
  title: string;
  /** Where the role applies: a school, a class of a school, the department. */
  scope: string;
  sections: Section[];
}

export interface HomeContext {
  /** Names of classes ('5А') by `${schoolId}/${classId}`, for the class teacher's card. */
  classNames?: Record<string, string>;
}

/** Senior roles first; a class teacher's card comes before the same person's teacher card. */
const ROLE_ORDER: Role[] = ['department', 'director', 'deputy', 'administrator', 'secretary', 'classTeacher', 'teacher', 'parent', 'student', 'viewer'];

const S = HOME_TEXT.sections;
const section = (key: string, title: string, href: string, detail?: string): Section => ({ key, title, href, soon: false, ...(detail ? { detail } : {}) });
const soon = (key: string, title: string, detail?: string): Section => ({ key, title, soon: true, ...(detail ? { detail } : {}) });

function gradeOf(className: string): number {
  const n = Number.parseInt(className, 10);
  return Number.isNaN(n) ? 99 : n;
}

export function classKey(schoolId: string, classId: string): string {
  return `${schoolId}/${classId}`;
}

export function sectionsFor(me: Me, ctx: HomeContext = {}): HomeCard[] {
  const schoolName = (schoolId: string) => me.schools.find((s) => s.schoolId === schoolId)?.name ?? HOME_TEXT.schoolFallback(schoolId);
  const cards = new Map<string, HomeCard>();
  const card = (role: Role, scopeKey: string, scope: string): HomeCard => {
    const key = `${role}:${scopeKey}`;
    let c = cards.get(key);
    if (!c) {
      c = { key, role, title: ROLE_TITLES[role], scope, sections: [] };
      cards.set(key, c);
    }
    return c;
  };

  for (const g of me.grants) {
    // The card's role alone: a card offers what that role may do, not what another role of the same person may.
    const p: Principal = { userId: me.userId, departmentId: me.departmentId, displayName: me.displayName, grants: [g] };
    const school = { departmentId: me.departmentId, schoolId: 'schoolId' in g ? g.schoolId : '' };
    const anyClass = { ...school, classId: '' };
    const ready = <A extends Action>(action: A, object: ObjectOf<A>, key: string, title: string, href: string, detail?: string): Section[] =>
      may(p, action, object) ? [section(key, title, href, detail)] : [];
    // Correction requests (issue 11): the section counts what waits for the person in the school.
    const corrections = (action: 'correction.decide' | 'correction.list'): Section[] =>
      ready(action, school, 'corrections', S.corrections, correctionPaths.register(school.schoolId)).map((x) => ({ ...x, waitingIn: school.schoolId }));
    // Paper progress reports: the section counts the overdue ones the person may see.
    // Checks of the journal (clause 8.2): the section warns when the last signed-off one is over a month old.
    const journalChecks = (): Section[] =>
      ready('journalCheck.write', school, 'journal-checks', S.journalChecks, checksPaths.list(school.schoolId), S.journalChecksDetail).map((x) => ({ ...x, checkDueIn: school.schoolId }));
    // The archive (issue 14): the stored documents, their approval and checksums.
    const archive = (): Section[] => ready('archive.read', school, 'archive', S.archive, archivePaths.screen(school.schoolId), S.archiveDetail);
    // The period close: its progress and findings, for the director and the deputy.
    const periodClose = (): Section[] => ready('periodClose.read', school, 'period-close', S.periodClose, periodClosePaths.screen(school.schoolId), S.periodCloseDetail);
    // What the director and the deputies find first on their school's card: reports, checks, the archive, the period close.
    const schoolReview = (): Section[] => [
      ...ready('report.readClass', anyClass, 'reports', S.reports, reportsPaths.index(school.schoolId), S.reportsDetail),
      ...journalChecks(),
      ...archive(),
      ...periodClose(),
    ];
    const paperReports = (cls: { departmentId: string; schoolId: string; classId: string }): Section[] =>
      ready('paperReport.readClass', cls, 'paper-reports', S.paperReports, paperPaths.screen(cls.schoolId, cls.classId || undefined)).map((x) => ({ ...x, overdueIn: cls.schoolId }));
    switch (g.role) {
      case 'department':
        card(g.role, g.departmentId, HOME_TEXT.department).sections.push(
          ...ready('settings.writeDepartment', { departmentId: g.departmentId }, 'lock-settings', S.lockSettings, paths.settings),
          ...ready('settings.readSchool', { departmentId: g.departmentId, schoolId: '' }, 'schools', S.schools, paths.schools, S.schoolsDetail),
          ...ready('correction.recordDepartment', { departmentId: g.departmentId, schoolId: '' }, 'corrections', S.corrections, correctionPaths.register()),
          ...ready('report.readDepartment', { departmentId: g.departmentId }, 'school-reports', S.schoolReports, departmentReportPaths.screen(), S.schoolReportsDetail),
        );
        break;
      case 'director':
        card(g.role, g.schoolId, schoolName(g.schoolId)).sections.push(
          ...schoolReview(),
          ...corrections('correction.decide'),
          ...ready('loginRegister.read', school, 'login-register', S.loginRegister, paths.loginRegister(g.schoolId)),
          ...ready('personalData.readAccessLog', school, 'access-log', S.accessLog, personalDataPaths.accessLog(g.schoolId)),
          ...ready('settings.readSchool', school, 'school-settings', S.schoolSettings, paths.settings, S.schoolSettingsDetail),
          ...ready('year.read', school, 'year', S.year, paths.year, S.yearDetail),
          ...ready('class.list', school, 'classes', S.classLists, paths.peopleClasses(g.schoolId)),
          ...ready('movement.read', school, 'movements', S.movements, paths.movements(g.schoolId)),
          ...ready('staff.read', school, 'staff', S.staff, paths.staff(g.schoolId)),
          ...ready('timetable.read', school, 'timetable', S.timetable, paths.timetable(g.schoolId)),
          ...ready('ktp.listClass', anyClass, 'ktp', S.ktp, paths.ktp(g.schoolId)),
          ...ready('assessment.read', school, 'assessments', S.assessments, paths.assessments(g.schoolId)),
          ...ready('event.write', { ...school, audience: { kind: 'school' } }, 'events', S.events, diaryPaths.events(g.schoolId), S.eventsDetail),
        );
        break;
      case 'deputy':
        card(g.role, g.schoolId, schoolName(g.schoolId)).sections.push(
          ...schoolReview(),
          ...corrections('correction.list'),
          ...ready('settings.writeSchool', school, 'school-settings', S.schoolSettings, paths.settings, S.schoolSettingsDetail),
          ...ready('year.write', school, 'year', S.year, paths.year, S.yearDetail),
          ...ready('class.list', school, 'classes', S.classLists, paths.peopleClasses(g.schoolId)),
          ...ready('movement.read', school, 'movements', S.movements, paths.movements(g.schoolId)),
          ...ready('curriculum.manage', school, 'curriculum', S.curriculum, paths.curriculum(g.schoolId)),
          ...ready('subgroups.manage', anyClass, 'subgroups', S.subgroups, paths.subgroups(g.schoolId)),
          ...ready('substitute.manage', anyClass, 'substitutes', S.substitutes, paths.substitutes(g.schoolId)),
          ...ready('timetable.manage', school, 'timetable', S.timetable, paths.timetable(g.schoolId)),
          ...ready('timetable.manage', school, 'timetable-changes', S.timetableChanges, paths.timetableChanges(g.schoolId)),
          ...ready('ktp.approve', { ...anyClass, subjectId: '', groupId: '', teacherIds: [] }, 'ktp', S.ktpApproval, paths.ktp(g.schoolId)),
          ...ready('assessment.read', school, 'assessments', S.assessments, paths.assessments(g.schoolId)),
          ...ready('externalAssessment.write', anyClass, 'exams', S.exams, paths.exams(g.schoolId)),
          ...ready('event.write', { ...school, audience: { kind: 'school' } }, 'events', S.events, diaryPaths.events(g.schoolId), S.eventsDetail),
        );
        break;
      case 'administrator':
        card(g.role, g.schoolId, schoolName(g.schoolId)).sections.push(
          ...ready('loginRegister.read', school, 'login-register', S.loginRegister, paths.loginRegister(g.schoolId)),
          ...ready('personalData.readAccessLog', school, 'access-log', S.accessLog, personalDataPaths.accessLog(g.schoolId)),
          ...ready('personalData.check', school, 'personal-data-check', S.personalDataCheck, personalDataPaths.check(g.schoolId)),
          ...ready('activationSheet.issueStaff', school, 'staff-codes', S.staffCodes, paths.activationCodes(g.schoolId)),
          ...ready('staff.read', school, 'staff', S.staff, paths.staff(g.schoolId)),
          ...ready('class.list', school, 'classes', S.classLists, paths.peopleClasses(g.schoolId)),
        );
        break;
      case 'secretary':
        card(g.role, g.schoolId, schoolName(g.schoolId)).sections.push(
          ...ready('student.create', anyClass, 'personal-files', S.personalFiles, paths.people(g.schoolId)),
          ...ready('import.run', school, 'import', S.importLists, paths.peopleImport(g.schoolId)),
          ...ready('movement.read', school, 'movements', S.movements, paths.movements(g.schoolId)),
          ...ready('externalAssessment.write', anyClass, 'exams', S.exams, paths.exams(g.schoolId)),
          ...paperReports(anyClass),
        );
        break;
      case 'teacher':
        card(g.role, g.schoolId, schoolName(g.schoolId)).sections.push(
          ...ready('journal.listMine', school, 'journal', S.journal, paths.journal(g.schoolId)),
          ...ready('timetable.read', school, 'my-timetable', S.myTimetable, paths.myTimetable(g.schoolId)),
          ...ready('ktp.listOwn', school, 'ktp', S.ktp, paths.ktp(g.schoolId)),
          ...corrections('correction.list'),
        );
        break;
      case 'classTeacher': {
        const name = ctx.classNames?.[classKey(g.schoolId, g.classId)] ?? g.classId;
        const cls = { ...school, classId: g.classId };
        card(g.role, classKey(g.schoolId, g.classId), HOME_TEXT.classScope(name, schoolName(g.schoolId))).sections.push(
          ...ready('class.read', cls, 'my-class', S.myClass, paths.peopleClass(g.schoolId, g.classId)),
          ...ready('report.readClass', cls, 'reports', S.reports, reportsPaths.index(g.schoolId), S.reportsDetail),
          ...ready('activationSheet.issueClass', cls, 'pupil-codes', S.pupilCodes, paths.activationCodes(g.schoolId, g.classId)),
          ...ready('journal.classDay', cls, 'unfilled', S.unfilled, paths.journalCheck(g.schoolId, g.classId)),
          ...ready('event.write', { ...school, audience: { kind: 'class', classId: g.classId } }, 'class-events', S.classEvents, diaryPaths.events(g.schoolId, g.classId)),
          ...ready('timetable.read', school, 'class-timetable', S.timetable, paths.timetable(g.schoolId, g.classId)),
          ...ready('subgroups.manage', cls, 'subgroups', S.subgroups, paths.subgroups(g.schoolId, g.classId)),
          ...paperReports(cls),
          ...ready('ktp.listClass', cls, 'class-ktp', S.ktp, paths.ktp(g.schoolId, g.classId)),
          ...ready('assessment.read', school, 'assessments', S.assessments, paths.assessments(g.schoolId, g.classId)),
          ...ready('absenceDocument.enter', cls, 'absence-documents', S.absenceDocuments, absencePaths.screen(g.schoolId, g.classId), S.absenceDocumentsDetail),
          ...corrections('correction.list'),
        );
        break;
      }
      case 'parent': {
        // One card per school for all of a parent's children there; the names come from /me.
        const child = me.children.find((c) => c.studentId === g.studentId && c.schoolId === g.schoolId);
        const c = card(g.role, g.schoolId, schoolName(g.schoolId));
        const own = { ...anyClass, studentId: g.studentId };
        // Each child's diary by name; one «Отметки за период» for all of them (the screen switches between them).
        c.sections.push(...ready('diary.readOwn', own, `child:${g.studentId}`, child ? HOME_TEXT.child(child) : HOME_TEXT.unknownChild, diaryPaths.week(g.studentId), S.diary));
        if (!c.sections.some((s) => s.key === 'period-marks')) c.sections.push(...ready('finalMark.readOwn', own, 'period-marks', S.periodMarks, familyMarksPaths.marks()));
        break;
      }
      case 'student':
        card(g.role, g.schoolId, schoolName(g.schoolId)).sections.push(
          ...ready('diary.readOwn', { ...anyClass, studentId: g.studentId }, 'my-diary', S.myDiary, diaryPaths.week()),
          ...ready('finalMark.readOwn', { ...anyClass, studentId: g.studentId }, 'my-marks', S.periodMarks, familyMarksPaths.marks()),
        );
        break;
      case 'viewer':
        // Read-only access (clause 4.5): the journal of the classes it names, when it names the journal.
        card(g.role, g.schoolId, schoolName(g.schoolId)).sections.push(...ready('journal.listMine', school, 'journal', S.journal, paths.journal(g.schoolId)));
        break;
      default:
        // A role this version of the app does not know yet: nothing to offer, so no card.
        break;
    }
  }

  const result = [...cards.values()];
  // A parent's children from the youngest class up, as a school lists them.
  const gradeOfSection = (s: Section) => {
    const child = me.children.find((c) => `child:${c.studentId}` === s.key);
    return child ? gradeOf(child.className) : 99;
  };
  for (const c of result) {
    if (c.role === 'parent') c.sections.sort((a, b) => gradeOfSection(a) - gradeOfSection(b) || a.title.localeCompare(b.title, 'ru'));
  }
  return result.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.scope.localeCompare(b.scope, 'ru'));
}

/**
 * The schools where the person gives lessons (teacher or class teacher) and may open the journal:
 * the home screen lists their lessons today there, by the server's clock and the school's zone.
 */
export function teachingSchools(me: Me): Array<{ schoolId: string; schoolName: string }> {
  const ids = [...new Set(me.grants.flatMap((g) => ((g.role === 'teacher' || g.role === 'classTeacher') && mayMe(me, 'journal.listMine', { departmentId: me.departmentId, schoolId: g.schoolId }) ? [g.schoolId] : [])))];
  return ids.map((schoolId) => ({ schoolId, schoolName: me.schools.find((s) => s.schoolId === schoolId)?.name ?? HOME_TEXT.schoolFallback(schoolId) }));
}
