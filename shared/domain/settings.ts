/**
 * Lock settings of the regulation (R-23, R-32, clause 3.8 and 6.3) as numbers. The department sets
 * them; a school may only make them stricter (shorter), never looser.
 */
export interface LockDays {
  /** Current marks, attendance, topics and work types lock this many days after the lesson. */
  currentMarks: number;
  /** Marks for internal-monitoring practical works. */
  practicalWorks: number;
  /** Written works (essays), grades 10-11. */
  essays: number;
  /** Period and final marks lock this many days after they are set. */
  finalMarks: number;
  /** A lesson should be filled within this many days (a late fill is flagged, not refused). */
  fillWithin: number;
}

export const REGULATION_LOCK_DAYS: LockDays = {
  currentMarks: 10,
  practicalWorks: 7,
  essays: 10,
  finalMarks: 5,
  fillWithin: 2,
};

/** The fields in which a school's value is looser than the department's; empty when it is allowed. */
export function looserThanDepartment(department: LockDays, school: LockDays): Array<keyof LockDays> {
  return (Object.keys(department) as Array<keyof LockDays>).filter((k) => school[k] > department[k]);
}
