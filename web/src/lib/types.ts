/**
 * Shapes of the API's answers that the screens use, inferred from the response schemas the server
 * is held to (functions/<area>/schemas.ts; the integration tests validate every answer against
 * them): one definition per shape. Only type imports cross into the server code, so nothing of it
 * is bundled.
 */
import type { z } from 'zod';
import type { Role, RoleGrant } from '../../../shared/auth/roles';
import type { LockDays } from '../../../shared/domain/settings';
import type { issuedCodeResponse, loginRegisterResponse, meResponse, sessionResponse } from '../../../functions/auth/schemas';
import type { classListResponse, departmentSettingsResponse, studentListResponse } from '../../../functions/school/schemas';

export type { LockDays, Role, RoleGrant };

/** GET /api/me, and the answer of sign-in and activation. */
export type Me = z.infer<typeof meResponse>;
export type Child = Me['children'][number];
export type SchoolRef = Me['schools'][number];

export type ClassSummary = z.infer<typeof classListResponse>['classes'][number];
export type StudentListItem = z.infer<typeof studentListResponse>['students'][number];
export type LoginRegisterEntry = z.infer<typeof loginRegisterResponse>['entries'][number];
export type IssuedCode = z.infer<typeof issuedCodeResponse>;
/** The session's idle and password times (GET /api/auth/session, POST /api/auth/reauth). */
export type SessionTimes = z.infer<typeof sessionResponse>;
export type DepartmentSettings = z.infer<typeof departmentSettingsResponse>;
