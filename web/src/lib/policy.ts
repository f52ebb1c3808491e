/**
 * The server's own policy (shared/auth/policy.ts) asked for the signed-in person, so that a screen
 * offers exactly what the API would allow and the web never re-implements a rule. The server
 * decides in the end; these only choose what to show.
 */
import { may, type Action, type ObjectOf, type SchoolObject } from '../../../shared/auth/policy';
import { ledClassIds, type Principal } from '../../../shared/auth/roles';
import type { Me } from './types';

export const principalOf = (me: Me): Principal => ({ userId: me.userId, departmentId: me.departmentId, displayName: me.displayName, grants: me.grants });

/** `may` for the signed-in person. */
export const mayMe = <A extends Action>(me: Me, action: A, object: ObjectOf<A>): boolean => may(principalOf(me), action, object);

/** A school of the person's department, as the policy's objects name it. */
export const schoolObject = (me: Me, schoolId: string): SchoolObject => ({ departmentId: me.departmentId, schoolId });

/** A class of that school; '' for "no class in particular": only school-wide roles then count. */
export const classObject = (me: Me, schoolId: string, classId = '') => ({ ...schoolObject(me, schoolId), classId });

/** The classes the person leads in a school (their class-teacher grants). */
export const ledClasses = (me: Me, schoolId: string): string[] => ledClassIds(principalOf(me), schoolId);

/**
 * The person's schools where they may perform a school-wide action, in the order of the grants
 * that allow it (each grant asked alone, as the home screen's cards are).
 */
export function schoolsWhere(me: Me, action: { [A in Action]: ObjectOf<A> extends SchoolObject ? (SchoolObject extends ObjectOf<A> ? A : never) : never }[Action]): string[] {
  const ids = me.grants.flatMap((g) => ('schoolId' in g && mayMe({ ...me, grants: [g] }, action, schoolObject(me, g.schoolId) as never) ? [g.schoolId] : []));
  return [...new Set(ids)];
}
