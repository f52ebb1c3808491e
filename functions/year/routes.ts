import type { RouteSpec } from '../route-spec';

export const yearRoutes: RouteSpec[] = [];
