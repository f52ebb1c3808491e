/** The department's lock settings: read here; editing comes with the settings issue. */
import { plural } from '../../../../lib/format';
import type { DepartmentSettings, LockDays } from '../../../../lib/types';

export const SETTINGS_TEXT = {
  title: 'Настройки блокировок',
  readOnly: 'Изменение настроек появится в следующих версиях.',
  lockDays: {
    currentMarks: 'Текущие отметки, посещаемость и темы уроков закрываются через',
    practicalWorks: 'Отметки за практические работы внутреннего мониторинга закрываются через',
    essays: 'Отметки за сочинения (10–11 классы) закрываются через',
    finalMarks: 'Отметки за период и итоговые закрываются через',
    fillWithin: 'Урок следует заполнить в течение',
  } satisfies Record<keyof LockDays, string>,
  days: (n: number) => `${n} ${plural(n, ['день', 'дня', 'дней'])}`,
  advance: 'Отметки заранее (на будущие уроки)',
  allowed: 'разрешены',
  forbidden: 'запрещены',
} as const;

export interface SettingRow {
  key: string;
  label: string;
  value: string;
}

export function settingRows(s: DepartmentSettings): SettingRow[] {
  const keys = Object.keys(SETTINGS_TEXT.lockDays) as Array<keyof LockDays>;
  return [
    ...keys.map((k) => ({ key: k, label: SETTINGS_TEXT.lockDays[k], value: SETTINGS_TEXT.days(s.lockDays[k]) })),
    { key: 'advance', label: SETTINGS_TEXT.advance, value: s.marksInAdvanceAllowed ? SETTINGS_TEXT.allowed : SETTINGS_TEXT.forbidden },
  ];
}
