import type { RouteSpec } from '../route-spec';

export const curriculumRoutes: RouteSpec[] = [];
