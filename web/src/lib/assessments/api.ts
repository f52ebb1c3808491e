/** The assessment schedule's routes as the screen uses them; every call goes through `send` of $lib/api. */
import { send } from '../api';
import type { Saved, Schedule } from './types';

const seg = encodeURIComponent;
const base = (schoolId: string, yearId: string) => `/api/schools/${seg(schoolId)}/years/${seg(yearId)}/assessments`;
const at = (schoolId: string, yearId: string, e: { classId: string; date: string; subjectId: string }) =>
  `${base(schoolId, yearId)}/${seg(e.classId)}/${seg(e.date)}/${seg(e.subjectId)}`;

export interface NewAssessment {
  halfId: string;
  classId: string;
  subjectId: string;
  date: string;
  kind: string;
  title?: string;
}

export const assessmentApi = {
  schedule: (schoolId: string, yearId: string, halfId: string, classId?: string) =>
    send<Schedule>('GET', `${base(schoolId, yearId)}?half=${seg(halfId)}${classId ? `&classId=${seg(classId)}` : ''}`),
  add: (schoolId: string, yearId: string, body: NewAssessment) => send<Saved>('POST', base(schoolId, yearId), body),
  change: (schoolId: string, yearId: string, e: { classId: string; date: string; subjectId: string }, body: { version: number; date: string; kind: string; title?: string }) =>
    send<Saved>('PUT', at(schoolId, yearId, e), body),
  remove: (schoolId: string, yearId: string, e: { classId: string; date: string; subjectId: string; version: number }) =>
    send<void>('DELETE', `${at(schoolId, yearId, e)}?version=${e.version}`),
};
