/**
 * Words that the sign-in page shows and the printed code sheet quotes: one definition, so the sheet
 * names the button a person will actually see (issue 8: it named «Активация учётной записи»).
 * Imported by the web app too, so nothing here may need Node.
 */
export const HAVE_CODE_LINK = 'У меня есть код активации';
export const FORGOT_LINK = 'Забыли пароль?';
/** Who issues a code, a first one or a new one after a forgotten password (clause 3.1). */
export const WHO_ISSUES_CODES = 'Код выдаёт классный руководитель (ученикам и родителям) или администратор школы (сотрудникам).';
