/**
 * The printable sheet of activation codes (R-03, clause 3.1; the register of clause 5): one per
 * class (or for staff), listing name, login and code with Russian instructions, and a column for
 * the signature of receipt. The codes exist only in this document and in the answer that carries
 * it: the table keeps their hashes.
 */
import { dateInZone, ruDate, ruDateTimeInZone, zoneLabel } from '../domain/calendar';
import { FORGOT_LINK, HAVE_CODE_LINK } from '../auth/sign-in-texts';
import { renderPdf } from './pdf';

export interface SheetEntry {
  displayName: string;
  /** Who this is to the class: «обучающийся», «родитель: Иванов Иван». */
  role: string;
  login: string;
  code: string;
}

export interface SheetInput {
  schoolName: string;
  /** «5А класс», «Сотрудники». */
  title: string;
  issuedAt: string;
  expiresAt: string;
  issuedBy: string;
  /** The school's: the dates and the expiry time are printed in it, and it is named beside them. */
  timeZone: string;
  /** The site's address, printed in the first step and under the title (SITE_URL, else the request's origin). */
  siteUrl?: string;
  entries: SheetEntry[];
}

/** The steps, quoting the sign-in page's own words; `siteUrl` is where the journal opens. */
export function sheetInstructions(siteUrl: string | undefined): string[] {
  const open = siteUrl ? `Откройте электронный журнал школы по адресу ${siteUrl}` : 'Откройте электронный журнал школы';
  return [
    `${open} и на странице входа нажмите «${HAVE_CODE_LINK}».`,
    'Введите код активации (регистр букв и дефисы не важны) и придумайте пароль не короче 8 символов.',
    'Дальше входите со своим логином и этим паролем. Код действует один раз; не передавайте его другим людям.',
    `Если код потерян или истёк, а также если вы забыли пароль («${FORGOT_LINK}»), обратитесь за новым кодом к классному руководителю (сотрудники — к администратору ЭЖ). Новый код отменяет прежний пароль.`,
  ];
}

/** When the codes were issued and until when they work, in the school's zone, which is named. */
function validity({ issuedAt, expiresAt, issuedBy, timeZone }: SheetInput): string {
  const until = new Date(expiresAt);
  return (
    `Выданы ${ruDate(dateInZone(new Date(issuedAt), timeZone))}, выдал(а): ${issuedBy}. ` +
    `Действуют до ${ruDateTimeInZone(until, timeZone)} (${zoneLabel(timeZone, until)}), каждый — один раз.`
  );
}

/** The pdfmake document: pure, so a test can inspect it without rendering. */
export function activationSheetDoc(input: SheetInput): Record<string, unknown> {
  const header = ['№', 'ФИО', 'Кто', 'Логин', 'Код активации', 'Подпись'].map((text) => ({ text, bold: true, fillColor: '#eeeeee' }));
  const body = input.entries.map((e, i) => [
    String(i + 1),
    e.displayName,
    e.role,
    e.login,
    { text: e.code, bold: true, fontSize: 10.5, noWrap: true },
    '',
  ]);
  return {
    pageSize: 'A4',
    pageMargins: [36, 40, 36, 44],
    info: { title: `Коды активации — ${input.title}`, creator: 'Электронный журнал' },
    content: [
      { text: input.schoolName, fontSize: 10, color: '#555555' },
      { text: `Коды активации — ${input.title}`, fontSize: 16, bold: true, margin: [0, 4, 0, 4] },
      ...(input.siteUrl ? [{ text: `Адрес журнала: ${input.siteUrl}`, bold: true, margin: [0, 0, 0, 4] }] : []),
      {
        text: validity(input),
        margin: [0, 0, 0, 8],
      },
      { text: 'Как начать работу', bold: true, margin: [0, 0, 0, 2] },
      { ol: sheetInstructions(input.siteUrl), margin: [0, 0, 0, 10] },
      {
        table: { headerRows: 1, dontBreakRows: true, widths: [16, '*', 100, 90, 122, 56], body: [header, ...body] },
        layout: { paddingTop: () => 5, paddingBottom: () => 5, hLineColor: () => '#999999', vLineColor: () => '#999999' },
      },
      {
        text: 'Лист содержит персональные данные и коды доступа: храните его у классного руководителя (администратора) до раздачи и уничтожьте после.',
        fontSize: 8,
        color: '#555555',
        margin: [0, 10, 0, 0],
      },
    ],
    footer: (page: number, pages: number) => ({ text: `${input.title} · стр. ${page} из ${pages}`, alignment: 'center', fontSize: 8, color: '#777777' }),
  };
}

export async function renderActivationSheet(input: SheetInput): Promise<Buffer> {
  return renderPdf(activationSheetDoc(input));
}
