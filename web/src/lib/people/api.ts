/** The people area's routes (functions/people/routes.ts), through the app's one client. */
import { send } from '../api';
import type { CardSaved, ClassPage, ClassRecord, ImportPreview, ImportResult, MovementList, MovementSaved, ParentLinked, SheetResult, StaffMember, StudentFull } from './types';

const school = (schoolId: string) => `/api/schools/${encodeURIComponent(schoolId)}`;
const seg = encodeURIComponent;

export const peopleApi = {
  createClass: (schoolId: string, body: { grade: number; letter: string; classTeacherId?: string }) => send<ClassRecord>('POST', `${school(schoolId)}/classes`, body),
  classPage: (schoolId: string, classId: string) => send<ClassPage>('GET', `${school(schoolId)}/classes/${seg(classId)}`),
  setClassTeacher: (schoolId: string, classId: string, version: number, classTeacherId: string | null) =>
    send<ClassRecord>('PATCH', `${school(schoolId)}/classes/${seg(classId)}`, { version, classTeacherId }),

  createStudent: (schoolId: string, body: Record<string, unknown>) => send<CardSaved>('POST', `${school(schoolId)}/students`, body),
  student: (schoolId: string, studentId: string) => send<StudentFull>('GET', `${school(schoolId)}/students/${seg(studentId)}/card`),
  updateStudent: (schoolId: string, studentId: string, body: Record<string, unknown>) => send<CardSaved>('PATCH', `${school(schoolId)}/students/${seg(studentId)}`, body),
  recordConsent: (schoolId: string, studentId: string, body: { version: number; date: string; document: string }) =>
    send<CardSaved>('POST', `${school(schoolId)}/students/${seg(studentId)}/consent`, body),
  linkParent: (schoolId: string, studentId: string, body: { version: number; parent: Record<string, string> }) =>
    send<ParentLinked>('POST', `${school(schoolId)}/students/${seg(studentId)}/parents`, body),
  unlinkParent: (schoolId: string, studentId: string, userId: string, version: number) =>
    send<CardSaved>('DELETE', `${school(schoolId)}/students/${seg(studentId)}/parents/${seg(userId)}?version=${version}`),
  searchParents: (schoolId: string, q: string) =>
    send<{ parents: Array<{ userId: string; login: string; displayName: string; children: number }> }>('GET', `${school(schoolId)}/parents?q=${seg(q)}`),
  recordMovement: (schoolId: string, studentId: string, body: Record<string, unknown>) =>
    send<MovementSaved>('POST', `${school(schoolId)}/students/${seg(studentId)}/movements`, body),
  movements: (schoolId: string, from?: string, to?: string) => {
    const q = new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) }).toString();
    return send<MovementList>('GET', `${school(schoolId)}/movements${q ? `?${q}` : ''}`);
  },

  staff: (schoolId: string) => send<{ staff: StaffMember[] }>('GET', `${school(schoolId)}/staff`),
  createStaff: (schoolId: string, body: Record<string, unknown>) => send<{ staff: StaffMember }>('POST', `${school(schoolId)}/staff`, body),
  updateStaff: (schoolId: string, userId: string, body: Record<string, unknown>) => send<{ staff: StaffMember }>('PATCH', `${school(schoolId)}/staff/${seg(userId)}`, body),
  grantTemporary: (schoolId: string, body: Record<string, unknown>) => send<{ staff: StaffMember }>('POST', `${school(schoolId)}/temporary-access`, body),

  previewImport: (schoolId: string, body: { fileName: string; contentBase64: string; classId?: string }) => send<ImportPreview>('POST', `${school(schoolId)}/imports`, body),
  applyImport: (schoolId: string, importId: string, version: number, skipRejected: boolean) =>
    send<ImportResult>('POST', `${school(schoolId)}/imports/${seg(importId)}/apply`, { version, skipRejected }),

  classSheet: (schoolId: string, classId: string, body: { kinds?: Array<'student' | 'parent'>; onlyNew?: boolean }) =>
    send<SheetResult>('POST', `${school(schoolId)}/classes/${seg(classId)}/activation-sheet`, body),
  staffSheet: (schoolId: string, body: { userIds?: string[]; onlyNew?: boolean }) => send<SheetResult>('POST', `${school(schoolId)}/staff/activation-sheet`, body),
};
