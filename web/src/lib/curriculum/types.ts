/**
 * Shapes of the curriculum answers the screens use, inferred from the area's response schemas
 * (functions/curriculum/schemas.ts, the contract the integration tests hold every answer to).
 * Type imports only: no zod reaches the web bundle.
 */
import type { z } from 'zod';
import type {
  classPeriodsResponse,
  curriculumResponse,
  subgroupsResponse,
  subgroupsSaveResponse,
  subjectResponse,
  substituteResponse,
  substitutesResponse,
  teacherLoadResponse,
} from '../../../../functions/curriculum/schemas';

export type CurriculumOverview = z.infer<typeof curriculumResponse>;
export type YearView = CurriculumOverview['year'];
export type ClassOfYear = CurriculumOverview['classes'][number];
export type Teacher = CurriculumOverview['teachers'][number];
export type LoadLine = CurriculumOverview['lines'][number];
export type Subject = z.infer<typeof subjectResponse>;
export type ClassPeriods = z.infer<typeof classPeriodsResponse>;
export type Period = ClassPeriods['periods'][number];

export type TeacherLoadView = z.infer<typeof teacherLoadResponse>;

export type SubgroupsView = z.infer<typeof subgroupsResponse>;
export type SplitSubject = SubgroupsView['subjects'][number];
export type SubgroupsSaved = z.infer<typeof subgroupsSaveResponse>;

export type SubstitutesView = z.infer<typeof substitutesResponse>;
export type SubstituteView = SubstitutesView['substitutes'][number];
/** The answer to assigning a substitute: the assignment without the names the list adds. */
export type SubstituteSaved = z.infer<typeof substituteResponse>;
