/** The objects that authorisation checks apply to; each carries its school, so tenancy is part of every check. */
import type { Principal } from '../roles';

export interface SchoolObject {
  departmentId: string;
  schoolId: string;
}
export interface ClassObject extends SchoolObject {
  classId: string;
}
export interface StudentObject extends ClassObject {
  studentId: string;
}
/** An account that an activation code is issued for. */
export interface AccountTarget extends SchoolObject {
  kind: 'staff' | 'student' | 'parent';
  /** The class of the student (or of the parent's child); absent for staff. */
  classId?: string;
}


/** One rule per action: may this principal do the action to this object? */
export type Rules<O> = { [A in keyof O]: (p: Principal, o: O[A]) => boolean };

/**
 * What an action needs of the school alone, whatever its object: checked before the object is
 * loaded, so that a caller who can never pass costs no read and learns nothing about the route.
 */
export interface Precondition {
  rule: (p: Principal, school: SchoolObject) => boolean;
  refusal: string;
}
export type Preconditions<O> = { [A in keyof O]?: Precondition };
