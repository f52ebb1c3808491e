/** The answer of the correction requests' notification counts (issue 11 item 7; ./counts.ts). */
import * as z from 'zod';

const count = z.number().int().min(0);

export const waitingResponse = z.object({ yearId: z.string(), toDecide: count, toRecord: count, toEnter: count, decidedMine: count, total: count });
