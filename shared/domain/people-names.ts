/**
 * People's names and personal data as the secretary types them or a spreadsheet holds them
 * (clause 5: «ведение личных карточек учащихся, сотрудников»). Pure: no I/O, no clock.
 * Every entry is in Russian (clause 5), so names must be written in Cyrillic.
 */

export type Gender = 'm' | 'f';

export const GENDER_TITLES: Record<Gender, string> = { m: 'мужской', f: 'женский' };

const NAME_RE = /^[А-ЯЁа-яё]+(?:[-' ][А-ЯЁа-яё]+)*$/;

const FIELD_TITLES = {
  lastName: 'Фамилия',
  firstName: 'Имя',
  middleName: 'Отчество',
} as const;
export type NameField = keyof typeof FIELD_TITLES;

/** Trims, collapses spaces, and turns an ALL-CAPS or all-lower name into «Иванов-Петров». */
export function normaliseName(raw: string): string {
  const s = raw.replace(/\s+/g, ' ').replace(/\s*-\s*/g, '-').trim();
  if (s === '') return s;
  const allUpper = s === s.toLocaleUpperCase('ru-RU');
  const allLower = s === s.toLocaleLowerCase('ru-RU');
  if (!allUpper && !allLower) return s;
  return s
    .toLocaleLowerCase('ru-RU')
    .replace(/(^|[-' ])([а-яё])/g, (_m, sep: string, ch: string) => sep + ch.toLocaleUpperCase('ru-RU'));
}

/** The problem with a name field, in Russian, or null. The patronymic may be empty. */
export function nameProblem(field: NameField, value: string | undefined): string | null {
  const title = FIELD_TITLES[field];
  const v = (value ?? '').trim();
  if (v === '') return field === 'middleName' ? null : `Не указано поле «${title}».`;
  if (v.length > 60) return `${title}: не длиннее 60 символов.`;
  if (/[A-Za-z]/.test(v)) return `${title} «${v}»: нужно писать русскими буквами (в записи есть латиница).`;
  if (!NAME_RE.test(v)) return `${title} «${v}»: допускаются только русские буквы, дефис и пробел.`;
  return null;
}

export function fullName(p: { lastName: string; firstName: string; middleName?: string }): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
}

/** «Иванов И. И.» */
export function initials(p: { lastName: string; firstName: string; middleName?: string }): string {
  return `${p.lastName} ${p.firstName.slice(0, 1)}.${p.middleName ? ` ${p.middleName.slice(0, 1)}.` : ''}`;
}

/**
 * The identity used to find the same person twice (a duplicate row, a student already in the
 * school): full name and birth date, case-insensitive, «ё» read as «е».
 */
export function personKey(p: { lastName: string; firstName: string; middleName?: string; birthDate: string }): string {
  return [p.lastName, p.firstName, p.middleName ?? '', p.birthDate]
    .map((s) => s.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim())
    .join('|');
}

/** The identity of an adult (a parent) within one file: full name only. */
export function adultKey(p: { lastName: string; firstName: string; middleName?: string }): string {
  return [p.lastName, p.firstName, p.middleName ?? ''].map((s) => s.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е').trim()).join('|');
}

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

export function transliterate(text: string): string {
  return [...text.toLocaleLowerCase('ru-RU')].map((ch) => TRANSLIT[ch] ?? (/[a-z0-9]/.test(ch) ? ch : '')).join('');
}

/**
 * The login a person gets, the same way the demo school's logins look: «фамилия.ио» in Latin
 * letters (Шевченко Анна Петровна → shevchenko.ap). The repository adds a number when it is taken.
 */
export function loginBase(p: { lastName: string; firstName: string; middleName?: string }): string {
  const base = `${transliterate(p.lastName).slice(0, 40) || 'user'}.${transliterate(p.firstName.slice(0, 1))}${transliterate((p.middleName ?? '').slice(0, 1))}`;
  return base.replace(/\.$/, '');
}

/** Candidates in order: base, base2, base3 ... */
export function loginCandidates(base: string, count: number, from = 1): string[] {
  return Array.from({ length: count }, (_, i) => (i + from === 1 ? base : `${base}${i + from}`));
}

export const GENDER_WORDS: Record<string, Gender> = {
  м: 'm', муж: 'm', 'муж.': 'm', мужской: 'm', m: 'm', male: 'm',
  ж: 'f', жен: 'f', 'жен.': 'f', женский: 'f', f: 'f', female: 'f',
};

export function parseGender(raw: string | undefined): Gender | null {
  const v = (raw ?? '').trim().toLocaleLowerCase('ru-RU');
  return GENDER_WORDS[v] ?? null;
}
