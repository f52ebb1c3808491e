import type { RouteSpec } from '../route-spec';

export const timetableRoutes: RouteSpec[] = [];
