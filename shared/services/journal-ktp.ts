/**
 * The approved KTP's topic of each lesson on a journal page (R-14, clause 5): the lesson panel
 * offers it as the topic. Lesson k of the year (its class, subject and group; cancelled lessons not
 * counted) takes the topic covering hour k (`numberedTopics`). A draft KTP offers nothing: only the
 * approved plan is the school's.
 *
 * Its own request, apart from the page (budget: one Query): the lessons of the year's earlier
 * periods (one Query each), the class and its year, and the KTP of each group on the page.
 */
import { numberedTopics, type NumberedTopic } from '../domain/ktp';
import { lessonIdOf } from '../domain/journal-model';
import { periodsForGrade } from '../domain/year';
import { NotFoundError } from '../errors';
import { getKtp } from '../repos/ktp';
import { listLessons } from '../repos/lessons';
import { getClass } from '../repos/school';
import { getYear } from '../repos/year';
import type { LoadedPage } from './journal-page';

export interface LessonTopic {
  lessonId: string;
  /** The topic's number in the plan, its title and section. */
  n: number;
  title: string;
  section?: string;
}

export interface KtpTopicsView {
  /** Per group of the page's lessons: whether its KTP is approved, and a word for the screen when not. */
  plans: Array<{ groupId: string; approved: boolean; message?: string }>;
  topics: LessonTopic[];
}

type Dated = { date: string; lessonNo: number; groupId: string; status?: string };

/** The topic of every lesson of one group, by the lesson's place in the year. */
export function topicsByLesson(yearLessons: readonly Dated[], topics: readonly NumberedTopic[]): Map<string, NumberedTopic> {
  const held = yearLessons.filter((l) => l.status !== 'cancelled').sort((a, b) => a.date.localeCompare(b.date) || a.lessonNo - b.lessonNo);
  const out = new Map<string, NumberedTopic>();
  held.forEach((l, i) => {
    const t = topics.find((x) => x.firstLesson <= i + 1 && i + 1 <= x.lastLesson);
    if (t) out.set(lessonIdOf(l), t);
  });
  return out;
}

export async function ktpTopicsOfPage(loaded: LoadedPage, groupId: string | null): Promise<KtpTopicsView> {
  const { place, slice } = loaded;
  const cls = await getClass(place.schoolId, place.classId);
  if (!cls) throw new NotFoundError('Класс не найден.');
  const year = await getYear(place.schoolId, cls.yearId);
  if (!year) throw new NotFoundError('Учебный год класса не заведён.');
  const periods = periodsForGrade(year, cls.grade);
  const at = periods.findIndex((p) => p.periodId === place.periodId);
  if (at < 0) throw new NotFoundError('Нет такого периода у этого класса.');
  const groups = [...new Set(slice.lessons.map((l) => l.groupId))].filter((g) => !groupId || g === groupId);
  const [earlier, ktps] = await Promise.all([
    Promise.all(periods.slice(0, at).map((p) => listLessons(place.schoolId, place.classId, p.periodId, place.subjectId))),
    Promise.all(groups.map((g) => getKtp({ schoolId: place.schoolId, yearId: cls.yearId, classId: place.classId, subjectId: place.subjectId, groupId: g }))),
  ]);
  const yearLessons: Dated[] = [...earlier.flat(), ...slice.lessons];
  const pageLessons = new Set(slice.lessons.map(lessonIdOf));
  const plans: KtpTopicsView['plans'] = [];
  const topics: LessonTopic[] = [];
  groups.forEach((g, i) => {
    const ktp = ktps[i];
    if (ktp?.status !== 'approved') {
      plans.push({ groupId: g, approved: false, message: ktp ? 'КТП ещё не утверждён: тема из него не предлагается.' : 'КТП по предмету не составлен.' });
      return;
    }
    plans.push({ groupId: g, approved: true });
    for (const [lessonId, t] of topicsByLesson(yearLessons.filter((l) => l.groupId === g), numberedTopics(ktp.rows))) {
      if (pageLessons.has(lessonId)) topics.push({ lessonId, n: t.n, title: t.title, ...(t.section ? { section: t.section } : {}) });
    }
  });
  return { plans, topics };
}
