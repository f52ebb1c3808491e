/**
 * The archive of stored documents on the screen (issue 14; R-65, R-70; clause 1.8): the API calls,
 * the screen's address, the download links and the texts. The server decides everything; the screen
 * shows its answers (dates as ДД.ММ.ГГГГ) and offers what `may` says.
 */
import type { z } from 'zod';
import type { checksumsResponse, documentResponse, listResponse } from '../../../../functions/archive/schemas';
import { send } from '../api';

export type ArchiveList = z.infer<typeof listResponse>;
export type ArchivedDocumentView = ArchiveList['documents'][number];
export type ChecksumChecks = z.infer<typeof checksumsResponse>;
export type ChecksumState = ChecksumChecks['checks'][number]['original'];

const seg = encodeURIComponent;
const yearApi = (schoolId: string, yearId: string) => `/api/schools/${seg(schoolId)}/archive/${seg(yearId)}`;
/** The document's own address: its docId is `<year>/<period or ->/<class or ->/<kind>`, ids only. */
const docApi = (schoolId: string, d: Pick<ArchivedDocumentView, 'docId'>) => `/api/schools/${seg(schoolId)}/archive/${d.docId.split('/').map(seg).join('/')}`;

export interface ArchiveFilter {
  periodId?: string;
  classId?: string;
  kind?: string;
}

const query = (f: ArchiveFilter) => {
  const q = new URLSearchParams(Object.entries(f).filter(([, v]) => v) as [string, string][]).toString();
  return q ? `?${q}` : '';
};

export const archiveApi = {
  list: (schoolId: string, yearId: string, f: ArchiveFilter) => send<ArchiveList>('GET', `${yearApi(schoolId, yearId)}${query(f)}`),
  checksums: (schoolId: string, yearId: string, f: ArchiveFilter) => send<ChecksumChecks>('GET', `${yearApi(schoolId, yearId)}/checksums${query(f)}`),
  approve: (schoolId: string, d: ArchivedDocumentView) => send<z.infer<typeof documentResponse>>('POST', `${docApi(schoolId, d)}/approval`),
  hold: (schoolId: string, d: ArchivedDocumentView, reason: string) => send<z.infer<typeof documentResponse>>('POST', `${docApi(schoolId, d)}/legal-hold`, { reason }),
  lift: (schoolId: string, d: ArchivedDocumentView, reason: string) => send<z.infer<typeof documentResponse>>('POST', `${docApi(schoolId, d)}/legal-hold/lift`, { reason }),
};

/** A stored file: a plain link the browser saves with the session cookie. */
export const archivedFile = (schoolId: string, d: ArchivedDocumentView, copy: 'original' | 'approved' = 'original') =>
  `${docApi(schoolId, d)}/file${copy === 'approved' ? '?copy=approved' : ''}`;

export const archivePaths = {
  screen: (schoolId: string, yearId?: string) => `/archive?school=${seg(schoolId)}${yearId ? `&year=${seg(yearId)}` : ''}`,
};

/** The first 12 hex digits: enough to compare by eye; the full value is in the approval sheet and the answer. */
export const shortChecksum = (sha256: string) => sha256.slice(0, 12);

export const ARCHIVE_TEXT = {
  title: 'Архив документов',
  intro:
    'Документы, сохранённые при закрытии периодов и года, не изменяются и не удаляются до конца срока хранения: журналы — 5 лет, сводные ведомости — 25 лет (п. 8.6 Положения). Утверждённые директором копии хранит заместитель директора (п. 1.8).',
  denied: 'Архив документов доступен директору и заместителям директора.',
  year: 'Учебный год',
  period: 'Период',
  cls: 'Класс',
  kind: 'Вид документа',
  any: 'Все',
  show: 'Показать',
  none: 'За этот учебный год в архиве нет документов (с такими условиями).',
  caption: 'Документы архива',
  document: 'Документ',
  place: 'Период, класс',
  storedAt: 'Сохранён',
  retainUntil: 'Хранить до',
  checksum: 'Контрольная сумма (SHA-256)',
  approval: 'Утверждение',
  hold: 'Удержание',
  actions: 'Действия',
  download: 'Скачать',
  downloadApproved: 'Утверждённая копия',
  approve: 'Утвердить',
  notApproved: 'не утверждён',
  approvedBy: (on: string, name: string) => `утверждён ${on}, ${name}`,
  wholeYear: 'весь год',
  wholeSchool: 'вся школа',
  held: (reason: string) => `удерживается по спору: ${reason}`,
  notHeld: 'нет',
  setHold: 'Удержать по спору',
  liftHold: 'Снять удержание',
  holdTitle: (title: string) => `Удержание документа «${title}»`,
  liftTitle: (title: string) => `Снятие удержания документа «${title}»`,
  reason: 'Основание',
  reasonHint: 'Например: «Жалоба родителя от 01.12.2026» или «Спор разрешён, решение от 15.12.2026».',
  confirmHold: 'Удержать',
  confirmLift: 'Снять удержание',
  cancel: 'Отмена',
  confirmApprove: (title: string) => `Утвердить документ «${title}»? К документу добавится лист утверждения с вашим именем и сегодняшней датой; отменить утверждение нельзя.`,
  approved: (title: string) => `Документ «${title}» утверждён. Утверждённая копия сохранена рядом с подлинником.`,
  heldDone: (title: string) => `Документ «${title}» удерживается по спору.`,
  liftedDone: (title: string) => `Удержание документа «${title}» снято.`,
  verify: 'Проверить контрольные суммы',
  verifying: 'Проверяем…',
  verifyColumn: 'Проверка',
  verified: (total: number, bad: number) => (bad === 0 ? `Проверено документов: ${total}. Все файлы совпадают с контрольными суммами.` : `Проверено документов: ${total}. Не совпадают или не найдены: ${bad} — сообщите администратору.`),
  states: { ok: 'совпадает', mismatch: 'НЕ совпадает', missing: 'файл не найден' } satisfies Record<ChecksumState, string>,
  approvedCopy: 'утв. копия',
} as const;
