/**
 * Subjects and teaching specialisations of the demo school. Today they give teachers their
 * positions («учитель математики»); the curriculum and timetable of the demo (issue 3) grow from
 * the same catalogue: which teacher can take which subject.
 */
export const DEMO_SUBJECTS = {
  russian: 'Русский язык',
  literature: 'Литература',
  literaryReading: 'Литературное чтение',
  math: 'Математика',
  algebra: 'Алгебра',
  geometry: 'Геометрия',
  probability: 'Вероятность и статистика',
  english: 'Английский язык',
  history: 'История',
  social: 'Обществознание',
  kuban: 'Кубановедение',
  worldAround: 'Окружающий мир',
  geography: 'География',
  biology: 'Биология',
  chemistry: 'Химия',
  physics: 'Физика',
  informatics: 'Информатика',
  pe: 'Физическая культура',
  music: 'Музыка',
  art: 'Изобразительное искусство',
  technology: 'Труд (технология)',
  obzr: 'Основы безопасности и защиты Родины',
} as const;

export type DemoSubjectId = keyof typeof DEMO_SUBJECTS;

export interface Specialisation {
  id: string;
  position: string;
  subjects: DemoSubjectId[];
  /** How many such teachers the demo school has. */
  count: number;
  /** The share of men among them, for realistic names. */
  men: number;
}

/** Teachers of grades 1-4: each leads one class and teaches most of its subjects. */
export const PRIMARY: Specialisation = {
  id: 'primary',
  position: 'учитель начальных классов',
  subjects: ['russian', 'literaryReading', 'math', 'worldAround', 'technology', 'art', 'kuban'],
  count: 8,
  men: 0.03,
};

/** Subject teachers of grades 5-11 (English, music and PE also teach grades 1-4). */
export const SUBJECT_TEACHERS: readonly Specialisation[] = [
  { id: 'russian', position: 'учитель русского языка и литературы', subjects: ['russian', 'literature'], count: 4, men: 0.05 },
  { id: 'math', position: 'учитель математики', subjects: ['math', 'algebra', 'geometry', 'probability'], count: 3, men: 0.2 },
  { id: 'english', position: 'учитель английского языка', subjects: ['english'], count: 3, men: 0.1 },
  { id: 'history', position: 'учитель истории и обществознания', subjects: ['history', 'social', 'kuban'], count: 2, men: 0.4 },
  { id: 'physics', position: 'учитель физики', subjects: ['physics'], count: 1, men: 0.5 },
  { id: 'chemistry', position: 'учитель химии', subjects: ['chemistry'], count: 1, men: 0.2 },
  { id: 'biology', position: 'учитель биологии', subjects: ['biology'], count: 1, men: 0.2 },
  { id: 'geography', position: 'учитель географии', subjects: ['geography'], count: 1, men: 0.3 },
  { id: 'informatics', position: 'учитель информатики', subjects: ['informatics'], count: 1, men: 0.6 },
  { id: 'pe', position: 'учитель физической культуры', subjects: ['pe'], count: 2, men: 0.7 },
  { id: 'music', position: 'учитель музыки', subjects: ['music'], count: 1, men: 0.2 },
  { id: 'art', position: 'учитель изобразительного искусства', subjects: ['art'], count: 1, men: 0.1 },
  { id: 'technology', position: 'учитель труда (технологии)', subjects: ['technology'], count: 1, men: 0.6 },
  { id: 'obzr', position: 'преподаватель-организатор ОБЗР', subjects: ['obzr'], count: 1, men: 0.9 },
];
