/**
 * The demo school's KTPs and first-half-year schedule of assessment procedures, as
 * table items. Pure and deterministic: given the demo model and the items already generated (the
 * curriculum's load lines and the timetable's slots), it returns the items to add.
 *
 * - The demo logins `teacher` (mathematics) and `classteacher` (Russian) get a KTP for each of
 *   their grade-5 classes, with the topics of the federal working programmes (ФРП ООО) for grade 5,
 *   fitted to the curriculum's hours (5 h a week x 34 weeks = 170 h as the programmes have them).
 * - The first (Russian, `classteacher`) is approved by the deputy before the year starts; the last
 *   (mathematics, `teacher`) is 2 hours short of the curriculum, so the hours check has a finding
 *   to show; any others are drafts.
 * - The schedule of the first half-year covers grades 5-9: entrance tests in September, regional
 *   diagnostic works, topic tests and the half-year administrative tests in December; 5А has one
 *   week with four procedures, one over the default limit of three.
 */
import type { Assessment, AssessmentKind } from '../domain/assessments';
import { assessmentDateProblem, halfOf } from '../domain/assessments';
import { addDays, mondayOf } from '../domain/calendar';
import type { LoadLine } from '../domain/curriculum';
import { curriculumHours, studyWeeks, totalHours, type Ktp, type KtpRow } from '../domain/ktp';
import type { AcademicYear } from '../domain/year';
import { assessmentItem } from '../repos/assessments';
import { ktpItem } from '../repos/ktp';
import type { DemoModel, DemoStaff } from './model';
import { fullName } from './names';

type Item = Record<string, unknown>;

type Section = { title: string; topics: Array<[title: string, hours: number]> };

export const MATH_5: Section[] = [
  {
    title: 'Натуральные числа. Действия с натуральными числами',
    topics: [
      ['Десятичная система счисления. Ряд натуральных чисел', 2],
      ['Натуральный ряд. Число 0', 1],
      ['Изображение натуральных чисел точками на координатной (числовой) прямой', 2],
      ['Сравнение натуральных чисел', 2],
      ['Округление натуральных чисел', 2],
      ['Сложение натуральных чисел. Свойство нуля при сложении', 3],
      ['Вычитание как действие, обратное сложению', 3],
      ['Умножение натуральных чисел. Свойства нуля и единицы при умножении', 3],
      ['Деление как действие, обратное умножению', 3],
      ['Деление с остатком', 2],
      ['Переместительное и сочетательное свойства сложения и умножения', 2],
      ['Распределительное свойство умножения', 2],
      ['Делители и кратные числа, разложение числа на множители', 2],
      ['Простые и составные числа', 2],
      ['Признаки делимости на 2, 5, 10, 3, 9', 3],
      ['Степень с натуральным показателем', 2],
      ['Числовые выражения. Порядок действий', 3],
      ['Решение текстовых задач на все арифметические действия, на движение и покупки', 3],
      ['Контрольная работа № 1 по теме «Натуральные числа. Действия с натуральными числами»', 1],
    ],
  },
  {
    title: 'Наглядная геометрия. Линии на плоскости',
    topics: [
      ['Точка, прямая, отрезок, луч', 2],
      ['Ломаная', 1],
      ['Измерение длины отрезка, метрические единицы измерения длины', 2],
      ['Окружность и круг', 2],
      ['Практическая работа «Построение узора из окружностей»', 1],
      ['Угол. Прямой, острый, тупой и развёрнутый углы', 2],
      ['Измерение углов', 1],
      ['Практическая работа «Построение углов»', 1],
    ],
  },
  {
    title: 'Обыкновенные дроби',
    topics: [
      ['Дробь. Правильные и неправильные дроби', 3],
      ['Основное свойство дроби', 3],
      ['Сокращение дробей', 3],
      ['Приведение дроби к новому знаменателю', 3],
      ['Сравнение дробей', 4],
      ['Сложение и вычитание дробей', 6],
      ['Смешанная дробь', 4],
      ['Умножение и деление обыкновенных дробей; взаимно-обратные дроби', 7],
      ['Решение текстовых задач, содержащих дроби', 4],
      ['Основные задачи на дроби', 5],
      ['Применение букв для записи математических выражений и предложений', 3],
      ['Повторение и обобщение по теме «Обыкновенные дроби»', 2],
      ['Контрольная работа № 2 по теме «Обыкновенные дроби»', 1],
    ],
  },
  {
    title: 'Наглядная геометрия. Многоугольники',
    topics: [
      ['Многоугольники', 1],
      ['Четырёхугольник, прямоугольник, квадрат', 2],
      ['Практическая работа «Построение прямоугольника с заданными сторонами на нелинованной бумаге»', 1],
      ['Треугольник', 2],
      ['Площадь и периметр прямоугольника и многоугольников, составленных из прямоугольников, единицы измерения площади', 2],
      ['Периметр многоугольника', 2],
    ],
  },
  {
    title: 'Десятичные дроби',
    topics: [
      ['Десятичная запись дробей', 4],
      ['Сравнение десятичных дробей', 4],
      ['Действия с десятичными дробями', 12],
      ['Округление десятичных дробей', 4],
      ['Решение текстовых задач, содержащих дроби', 6],
      ['Основные задачи на дроби', 6],
      ['Повторение и обобщение по теме «Десятичные дроби»', 1],
      ['Контрольная работа № 3 по теме «Десятичные дроби»', 1],
    ],
  },
  {
    title: 'Наглядная геометрия. Тела и фигуры в пространстве',
    topics: [
      ['Многогранники', 1],
      ['Изображение многогранников', 1],
      ['Модели пространственных тел', 1],
      ['Прямоугольный параллелепипед, куб', 2],
      ['Развёртки куба и параллелепипеда', 1],
      ['Практическая работа «Развёртка куба»', 1],
      ['Объём куба, прямоугольного параллелепипеда', 2],
    ],
  },
  {
    title: 'Повторение и обобщение',
    topics: [
      ['Повторение основных понятий и методов курсов 5 класса, обобщение знаний', 8],
      ['Итоговая контрольная работа', 2],
    ],
  },
];

export const RUSSIAN_5: Section[] = [
  {
    title: 'Повторение пройденного материала',
    topics: [
      ['Повторение изученного в начальной школе: части речи, орфограммы корня', 5],
      ['Входная контрольная работа (диктант с грамматическим заданием)', 1],
    ],
  },
  {
    title: 'Общие сведения о языке',
    topics: [
      ['Богатство и выразительность русского языка', 1],
      ['Лингвистика как наука о языке. Основные разделы лингвистики', 1],
    ],
  },
  {
    title: 'Язык и речь',
    topics: [
      ['Язык и речь. Речь устная и письменная, монологическая и диалогическая, полилог', 2],
      ['Виды речевой деятельности (говорение, слушание, чтение, письмо), их особенности', 2],
      ['Создание устных монологических высказываний на основе жизненных наблюдений', 1],
      ['Речевые формулы приветствия, прощания, просьбы, благодарности', 1],
      ['Виды аудирования: выборочное, ознакомительное, детальное', 1],
    ],
  },
  {
    title: 'Текст',
    topics: [
      ['Текст и его основные признаки. Тема и главная мысль текста', 2],
      ['Микротема текста. Ключевые слова', 1],
      ['Функционально-смысловые типы речи: описание, повествование, рассуждение', 2],
      ['Повествование как тип речи. Рассказ', 2],
      ['Смысловой анализ текста: композиция, абзац, средства связи предложений', 2],
      ['Подробное изложение текста', 2],
    ],
  },
  {
    title: 'Функциональные разновидности языка',
    topics: [['Общее представление о функциональных разновидностях языка: разговорная речь, научный стиль, язык художественной литературы', 2]],
  },
  {
    title: 'Фонетика. Графика. Орфоэпия',
    topics: [
      ['Фонетика и графика как разделы лингвистики. Звук как единица языка', 2],
      ['Гласные и согласные звуки. Слог. Ударение', 2],
      ['Соотношение звуков и букв. Фонетический анализ слова', 2],
    ],
  },
  {
    title: 'Орфография',
    topics: [
      ['Орфография как раздел лингвистики. Понятие «орфограмма»', 2],
      ['Буквенные и небуквенные орфограммы. Правописание разделительных ъ и ь', 3],
      ['Контрольный диктант по теме «Фонетика. Графика. Орфография»', 1],
    ],
  },
  {
    title: 'Лексикология',
    topics: [
      ['Лексикология как раздел лингвистики. Лексическое значение слова', 2],
      ['Однозначные и многозначные слова. Прямое и переносное значение слова', 2],
      ['Тематические группы слов. Обозначение родовых и видовых понятий', 2],
      ['Синонимы. Антонимы. Омонимы. Паронимы', 4],
      ['Лексический анализ слова', 1],
      ['Проверочная работа по теме «Лексикология»', 1],
    ],
  },
  {
    title: 'Морфемика. Орфография',
    topics: [
      ['Морфемика как раздел лингвистики. Морфема — минимальная значимая единица языка', 2],
      ['Виды морфем: корень, приставка, суффикс, окончание. Основа слова', 2],
      ['Чередование звуков в морфемах. Морфемный анализ слов', 2],
      ['Правописание корней с безударными проверяемыми, непроверяемыми гласными', 2],
      ['Правописание ё — о после шипящих в корне слова. Правописание неизменяемых на письме приставок и приставок на -з (-с)', 2],
      ['Правописание ы — и после приставок и после ц', 1],
      ['Контрольная работа по теме «Морфемика. Орфография»', 1],
    ],
  },
  {
    title: 'Морфология. Культура речи. Орфография. Имя существительное',
    topics: [
      ['Морфология как раздел грамматики. Части речи', 2],
      ['Имя существительное как часть речи. Роль в речи', 2],
      ['Лексико-грамматические разряды имён существительных', 2],
      ['Род, число, падеж имени существительного', 4],
      ['Имена существительные общего рода. Имена существительные, имеющие форму только единственного или только множественного числа', 2],
      ['Типы склонения имён существительных. Разносклоняемые и несклоняемые имена существительные', 4],
      ['Правописание безударных окончаний имён существительных. Правописание о — е (ё) после шипящих и ц в суффиксах и окончаниях', 4],
      ['Правописание корней с чередованием а // о: -лаг- — -лож-; -раст- — -ращ- — -рос-; -гар- — -гор-, -зар- — -зор-', 3],
      ['Контрольная работа по теме «Имя существительное»', 1],
    ],
  },
  {
    title: 'Имя прилагательное',
    topics: [
      ['Имя прилагательное как часть речи. Роль в речи', 2],
      ['Имена прилагательные полные и краткие, их синтаксические функции', 3],
      ['Склонение имён прилагательных', 3],
      ['Правописание безударных окончаний имён прилагательных', 4],
      ['Правописание о — е после шипящих и ц в суффиксах и окончаниях имён прилагательных', 2],
      ['Правописание кратких форм имён прилагательных с основой на шипящий', 2],
      ['Морфологический анализ имён прилагательных', 2],
      ['Сочинение-описание по картине', 1],
      ['Контрольная работа по теме «Имя прилагательное»', 1],
    ],
  },
  {
    title: 'Глагол',
    topics: [
      ['Глагол как часть речи. Роль в словосочетании и предложении, в речи', 2],
      ['Глаголы совершенного и несовершенного вида, возвратные и невозвратные', 3],
      ['Инфинитив и его грамматические свойства. Основа инфинитива, основа настоящего (будущего простого) времени глагола', 3],
      ['Спряжение глагола', 4],
      ['Правописание -тся и -ться в глаголах, суффиксов -ова- — -ева-, -ыва- — -ива-', 3],
      ['Правописание безударных личных окончаний глагола', 4],
      ['Правописание гласной перед суффиксом -л- в формах прошедшего времени глагола', 2],
      ['Слитное и раздельное написание не с глаголами', 2],
      ['Правописание корней с чередованием е // и: -бер- — -бир-, -блест- — -блист-, -дер- — -дир-', 2],
      ['Морфологический анализ глаголов', 2],
      ['Сжатое изложение', 2],
      ['Контрольная работа по теме «Глагол»', 1],
    ],
  },
  {
    title: 'Синтаксис. Культура речи. Пунктуация',
    topics: [
      ['Синтаксис и пунктуация как разделы лингвистики. Словосочетание и предложение', 3],
      ['Виды предложений по цели высказывания и по эмоциональной окраске', 2],
      ['Главные члены предложения (грамматическая основа). Подлежащее и сказуемое', 3],
      ['Тире между подлежащим и сказуемым', 1],
      ['Второстепенные члены предложения: определение, дополнение, обстоятельство', 3],
      ['Простое осложнённое предложение. Однородные члены предложения, обобщающее слово', 3],
      ['Предложения с обращением. Пунктуационное оформление обращений', 2],
      ['Сложные предложения. Пунктуационное оформление сложных предложений', 3],
      ['Предложения с прямой речью. Диалог', 2],
      ['Синтаксический и пунктуационный анализ предложений', 1],
      ['Контрольная работа по теме «Синтаксис и пунктуация»', 1],
    ],
  },
  {
    title: 'Повторение и итоговый контроль',
    topics: [
      ['Повторение изученного в 5 классе: фонетика, морфемика, лексика', 3],
      ['Повторение изученного в 5 классе: морфология и орфография', 3],
      ['Итоговая контрольная работа', 1],
      ['Анализ итоговой контрольной работы', 1],
    ],
  },
];


export function sectionsToRows(sections: readonly Section[]): KtpRow[] {
  return sections.flatMap((s): KtpRow[] => [
    { kind: 'section', title: s.title },
    ...s.topics.map(([title, hours]): KtpRow => ({ kind: 'topic', title, hours })),
  ]);
}

const RESERVE = 'Резервные уроки. Повторение и обобщение изученного';

/**
 * A programme fitted to a curriculum's hours: extra hours become reserve lessons at the end;
 * missing ones are taken from the last topics (never below 1 hour each).
 */
export function fitToHours(rows: readonly KtpRow[], target: number): KtpRow[] {
  const out = rows.map((r) => ({ ...r }));
  let diff = target - totalHours(out);
  if (diff > 0) out.push({ kind: 'topic', title: RESERVE, hours: diff });
  for (let i = out.length - 1; diff < 0 && i >= 0; i--) {
    const r = out[i]!;
    if (r.kind !== 'topic' || r.hours <= 1) continue;
    const take = Math.min(r.hours - 1, -diff);
    r.hours -= take;
    diff += take;
  }
  return out;
}

const PROGRAMMES: Record<string, Section[]> = { math: MATH_5, russian: RUSSIAN_5 };

/** Demo timestamps: the plans were written and approved in the last week of August. */
const WRITTEN_AT = (yearId: string) => `${yearId}-08-24T11:20:00.000Z`;
const APPROVED_AT = (yearId: string) => `${yearId}-08-28T07:40:00.000Z`;

export interface DemoKtpInput {
  model: DemoModel;
  year: AcademicYear;
  /** Items generated so far: the curriculum's `loadLine` and the timetable's `timetableSlot` items are read. */
  items: readonly Item[];
}

const staffBy = (model: DemoModel, login: string): DemoStaff | undefined => model.staff.find((s) => s.fixed === login);

function loadLinesOf(items: readonly Item[]): LoadLine[] {
  return items.filter((i) => i.type === 'loadLine') as unknown as LoadLine[];
}

export function demoKtps(input: DemoKtpInput): Ktp[] {
  const { model, year, items } = input;
  const grades = new Map(model.classes.map((c) => [c.classId, c.grade]));
  const deputy = staffBy(model, 'deputy');
  const lines = loadLinesOf(items);
  const wanted: Array<{ teacher: DemoStaff; line: LoadLine }> = [];
  // Russian first (approved), mathematics last (2 hours short): the login `teacher` sees a finding.
  for (const [login, subjectId] of [['classteacher', 'russian'], ['teacher', 'math']] as const) {
    const teacher = staffBy(model, login);
    if (!teacher) continue;
    lines
      .filter((l) => l.subjectId === subjectId && l.teacherId === teacher.userId && grades.get(l.classId) === 5)
      .sort((a, b) => a.classId.localeCompare(b.classId))
      .forEach((line) => wanted.push({ teacher, line }));
  }
  return wanted.map(({ teacher, line }, i): Ktp => {
    const target = curriculumHours(line.hoursPerWeek, studyWeeks(grades.get(line.classId)!));
    // The last plan is deliberately 2 hours short, so the check has something to show.
    const short = wanted.length > 0 && i === wanted.length - 1;
    const rows = fitToHours(sectionsToRows(PROGRAMMES[line.subjectId]!), short ? target - 2 : target);
    const approved = i === 0 && !short && deputy !== undefined;
    return {
      schoolId: line.schoolId,
      yearId: line.yearId,
      classId: line.classId,
      subjectId: line.subjectId,
      groupId: 'all',
      rows,
      totalHours: totalHours(rows),
      topicCount: rows.filter((r) => r.kind === 'topic').length,
      status: approved ? 'approved' : 'draft',
      ...(approved ? { approvedBy: deputy.userId, approvedByName: fullName(deputy), approvedAt: APPROVED_AT(line.yearId) } : {}),
      updatedBy: teacher.userId,
      updatedByName: fullName(teacher),
      updatedAt: WRITTEN_AT(line.yearId),
      version: approved ? 2 : 1,
    };
  });
}

// --- the schedule of assessment procedures, first half-year --------------------------------------

interface Planned {
  classId: string;
  subjectId: string;
  /** The Monday of the week it falls in; the day is the first with a lesson of the subject. */
  week: string;
  kind: AssessmentKind;
  title: string;
  /** Preferred weekday (1 = Monday) when the timetable has no lesson of the subject that week. */
  weekday: number;
}

/** What a Krasnodar school plans for grades 5-9 in the first half-year (subject ids of the demo catalogue). */
function plannedFor(classId: string, grade: number, subjects: Set<string>, yearId: string): Planned[] {
  const y = Number(yearId);
  const wk = (month: number, day: number) => mondayOf(`${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  const math = grade <= 6 ? 'math' : 'algebra';
  const out: Planned[] = [
    { classId, subjectId: 'russian', week: wk(9, 14), kind: 'administrative', title: 'Входная контрольная работа (диктант с грамматическим заданием)', weekday: 2 },
    { classId, subjectId: math, week: wk(9, 21), kind: 'administrative', title: 'Входная контрольная работа', weekday: 3 },
    { classId, subjectId: math, week: wk(10, 19), kind: 'test', title: 'Контрольная работа № 1', weekday: 4 },
    { classId, subjectId: 'russian', week: wk(11, 16), kind: 'test', title: 'Контрольный диктант', weekday: 2 },
    { classId, subjectId: 'english', week: wk(11, 23), kind: 'test', title: 'Контрольная работа по модулю 2', weekday: 3 },
    { classId, subjectId: math, week: wk(12, 7), kind: 'test', title: 'Контрольная работа № 2', weekday: 2 },
    { classId, subjectId: 'russian', week: wk(12, 14), kind: 'administrative', title: 'Административная контрольная работа за 1 полугодие', weekday: 2 },
    { classId, subjectId: math, week: wk(12, 21), kind: 'administrative', title: 'Административная контрольная работа за 1 полугодие', weekday: 2 },
  ];
  if (grade === 9) {
    out.push({ classId, subjectId: 'algebra', week: wk(10, 12), kind: 'regional', title: 'КДР по математике в формате ОГЭ', weekday: 3 });
    out.push({ classId, subjectId: 'russian', week: wk(12, 7), kind: 'trial', title: 'Итоговое собеседование: тренировочная работа', weekday: 4 });
  }
  if (grade === 7 || grade === 8) out.push({ classId, subjectId: 'physics', week: wk(11, 30), kind: 'test', title: 'Контрольная работа', weekday: 4 });
  if (grade === 6) out.push({ classId, subjectId: 'biology', week: wk(10, 5), kind: 'monitoring', title: 'Практическая работа «Строение клетки»', weekday: 5 });
  if (grade === 5 && classId.endsWith('a')) {
    // 5А: a fourth procedure in the week of the half-year's administrative Russian test (over the limit of 3).
    out.push({ classId, subjectId: 'english', week: wk(12, 14), kind: 'test', title: 'Контрольная работа по модулю 3', weekday: 3 });
    out.push({ classId, subjectId: 'history', week: wk(12, 14), kind: 'diagnostic', title: 'Диагностическая работа по истории', weekday: 5 });
    out.push({ classId, subjectId: 'literature', week: wk(12, 14), kind: 'test', title: 'Контрольная работа по литературе', weekday: 4 });
  }
  return out.filter((p) => subjects.has(p.subjectId));
}

export function demoAssessments(input: DemoKtpInput): Assessment[] {
  const { model, year, items } = input;
  const deputy = staffBy(model, 'deputy');
  if (!deputy) return [];
  const lines = loadLinesOf(items);
  const slots = items.filter((i) => i.type === 'timetableSlot') as Array<{ classId: string; subjectId: string; weekday: number }>;
  const out: Assessment[] = [];
  for (const c of model.classes.filter((x) => x.grade >= 5 && x.grade <= 9)) {
    const half = halfOf(year, c.grade, 'h1');
    if (!half) continue;
    const subjects = new Set(lines.filter((l) => l.classId === c.classId).map((l) => l.subjectId));
    const taken = new Set<string>();
    for (const p of plannedFor(c.classId, c.grade, subjects, year.yearId)) {
      const lessonDays = [...new Set(slots.filter((s) => s.classId === c.classId && s.subjectId === p.subjectId).map((s) => s.weekday))].sort();
      const candidates = [...lessonDays, p.weekday, 1, 2, 3, 4, 5].map((w) => addDays(p.week, w - 1));
      // One procedure a day per class (the default limit): only the week of 5А is meant to be over a limit.
      const date = candidates.find((d) => !taken.has(d) && assessmentDateProblem(year, c.grade, 'h1', d) === null);
      if (!date) continue;
      taken.add(date);
      out.push({
        schoolId: model.school.schoolId,
        yearId: year.yearId,
        halfId: 'h1',
        classId: c.classId,
        subjectId: p.subjectId,
        date,
        kind: p.kind,
        title: p.title,
        createdBy: deputy.userId,
        createdByName: fullName(deputy),
        updatedAt: `${year.yearId}-08-29T08:00:00.000Z`,
        version: 1,
      });
    }
  }
  return out;
}

/** The items to add to the demo school: its KTPs and the first half-year's assessment schedule. */
export function demoKtpItems(input: DemoKtpInput): Item[] {
  return [...demoKtps(input).map(ktpItem), ...demoAssessments(input).map(assessmentItem)];
}
