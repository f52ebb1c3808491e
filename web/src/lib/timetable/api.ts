/** The timetable routes (functions/timetable/routes.ts). */
import { send } from '../api';
import type { ChangeView, ClassWeek, Regeneration, Slot, TeacherWeek } from './types';

const seg = encodeURIComponent;
const tt = (schoolId: string, yearId: string) => `/api/schools/${seg(schoolId)}/years/${seg(yearId)}/timetable`;

export const timetableApi = {
  ofClass: (schoolId: string, yearId: string, classId: string) => send<ClassWeek>('GET', `${tt(schoolId, yearId)}/classes/${seg(classId)}`),
  ofTeacher: (schoolId: string, yearId: string, teacherId: string) => send<TeacherWeek>('GET', `${tt(schoolId, yearId)}/teachers/${seg(teacherId)}`),
  addSlot: (schoolId: string, yearId: string, body: unknown) => send<Slot>('POST', `${tt(schoolId, yearId)}/slots`, body),
  changeSlot: (schoolId: string, yearId: string, slotId: string, body: unknown) => send<Slot>('PUT', `${tt(schoolId, yearId)}/slots/${seg(slotId)}`, body),
  removeSlot: (schoolId: string, yearId: string, slot: Pick<Slot, 'slotId' | 'version'>) =>
    send<void>('DELETE', `${tt(schoolId, yearId)}/slots/${seg(slot.slotId)}?version=${slot.version}`),
  changes: (schoolId: string, yearId: string, from: string, to: string, classId?: string) =>
    send<{ changes: ChangeView[] }>('GET', `${tt(schoolId, yearId)}/changes?from=${seg(from)}&to=${seg(to)}${classId ? `&classId=${seg(classId)}` : ''}`),
  addChange: (schoolId: string, yearId: string, body: unknown) => send<{ change: ChangeView; lessons: Regeneration[] }>('POST', `${tt(schoolId, yearId)}/changes`, body),
  removeChange: (schoolId: string, yearId: string, c: Pick<ChangeView, 'changeId' | 'version'>) =>
    send<{ lessons: Regeneration[] }>('DELETE', `${tt(schoolId, yearId)}/changes/${seg(c.changeId)}?version=${c.version}`),
  generate: (schoolId: string, yearId: string, body: { periodId: string; classIds?: string[]; from?: string }) =>
    send<{ results: Regeneration[]; skipped: string[] }>('POST', `/api/schools/${seg(schoolId)}/years/${seg(yearId)}/lessons/generate`, body),
};
