/**
 * The app shell's menu: the home screen's working sections (web/src/lib/home.ts, each offered only
 * when the server's `may` lets the card's role act there), grouped per role, for the school the
 * person is looking at; plus the screens the home cards do not name, under the same `may` rules:
 * every class's journal for the director and deputy, the journal for a class teacher. (The
 * department's schools, with each school's settings, are one item of its card: «Школы управления»,
 * so the menu stays short for a department of many schools.) Breadcrumbs are the menu item the current address lies under.
 */
import { may } from '../../../../shared/auth/policy';
import { ROLE_TITLES, type Principal, type RoleGrant } from '../../../../shared/auth/roles';
import { sectionsFor, type HomeContext } from '../home';
import { diaryPaths } from '../diary/paths';
import { communicationItems } from '../messages/menu';
import { paths } from '../paths';
import { finalMarksPaths } from '../period-marks/paths';
import { familyMarksPaths } from '../what-if/paths';
import type { Me, Role, SchoolRef } from '../types';

export const MENU_TEXT = {
  menu: 'Меню',
  skip: 'Перейти к содержанию',
  sections: 'Разделы',
  open: 'Открыть меню',
  close: 'Закрыть меню',
  home: 'Главная',
  school: 'Школа',
  roles: 'Ваши роли',
  breadcrumbs: 'Вы здесь',
  classJournals: 'Журналы всех классов',
  journal: 'Классный журнал',
  finalMarks: 'Итоговые отметки',
  periodMarks: 'Отметки за период',
  diary: 'Дневник',
} as const;

export interface MenuItem {
  key: string;
  title: string;
  href: string;
  /** The school whose correction requests waiting for the person the item's badge counts (issue 11 item 7). */
  waitingIn?: string;
  /** The school whose overdue paper reports the item's badge counts. */
  overdueIn?: string;
  /** The school whose unread messages the item's badge counts (issue 12, item 2). */
  unreadIn?: string;
}

export interface MenuGroup {
  key: string;
  role: Role;
  /** The role's Russian title, and where it applies (a class, the department). */
  title: string;
  scope: string;
  items: MenuItem[];
}

export interface Crumb {
  title: string;
  href: string;
}

/** The schools the person works in through a role, by the name /me gives them. */
export function schoolsOf(me: Me): SchoolRef[] {
  const ids = [...new Set(me.grants.flatMap((g) => ('schoolId' in g ? [g.schoolId] : [])))];
  return ids.map((schoolId) => me.schools.find((s) => s.schoolId === schoolId) ?? { schoolId, name: schoolId });
}

/**
 * The school a screen is about: the one its address names (`?school=`, `/people/<id>`,
 * `/schools/<id>`) if the person works there, else the one they chose last, else their first.
 */
export function currentSchool(me: Me, url: Pick<URL, 'pathname' | 'searchParams'>, remembered?: string | null): string | null {
  const mine = schoolsOf(me).map((s) => s.schoolId);
  const inPath = /^\/(?:people|schools)\/([^/]+)/.exec(url.pathname)?.[1];
  for (const asked of [url.searchParams.get('school'), inPath ? decodeURIComponent(inPath) : null, remembered]) {
    if (asked && mine.includes(asked)) return asked;
  }
  return mine[0] ?? null;
}

/**
 * The class tables of period, year and final marks and the early warnings (issue 10): for a role
 * that may read a class's table, asked of the class it leads (class teacher), a class it teaches
 * (teacher) or any class (administration).
 */
function finalMarksItem(me: Me, p: Principal, g: RoleGrant & { schoolId: string }): MenuItem[] {
  const cls = { departmentId: me.departmentId, schoolId: g.schoolId, classId: 'classId' in g ? g.classId : '', teacherIds: g.role === 'teacher' ? [me.userId] : [] };
  return may(p, 'finalMark.readClass', cls) ? [{ key: 'final-marks', title: MENU_TEXT.finalMarks, href: finalMarksPaths.index(g.schoolId) }] : [];
}

/** Screens reached from a list rather than from a home card, under the server's rules for the role. */
function extraItems(me: Me, g: RoleGrant): MenuItem[] {
  const p: Principal = { userId: me.userId, departmentId: me.departmentId, displayName: me.displayName, grants: [g] };
  switch (g.role) {
    case 'director':
    case 'deputy':
      // The list of every class's subjects, each opening its journal (read-only for them).
      return [
        ...(may(p, 'journal.listMine', { departmentId: me.departmentId, schoolId: g.schoolId })
          ? [{ key: 'class-journals', title: MENU_TEXT.classJournals, href: paths.journal(g.schoolId) }]
          : []),
        ...finalMarksItem(me, p, g),
      ];
    case 'classTeacher':
      return [
        ...(may(p, 'journal.listMine', { departmentId: me.departmentId, schoolId: g.schoolId })
          ? [{ key: 'journal', title: MENU_TEXT.journal, href: paths.journal(g.schoolId) }]
          : []),
        ...finalMarksItem(me, p, g),
      ];
    case 'teacher':
      return finalMarksItem(me, p, g);
    case 'student':
    case 'parent': {
      // One screen each for all of a parent's children (they choose inside); the home card names each child.
      const own = { departmentId: me.departmentId, schoolId: g.schoolId, classId: '', studentId: g.studentId };
      return [
        ...(may(p, 'diary.readOwn', own) ? [{ key: 'diary', title: MENU_TEXT.diary, href: diaryPaths.week() }] : []),
        ...(may(p, 'finalMark.readOwn', own) ? [{ key: 'period-marks', title: MENU_TEXT.periodMarks, href: familyMarksPaths.marks() }] : []),
      ];
    }
    default:
      return [];
  }
}

/**
 * The menu for the school being looked at (`schoolId`; the department's group in any case): one
 * group per home card, each link once (a class teacher who also teaches sees «Классный журнал» once).
 */
export function menuFor(me: Me, schoolId: string | null, ctx: HomeContext = {}): MenuGroup[] {
  const groups = new Map<string, MenuGroup>();
  const seen = new Set<string>();
  const grants = me.grants.filter((g) => !('schoolId' in g) || g.schoolId === schoolId);
  // sectionsFor orders the cards (senior roles first); one grant at a time tells which grant gave which card.
  const order = sectionsFor({ ...me, grants }, ctx).map((c) => c.key);
  for (const g of grants) {
    for (const card of sectionsFor({ ...me, grants: [g] }, ctx)) {
      let group = groups.get(card.key);
      if (!group) {
        group = { key: card.key, role: card.role, title: card.title, scope: card.scope, items: [] };
        groups.set(card.key, group);
      }
      const working = card.sections.flatMap((s) => (s.href ? [{ key: s.key, title: s.title, href: s.href, ...(s.waitingIn ? { waitingIn: s.waitingIn } : {}), ...(s.overdueIn ? { overdueIn: s.overdueIn } : {}) }] : []));
      const extras = extraItems(me, g);
      // The journal leads a school group (what its staff open most); a school's settings follow the department's own.
      group.items.push(...(g.role === 'department' ? [...working, ...extras] : [...extras, ...working, ...communicationItems(g)]));
    }
  }
  const result = order.flatMap((key) => {
    const group = groups.get(key);
    return group ? [group] : [];
  });
  for (const group of result) {
    group.items = group.items.filter((item) => !seen.has(item.href) && seen.add(item.href));
  }
  return result.filter((group) => group.items.length > 0);
}

/** The role titles of the person, for the header: each once, in the menu's order. */
export function roleTitles(me: Me, schoolId: string | null): string[] {
  const grants = me.grants.filter((g) => !('schoolId' in g) || g.schoolId === schoolId);
  return [...new Set(sectionsFor({ ...me, grants }).map((c) => ROLE_TITLES[c.role]))];
}

function addressOf(href: string): { pathname: string; params: URLSearchParams } {
  const q = href.indexOf('?');
  return q < 0 ? { pathname: href, params: new URLSearchParams() } : { pathname: href.slice(0, q), params: new URLSearchParams(href.slice(q + 1)) };
}

/** How well a menu item covers the address: 2 it is the screen, 1 the screen lies under it, 0 neither. */
function cover(item: MenuItem, url: Pick<URL, 'pathname' | 'searchParams'>): number {
  const { pathname, params } = addressOf(item.href);
  const school = params.get('school');
  // The menu is already the current school's; an address naming another school is not under it.
  if (school && url.searchParams.has('school') && url.searchParams.get('school') !== school) return 0;
  if (pathname === url.pathname) return [...params].every(([k, v]) => url.searchParams.get(k) === v) ? 2 : 1;
  return url.pathname.startsWith(`${pathname}/`) ? 1 : 0;
}

/** The menu item the current screen is, if any (marked `aria-current` in the menu). */
export function currentItem(groups: MenuGroup[], url: Pick<URL, 'pathname' | 'searchParams'>): MenuItem | null {
  let best: { item: MenuItem; score: number; length: number } | null = null;
  for (const item of groups.flatMap((g) => g.items)) {
    const score = cover(item, url);
    const length = item.href.length;
    if (score > 0 && (!best || score > best.score || (score === best.score && length > best.length))) best = { item, score, length };
  }
  return best?.item ?? null;
}

/**
 * The way back from the current screen: home, then the menu item the screen lies under (when the
 * screen is not that item itself), then the screens between it and this one that the screen names
 * itself (`trail`, e.g. a student's class). Empty on the home screen.
 */
export function breadcrumbs(groups: MenuGroup[], url: Pick<URL, 'pathname' | 'searchParams'>, trail: Crumb[] = []): Crumb[] {
  if (url.pathname === paths.home) return [];
  const crumbs: Crumb[] = [{ title: MENU_TEXT.home, href: paths.home }];
  const item = currentItem(groups, url);
  if (item && cover(item, url) === 1) crumbs.push({ title: item.title, href: item.href });
  for (const step of trail) if (!crumbs.some((c) => c.href === step.href)) crumbs.push(step);
  return crumbs;
}
