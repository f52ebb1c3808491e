/**
 * Schemas shared by every area. Each area keeps its own request and response schemas in
 * functions/<area>/schemas.ts (zod); requests are validated with them and the OpenAPI description is
 * generated from them. Error messages are Russian: the UI shows them as they are.
 */
import * as z from 'zod';

export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
