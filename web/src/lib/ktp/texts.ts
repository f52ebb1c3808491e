/** Every text of the KTP screens, in one place. */
import { countOf } from '../../../../shared/domain/calendar';
import { formatDate, formatDateTime } from '../format';
import { yearLabel } from './common';
import type { HoursCheck, KtpHeader } from './types';

export const KTP_TEXT = {
  listTitle: 'Календарно-тематическое планирование',
  mine: (yearId: string) => `Мои КТП на ${yearLabel(yearId)} учебный год`,
  classKtps: 'КТП классов',
  intro: (startsOn: string) =>
    `КТП составляется до начала учебного года (${formatDate(startsOn)}); количество часов в нём должно соответствовать учебному плану (п. 5 Положения). Заместитель директора проверяет и утверждает КТП.`,
  noLoad: 'В учебном плане на этот год за вами не закреплено ни одного класса и предмета.',
  noClassLoad: 'В учебном плане этого класса пока нет предметов.',
  chooseClass: 'Класс',
  show: 'Показать',
  columns: { cls: 'Класс', subject: 'Предмет', perWeek: 'Часов в неделю', teacher: 'Учитель', state: 'КТП', check: 'Проверка часов' },
  group: (name: string) => ` (${name})`,
  notMade: 'не составлен',
  draft: 'черновик',
  approved: 'утверждён',
  approvedBy: (k: Pick<KtpHeader, 'approvedByName' | 'approvedAt'>) =>
    `Утверждён${k.approvedByName ? `: ${k.approvedByName}` : ''}${k.approvedAt ? `, ${formatDateTime(k.approvedAt)}` : ''}`,
  topics: (n: number) => countOf(n, ['тема', 'темы', 'тем']),
  open: 'Открыть',
  schedule: 'График оценочных процедур',
  checkLabel: { ok: 'совпадает', warning: 'есть замечание', mismatch: 'не совпадает' } as Record<HoursCheck['status'], string>,

  editorTitle: (k: Pick<KtpHeader, 'subjectName' | 'className' | 'groupName'>) => `КТП: ${k.subjectName}, ${k.className}${k.groupName ? `, ${k.groupName}` : ''}`,
  teachers: 'Учитель',
  perWeek: 'Часов в неделю по учебному плану',
  lastSaved: (k: Pick<KtpHeader, 'updatedByName' | 'updatedAt'>) => `Последнее изменение: ${k.updatedByName ?? '—'}, ${formatDateTime(k.updatedAt)}`,
  hoursCheck: 'Проверка часов',
  draftState: 'Черновик: КТП ещё не утверждён заместителем директора.',
  approvedReadOnly: 'КТП утверждён и доступен только для чтения. Чтобы изменить его, попросите заместителя директора вернуть КТП на доработку.',
  readOnly: 'Вы просматриваете КТП: изменять его может учитель этого класса и предмета.',
  rowsTitle: 'Темы',
  rowColumns: { n: '№', lessons: 'Уроки', title: 'Тема урока / раздел', hours: 'Часы', actions: 'Действия' },
  section: 'Раздел',
  sectionPlaceholder: 'Название раздела',
  topicPlaceholder: 'Тема урока',
  addTopic: '+ Тема',
  addSection: '+ Раздел',
  up: 'Выше',
  down: 'Ниже',
  remove: 'Удалить',
  rowLabel: (i: number, what: string) => `Строка ${i + 1}: ${what}`,
  noRows: 'В КТП пока нет тем. Добавьте их вручную или загрузите из файла.',
  save: 'Сохранить КТП',
  saving: 'Сохраняем…',
  saved: 'КТП сохранён.',
  unsaved: 'Есть несохранённые изменения.',
  nonRussian: 'Тема без русских букв: по п. 5 Положения записи ведутся на русском языке.',
  conflict: 'Пока вы редактировали, КТП изменил другой пользователь. Загрузите текущую версию: ваши изменения придётся внести снова.',
  reload: 'Загрузить текущую версию',

  importTitle: 'Загрузить из файла',
  importHint:
    'Файл XLSX или CSV (UTF-8 или Windows-1251, разделитель «;» или «,») с графами «№», «Тема урока», «Кол-во часов» и, по желанию, «Раздел». Сначала вы увидите, что получится, и только потом КТП будет заменён.',
  chooseFile: 'Файл КТП',
  preview: 'Проверить файл',
  previewing: 'Проверяем…',
  previewTitle: (name: string) => `Предпросмотр файла «${name}»`,
  previewRows: (n: number, hours: number) => `Строк КТП: ${n}, часов: ${hours}.`,
  fileErrors: (n: number) => `В файле ${n === 1 ? 'ошибка' : `ошибок: ${n}`}. КТП не изменится, пока вы не исправите файл:`,
  fileWarnings: 'Замечания (не мешают загрузке):',
  apply: 'Заменить КТП содержимым файла',
  applying: 'Загружаем…',
  applied: 'КТП загружен из файла.',
  cancel: 'Отмена',
  replaceWarning: 'Текущие темы КТП будут заменены темами из файла.',
  fileRowHeader: 'Строка файла',

  approveTitle: 'Утверждение',
  approve: 'Утвердить КТП',
  approving: 'Утверждаем…',
  approvedNow: 'КТП утверждён.',
  reopen: 'Вернуть на доработку',
  reopenReason: 'Что нужно исправить',
  reopened: 'КТП возвращён учителю на доработку.',
  cannotApprove: 'Утвердить можно КТП, часы которого совпадают с учебным планом.',
} as const;

/** The state of a KTP in a list. */
export function stateText(k: Pick<KtpHeader, 'exists' | 'status'>): string {
  return !k.exists ? KTP_TEXT.notMade : k.status === 'approved' ? KTP_TEXT.approved : KTP_TEXT.draft;
}
