/**
 * Shapes of the curriculum and timetable answers the screens use; the contract is
 * functions/curriculum/schemas.ts and functions/timetable/schemas.ts (type imports only).
 */
import type { LoadGroup, LoadLine, Subject, SubgroupSet, SubstituteAssignment, TeacherLoad } from '../../../../shared/domain/curriculum';
import type { Period, PeriodSet, Holiday } from '../../../../shared/domain/year';

export type { LoadGroup, LoadLine, Period, Subject, SubgroupSet, SubstituteAssignment };

export interface Teacher {
  userId: string;
  name: string;
  shortName: string;
  position?: string;
}

export interface ClassOfYear {
  classId: string;
  name: string;
  grade: number;
  classTeacherId?: string;
}

export interface CurriculumOverview {
  year: { yearId: string; startDate: string; endDate: string; periodSets: PeriodSet[]; holidays: Holiday[] };
  classes: ClassOfYear[];
  subjects: Subject[];
  teachers: Teacher[];
  lines: LoadLine[];
}

export interface TeacherLoadView {
  teacher: Teacher;
  hoursPerWeek: number;
  load: Array<TeacherLoad & { className: string; subjectName: string }>;
}

export interface SplitSubject {
  subjectId: string;
  subjectName: string;
  groups: LoadGroup[];
  subgroups: SubgroupSet | null;
  unassigned: string[];
}

export interface SubgroupsView {
  class: ClassOfYear;
  period: Period;
  students: Array<{ studentId: string; name: string }>;
  subjects: SplitSubject[];
}

export interface SubstituteView extends SubstituteAssignment {
  substituteId: string;
  subjectName: string;
  teacherName: string;
  absentTeacherName?: string;
}

export interface SubstitutesView {
  class: { classId: string; name: string; classTeacherId?: string };
  period: Period;
  lines: Array<{ subjectId: string; subjectName: string; teacherId?: string; groups?: LoadGroup[] }>;
  substitutes: SubstituteView[];
}

export interface YearView {
  yearId: string;
  startDate: string;
  endDate: string;
  periodSets: PeriodSet[];
  holidays: Holiday[];
}
