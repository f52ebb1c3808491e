/**
 * The correction requests' routes as the screens use them (functions/corrections/routes.ts); every
 * call goes through `send` of $lib/api. Types are inferred from the server's response schemas,
 * which the integration tests hold every answer to; type imports only, no zod in the bundle.
 */
import type { z } from 'zod';
import type { waitingResponse } from '../../../../functions/corrections/count-schemas';
import type { correctionResponse, fileBody, registerResponse } from '../../../../functions/corrections/schemas';
import type { CorrectionDocument } from '../../../../shared/domain/corrections';
import { send } from '../api';

const seg = encodeURIComponent;
const school = (schoolId: string) => `/api/schools/${seg(schoolId)}`;
const register = (schoolId: string, yearId: string) => `${school(schoolId)}/years/${seg(yearId)}/corrections`;

export type Correction = z.infer<typeof correctionResponse>['correction'];
export type RegisterView = z.infer<typeof registerResponse>;
export type Waiting = z.infer<typeof waitingResponse>;
export type FileBody = z.input<typeof fileBody>;
export type Scope = Correction['cells'];
export type ScopeCell = Scope[number];

export const correctionsApi = {
  waiting: (schoolId: string) => send<Waiting>('GET', `${school(schoolId)}/corrections/waiting`),
  register: (schoolId: string, yearId: string, filter: { state?: string; classId?: string } = {}) => {
    const q = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1])).toString();
    return send<RegisterView>('GET', `${register(schoolId, yearId)}${q ? `?${q}` : ''}`);
  },
  one: (schoolId: string, yearId: string, num: number) => send<{ correction: Correction }>('GET', `${register(schoolId, yearId)}/${num}`),
  file: (schoolId: string, classId: string, body: FileBody) => send<{ correction: Correction }>('POST', `${school(schoolId)}/classes/${seg(classId)}/corrections`, body),
  decide: (c: Pick<Correction, 'schoolId' | 'yearId' | 'number' | 'version'>, decision: 'approve' | 'reject' | 'dispute', comment: string) =>
    send<{ correction: Correction }>('POST', `${register(c.schoolId, c.yearId)}/${c.number}/decision`, { decision, version: c.version, ...(comment.trim() ? { comment } : {}) }),
  departmentDecide: (c: Pick<Correction, 'schoolId' | 'yearId' | 'number' | 'version'>, decision: 'approve' | 'reject', document: CorrectionDocument, comment: string) =>
    send<{ correction: Correction }>('POST', `${register(c.schoolId, c.yearId)}/${c.number}/department-decision`, { decision, document, version: c.version, ...(comment.trim() ? { comment } : {}) }),
  /**
   * The deputy enters the whole scope in one action (clause 7.4): exactly the request's cells, with
   * an idempotency key so that a retry after a lost answer is safe.
   */
  enter: (c: Pick<Correction, 'schoolId' | 'yearId' | 'number' | 'version' | 'cells'>, requestId: string) =>
    send<{ correction: Correction }>('POST', `${register(c.schoolId, c.yearId)}/${c.number}/entry`, { cells: c.cells, version: c.version, requestId }),
};
