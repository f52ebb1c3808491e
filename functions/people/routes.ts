import type { RouteSpec } from '../route-spec';

export const peopleRoutes: RouteSpec[] = [];
