/** Texts of the shell's session parts: the idle warning, the password dialog, signing out everywhere. */
export const SESSION_TEXT = {
  idleTitle: 'Сеанс скоро завершится',
  idleIntro: (minutes: number) =>
    `Вы ничего не делали почти ${minutes} мин. На общем компьютере сеанс завершается сам, чтобы под вашим именем никто не работал.`,
  idleLeft: (seconds: number) => `Выход через ${seconds} с.`,
  idleContinue: 'Продолжить',
  reauthTitle: 'Подтвердите пароль',
  reauthIntro: 'Это важное действие: введите свой пароль ещё раз. Он нужен не чаще раза в 5 минут.',
  password: 'Пароль',
  noPassword: 'Введите пароль.',
  confirm: 'Подтвердить',
  confirming: 'Проверяем…',
  cancel: 'Отмена',
  everywhere: 'Выйти на всех устройствах',
  everywhereBusy: 'Выходим везде…',
  everywhereConfirm: 'Завершить все ваши сеансы на всех компьютерах и телефонах, включая этот?',
} as const;

const SIGNED_OUT_BECAUSE = {
  idle: 'Сеанс завершён: долго не было действий. Войдите снова.',
  everywhere: 'Вы вышли на всех устройствах. Все ваши сеансы завершены.',
} as const;

/** Why the sign-in page was opened, as its `?reason=` says; '' for none or anything else. */
export function signedOutBecause(reason: string | null): string {
  return reason && Object.hasOwn(SIGNED_OUT_BECAUSE, reason) ? SIGNED_OUT_BECAUSE[reason as keyof typeof SIGNED_OUT_BECAUSE] : '';
}
