/** The ktp area's routes as the screens use them; every call goes through `send` of $lib/api. */
import { send } from '../api';
import type { ImportResult, KtpList, KtpRef, KtpRow, KtpView } from './types';

const seg = encodeURIComponent;
const yearPath = (schoolId: string, yearId: string) => `/api/schools/${seg(schoolId)}/years/${seg(yearId)}`;
const ktpPath = (r: KtpRef) => `${yearPath(r.schoolId, r.yearId)}/ktp/${seg(r.classId)}/${seg(r.subjectId)}/${seg(r.groupId)}`;

export const ktpApi = {
  mine: (schoolId: string, yearId: string) => send<KtpList>('GET', `${yearPath(schoolId, yearId)}/ktp`),
  ofClass: (schoolId: string, yearId: string, classId: string) => send<KtpList>('GET', `${yearPath(schoolId, yearId)}/classes/${seg(classId)}/ktp`),
  get: (r: KtpRef) => send<KtpView>('GET', ktpPath(r)),
  save: (r: KtpRef, version: number, rows: KtpRow[]) => send<KtpView>('PUT', ktpPath(r), { version, rows }),
  importFile: (r: KtpRef, body: { fileName: string; content: string; apply: boolean; version: number }) =>
    send<ImportResult>('POST', `${ktpPath(r)}/import`, body),
  approve: (r: KtpRef, version: number) => send<KtpView>('POST', `${ktpPath(r)}/approve`, { version }),
  reopen: (r: KtpRef, version: number, reason: string) => send<KtpView>('POST', `${ktpPath(r)}/reopen`, { version, reason }),
};
