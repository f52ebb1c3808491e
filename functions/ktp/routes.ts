import type { RouteSpec } from '../route-spec';

export const ktpRoutes: RouteSpec[] = [];
