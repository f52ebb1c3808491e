/** The journal area's routes as the screens use them; every call goes through `send` of $lib/api. */
import { send } from '../api';
import type { AbsenceReason, AttendanceKind, AttendanceView, ChangeLog, ClassDay, EntryResult, Exam, ExamKind, ExamList, IndividualHomework, JournalPage, KtpTopics, LessonContent, MarkView, MyJournals } from './types';

const seg = encodeURIComponent;
const school = (schoolId: string) => `/api/schools/${seg(schoolId)}`;
const period = (schoolId: string, classId: string, periodId: string) => `${school(schoolId)}/classes/${seg(classId)}/periods/${seg(periodId)}`;

export interface Place {
  schoolId: string;
  classId: string;
  periodId: string;
  subjectId: string;
}

const subject = (p: Place) => `${period(p.schoolId, p.classId, p.periodId)}/subjects/${seg(p.subjectId)}`;

export interface MarkBody {
  lessonId: string;
  studentId: string;
  workType: string;
  value: number | null;
  comment?: string | null;
  version: number;
  requestId: string;
}

export interface AttendanceBody {
  lessonId: string;
  studentId: string;
  kind: AttendanceKind | null;
  reason?: AbsenceReason | null;
  version: number;
  requestId: string;
}

export interface LessonBody {
  topic?: string;
  studied?: string;
  workTypes?: string[];
  homework?: string;
  individualHomework?: IndividualHomework[];
  version: number;
  requestId: string;
}

export const journalApi = {
  subjects: (schoolId: string) => send<{ subjects: Array<{ subjectId: string; name: string }> }>('GET', `${school(schoolId)}/subjects`),
  mine: (schoolId: string) => send<MyJournals>('GET', `${school(schoolId)}/journal`),
  page: (p: Place, groupId?: string | null) => send<JournalPage>('GET', `${subject(p)}/journal${groupId ? `?group=${seg(groupId)}` : ''}`),
  ktpTopics: (p: Place, groupId?: string | null) => send<KtpTopics>('GET', `${subject(p)}/ktp-topics${groupId ? `?group=${seg(groupId)}` : ''}`),
  mark: (p: Place, body: MarkBody) => send<EntryResult<MarkView>>('PUT', `${subject(p)}/marks`, body),
  attendance: (p: Place, body: AttendanceBody) => send<EntryResult<AttendanceView>>('PUT', `${subject(p)}/attendance`, body),
  lesson: (p: Place, lessonId: string, body: LessonBody) => send<EntryResult<LessonContent>>('PUT', `${subject(p)}/lessons/${seg(lessonId)}`, body),
  reason: (p: Place, body: { lessonId: string; studentId: string; reason: AbsenceReason; document: string; version: number; requestId: string }) =>
    send<EntryResult<AttendanceView>>('PUT', `${subject(p)}/absence-reasons`, body),
  changeLog: (schoolId: string, classId: string, periodId: string, subjectId?: string) =>
    send<ChangeLog>('GET', `${period(schoolId, classId, periodId)}/change-log${subjectId ? `?subject=${seg(subjectId)}` : ''}`),
  classDay: (schoolId: string, classId: string, range: { from?: string; to?: string } = {}) => {
    const q = new URLSearchParams(Object.entries(range).filter((e): e is [string, string] => !!e[1])).toString();
    return send<ClassDay>('GET', `${school(schoolId)}/classes/${seg(classId)}/lessons-check${q ? `?${q}` : ''}`);
  },
  exams: (schoolId: string, classId: string) => send<ExamList>('GET', `${school(schoolId)}/classes/${seg(classId)}/external-assessments`),
  saveExam: (schoolId: string, classId: string, body: { studentId: string; kind: ExamKind; subjectId: string; date: string; score?: number | null; mark?: number | null; version: number }) =>
    send<Exam>('PUT', `${school(schoolId)}/classes/${seg(classId)}/external-assessments`, body),
  removeExam: (schoolId: string, classId: string, e: Pick<Exam, 'studentId' | 'date' | 'kind' | 'subjectId' | 'version'>) =>
    send<void>('DELETE', `${school(schoolId)}/classes/${seg(classId)}/external-assessments/${seg(e.studentId)}/${seg(`${e.date}.${e.kind}.${e.subjectId}`)}?version=${e.version}`),
};
