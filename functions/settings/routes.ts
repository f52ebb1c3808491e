import type { RouteSpec } from '../route-spec';

export const settingsRoutes: RouteSpec[] = [];
