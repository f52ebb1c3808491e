/**
 * Classes: grade 1-11 and a Russian letter («5А»). The class id in keys is ASCII and
 * derived from the name (5 + «А» → '5a'), so that one school cannot have two «5А».
 */
import { countOf, YEAR_OF_AGE } from './calendar';
import { ageOn } from './people-dates';

/** Letters a class may carry; those that are hard to tell apart or never used are left out. */
export const CLASS_LETTERS = 'АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ';

const LETTER_IDS: Record<string, string> = {
  А: 'a', Б: 'b', В: 'v', Г: 'g', Д: 'd', Е: 'e', Ж: 'zh', З: 'z', И: 'i', К: 'k', Л: 'l', М: 'm', Н: 'n',
  О: 'o', П: 'p', Р: 'r', С: 's', Т: 't', У: 'u', Ф: 'f', Х: 'kh', Ц: 'ts', Ч: 'ch', Ш: 'sh', Э: 'ee',
  Ю: 'yu', Я: 'ya',
};

/** Latin letters that look like Cyrillic ones: spreadsheets often hold «5A» typed in Latin. */
const LOOKALIKES: Record<string, string> = { A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х' };

export function classIdFor(grade: number, letter: string): string {
  const id = LETTER_IDS[letter];
  if (!id) throw new Error(`No class id for letter ${letter}`);
  return `${grade}${id}`;
}

export function classTitle(c: { grade: number; letter: string }): string {
  return `${c.grade}${c.letter}`;
}

export function classProblem(grade: unknown, letter: unknown): string | null {
  if (typeof grade !== 'number' || !Number.isInteger(grade) || grade < 1 || grade > 11) return 'Параллель класса: число от 1 до 11.';
  if (typeof letter !== 'string' || letter.length !== 1 || !CLASS_LETTERS.includes(letter)) {
    return 'Буква класса: одна заглавная русская буква (А, Б, В …).';
  }
  return null;
}

/** «5А», «5 а», «5-А», «5A» (Latin) → { grade: 5, letter: 'А' }; null when it is not a class name. */
export function parseClassName(raw: string): { grade: number; letter: string } | null {
  const m = /^\s*(\d{1,2})\s*[-–«"]?\s*([A-Za-zА-Яа-яЁё])\s*["»]?\s*(?:класс|кл\.?)?\s*$/i.exec(raw);
  if (!m) return null;
  const grade = Number(m[1]);
  let letter = m[2]!.toUpperCase();
  letter = LOOKALIKES[letter] ?? letter.toLocaleUpperCase('ru-RU');
  return classProblem(grade, letter) ? null : { grade, letter };
}

/**
 * Usual age (full years on 1 September) of a grade: grade 1 takes children of 6.5 to 8, so 6-8,
 * and each grade adds one. Outside it the row is kept with a warning: repeating a year or starting
 * late is legal, a typo in a birth date is likelier.
 */
export function usualAges(grade: number): [number, number] {
  return [grade + 5, grade + 7];
}

export function gradeAgeWarning(birthDate: string, grade: number, yearStart: string): string | null {
  const age = ageOn(birthDate, yearStart);
  const [lo, hi] = usualAges(grade);
  if (age >= lo && age <= hi) return null;
  return `Возраст на 1 сентября — ${countOf(age, YEAR_OF_AGE)}, для ${grade} класса обычно ${lo}–${hi}: проверьте дату рождения и класс.`;
}

/** A birth date no school pupil can have: in the future of the school year, or too old / too young. */
export function birthDateProblem(birthDate: string, yearStart: string): string | null {
  const age = ageOn(birthDate, yearStart);
  if (age < 5) return `Дата рождения: на 1 сентября обучающемуся было бы ${countOf(Math.max(age, 0), YEAR_OF_AGE)}: проверьте год.`;
  if (age > 21) return `Дата рождения: на 1 сентября обучающемуся было бы ${countOf(age, YEAR_OF_AGE)}: проверьте год.`;
  return null;
}

/** 1 September of the school year a class belongs to ('2026' → '2026-09-01'). */
export function yearStartOf(yearId: string): string {
  return `${yearId.slice(0, 4)}-09-01`;
}
