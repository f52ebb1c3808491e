/** Texts of the frame around every screen: the header and the error page. */
export const APP_TEXT = {
  product: 'Журнал',
  productLong: 'Электронный журнал',
  signOut: 'Выйти',
  signingOut: 'Выходим…',
  signedInAs: 'Вы вошли как',
  home: 'На главную',
  errorTitle: (status: number) => (status === 404 ? 'Страница не найдена' : status === 403 ? 'Нет доступа' : 'Ошибка'),
  notFound: 'Такой страницы нет. Проверьте адрес или вернитесь на главную.',
  unexpected: 'Что-то пошло не так. Обновите страницу и повторите попытку.',
} as const;

/** The browser tab's title for a screen. */
export function pageTitle(screen: string): string {
  return `${screen} — ${APP_TEXT.product}`;
}
