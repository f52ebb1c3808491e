/**
 * The demo school's journal (issue 4): for the lessons that have already happened, topics (from
 * the class's KTP where there is one), work types, homework («нет» in grade 1), marks, attendance
 * with reasons, and the change log that all of it would have written, chained and with its heads;
 * plus the per-subject rosters of every class x period that has lessons.
 *
 * Pure and deterministic for a given `now` and set of demo items: `demoJournalItems` reads the
 * composed demo items (people, curriculum, timetable, KTP) and returns new items and replacements
 * of lesson items (same pk/sk); `withDemoJournal` applies them to the list, which is what the seed
 * should write (a replacement must not race its original in parallel BatchWrites).
 *
 * Scope: a whole school's quarter is about 50,000 marks; the demo fills, in the current period only,
 * the classes of the fixed student and parents' children and everything the fixed `teacher` and
 * `classteacher` teach, so that every demo login sees a lived-in journal and the seed stays short
 * (about 8,000 items at the end of November: see test/unit/journal-demo.test.ts). The recent two
 * days are left partly unfilled on purpose, for the class teacher's daily check.
 */
import { WHOLE_CLASS, substituteCovers, type LoadLine, type SubgroupSet, type SubstituteAssignment } from '../domain/curriculum';
import { addDays, dateInZone, instantInZone } from '../domain/calendar';
import { chainNext, type ChangeRecord } from '../domain/journal-log';
import { inLessonGroup, lessonIdOf, onRosterOn, type JournalAttendance, type JournalLesson, type JournalMark, type SubjectRoster } from '../domain/journal-model';
import { GRADE1_HOMEWORK, takesMarks } from '../domain/journal-rules';
import type { Ktp } from '../domain/ktp';
import type { Movement } from '../domain/movement';
import { DEFAULT_WEIGHTS, type WorkTypeId } from '../domain/work-types';
import { periodsForGrade, type AcademicYear } from '../domain/year';
import { changeHeadItem, changeRecordItem } from '../repos/change-log';
import { attendanceItem, markItem, rosterItem } from '../repos/journal';
import { keys } from '../db/keys';
import { buildRoster, classMembers } from '../services/journal-rosters';
import { type DemoModel, DEMO_TIME_ZONE } from './model';
import { fullName } from './names';
import { rngStream } from './random';

type Item = Record<string, unknown>;

export interface DemoJournalScope {
  /** Every lesson of these classes. */
  classIds?: string[];
  /** Every lesson these teachers give. */
  teacherIds?: string[];
  /** 'current': only the period each grade is in on `now` (or last was); 'all': every generated period. */
  periods?: 'current' | 'all';
}

export function defaultJournalScope(model: DemoModel): Required<DemoJournalScope> {
  const fixedKids = new Set([...model.students.filter((s) => s.fixed).map((s) => s.studentId), ...model.parents.filter((p) => p.fixed).flatMap((p) => p.childIds)]);
  const classIds = [...new Set(model.students.filter((s) => fixedKids.has(s.studentId)).map((s) => s.classId))].sort();
  const teacherIds = model.staff.filter((s) => s.fixed === 'teacher' || s.fixed === 'classteacher').map((s) => s.userId);
  return { classIds, teacherIds, periods: 'current' };
}

type StoredLesson = JournalLesson & { classId: string; periodId: string; schoolId: string };

const at = (date: string, hh: number, mm = 0) => instantInZone(date, hh, mm, DEMO_TIME_ZONE);

const TOPIC_FALLBACK: Record<string, string[]> = {
  math: ['Натуральные числа', 'Сложение и вычитание', 'Умножение и деление', 'Дроби', 'Решение задач'],
  russian: ['Орфография', 'Пунктуация', 'Морфология', 'Синтаксис', 'Развитие речи'],
  literature: ['Устное народное творчество', 'Басни', 'Сказки', 'Стихотворения русских поэтов'],
  english: ['Знакомство', 'Моя семья', 'Мой дом', 'Школа', 'Время Present Simple — повторение'],
};

function topicOf(subjectId: string, subjectName: string, ordinal: number, ktpTopics: string[] | undefined): string {
  if (ktpTopics && ktpTopics.length > 0) return ktpTopics[Math.min(ordinal, ktpTopics.length - 1)]!;
  const list = TOPIC_FALLBACK[subjectId];
  return list ? `${list[Math.floor(ordinal / 4) % list.length]}. Урок ${ordinal + 1}` : `${subjectName}: урок ${ordinal + 1}`;
}

/** The n-th lesson's topic: each KTP topic spans its hours. */
function ktpSequence(k: Ktp | undefined): string[] | undefined {
  if (!k) return undefined;
  return k.rows.flatMap((r) => (r.kind === 'topic' ? Array<string>(r.hours).fill(r.title) : []));
}

export function demoJournalItems(input: { model: DemoModel; items: readonly Item[]; now: Date; scope?: DemoJournalScope }): Item[] {
  const { model, items, now } = input;
  const sch = model.school.schoolId;
  const today = dateInZone(now, model.school.timeZone);
  const scope = { ...defaultJournalScope(model), ...input.scope };
  const inScope = (l: StoredLesson) => scope.classIds.includes(l.classId) || (!!l.teacherId && scope.teacherIds.includes(l.teacherId));

  const of = <T>(type: string) => items.filter((i) => i.type === type) as unknown as T[];
  const year = of<AcademicYear>('academicYear').find((y) => y.yearId === model.yearId);
  if (!year) return [];
  const lessons = of<StoredLesson>('lesson').filter((l) => l.status !== 'cancelled');
  const lessonItems = new Map(items.filter((i) => i.type === 'lesson').map((i) => [`${i.pk}|${i.sk}`, i]));
  const lines = of<LoadLine>('loadLine');
  const subgroupSets = of<SubgroupSet>('subgroups');
  const substitutes = of<SubstituteAssignment>('substitute');
  const cards = of<{ studentId: string; classId: string; lastName: string; firstName: string; status?: string }>('studentCard');
  const movements = of<Movement>('movement');
  const ktps = of<Ktp>('ktp');
  const subjectName = new Map(of<{ subjectId: string; name: string }>('subject').map((s) => [s.subjectId, s.name]));
  const staffName = new Map(model.staff.map((s) => [s.userId, fullName(s)]));
  const gradeOf = new Map(model.classes.map((c) => [c.classId, c.grade]));
  const classNameOf = new Map(model.classes.map((c) => [c.classId, `${c.grade}${c.letter}`]));

  // The lesson's place in its class-subject-group's year, for the KTP's n-th topic.
  const ordinal = new Map<string, number>();
  const seqKey = (l: StoredLesson) => `${l.classId}|${l.subjectId}|${l.groupId}`;
  const bySeq = new Map<string, StoredLesson[]>();
  for (const l of lessons) {
    const list = bySeq.get(seqKey(l));
    if (list) list.push(l);
    else bySeq.set(seqKey(l), [l]);
  }
  for (const list of bySeq.values()) {
    list.sort((a, b) => a.date.localeCompare(b.date) || a.lessonNo - b.lessonNo);
    list.forEach((l, i) => ordinal.set(`${seqKey(l)}|${l.date}|${l.lessonNo}`, i));
  }
  const ktpOf = new Map(ktps.map((k) => [`${k.classId}|${k.subjectId}|${k.groupId}`, ktpSequence(k)]));

  // Rosters of every class x period x subject that the chosen lessons touch.
  const out: Item[] = [];
  const currentPeriodOf = new Map<number, string | undefined>();
  for (const grade of new Set(model.classes.map((c) => c.grade))) {
    const list = periodsForGrade(year, grade);
    currentPeriodOf.set(grade, (list.find((p) => p.startDate <= today && today <= p.endDate) ?? [...list].reverse().find((p) => p.startDate <= today))?.periodId);
  }
  const inPeriod = (l: StoredLesson) => scope.periods === 'all' || currentPeriodOf.get(gradeOf.get(l.classId) ?? 0) === l.periodId;
  const wanted = lessons.filter((l) => inScope(l) && inPeriod(l) && l.date <= today);
  // Rosters for every class x subject of the current period (cheap, one item each), so that no
  // journal page of the demo has to build its roster on first use; marks only for the scope.
  const places = new Map<string, { classId: string; periodId: string; subjectId: string }>();
  for (const l of lessons.filter(inPeriod)) places.set(`${l.classId}|${l.periodId}|${l.subjectId}`, { classId: l.classId, periodId: l.periodId, subjectId: l.subjectId });
  const rosters = new Map<string, SubjectRoster>();
  const membersCache = new Map<string, ReturnType<typeof classMembers>>();
  for (const [key, p] of places) {
    const grade = gradeOf.get(p.classId)!;
    const period = periodsForGrade(year, grade).find((x) => x.periodId === p.periodId);
    const line = lines.find((x) => x.classId === p.classId && x.subjectId === p.subjectId) ?? null;
    if (!period || !line) continue;
    const mKey = `${p.classId}|${p.periodId}`;
    if (!membersCache.has(mKey)) {
      const current = cards.filter((c) => c.classId === p.classId && (c.status ?? 'enrolled') === 'enrolled');
      membersCache.set(mKey, classMembers(p.classId, period, current, movements.filter((m) => m.date >= period.startDate)));
    }
    const roster = buildRoster({
      classId: p.classId,
      className: classNameOf.get(p.classId)!,
      grade,
      period,
      subjectId: p.subjectId,
      subjectName: subjectName.get(p.subjectId),
      line,
      subgroups: subgroupSets.find((s) => s.classId === p.classId && s.periodId === p.periodId && s.subjectId === p.subjectId) ?? null,
      members: membersCache.get(mKey)!,
      version: 1,
      builtAt: at(period.startDate, 7),
    });
    rosters.set(key, roster);
    out.push(rosterItem({ schoolId: sch, classId: p.classId, periodId: p.periodId }, roster));
  }

  // Each student's usual level, so that their marks look like one person's.
  const ability = new Map<string, number>();
  const levels = rngStream('journal-ability');
  for (const c of cards) ability.set(c.studentId, levels.pick([3.1, 3.5, 3.9, 4.2, 4.5, 4.8]));

  const byPlace = new Map<string, StoredLesson[]>();
  for (const l of wanted) {
    const key = `${l.classId}|${l.periodId}|${l.subjectId}`;
    if (!rosters.has(key)) continue;
    const list = byPlace.get(key);
    if (list) list.push(l);
    else byPlace.set(key, [l]);
  }
  for (const [key, list] of [...byPlace].sort(([a], [b]) => a.localeCompare(b))) {
    const roster = rosters.get(key)!;
    const place = { schoolId: sch, classId: roster.classId, periodId: roster.periodId, subjectId: roster.subjectId };
    const partition = keys.journalPartition(sch, place.classId, place.periodId);
    const rng = rngStream(`journal:${key}`);
    const grade = roster.grade;
    const records: Array<Omit<ChangeRecord, 'seq' | 'prevHash' | 'hash'>> = [];
    list.sort((a, b) => a.date.localeCompare(b.date) || a.lessonNo - b.lessonNo || a.groupId.localeCompare(b.groupId));
    for (const l of list) {
      const recent = l.date >= addDays(today, -1);
      if (!rng.chance(recent ? 0.55 : 0.98)) continue;
      const sub = substitutes.find((s) => s.classId === l.classId && s.periodId === l.periodId && substituteCovers(s, l));
      const actorId = sub?.teacherId ?? l.teacherId ?? '';
      const actorName = staffName.get(actorId) ?? actorId;
      const n = ordinal.get(`${seqKey(l)}|${l.date}|${l.lessonNo}`) ?? 0;
      const late = !recent && rng.chance(0.06);
      const filledAt = late ? at(addDays(l.date, 3), 19, 30) : at(l.date, 14, rng.int(0, 50));
      if (filledAt > now.toISOString()) continue;
      const kind = n % 16 === 15 ? 'test' : n % 8 === 7 ? 'independent' : 'lessonAnswer';
      const workTypes: WorkTypeId[] = kind === 'lessonAnswer' ? ['lessonAnswer'] : ['lessonAnswer', kind];
      const content = {
        topic: topicOf(l.subjectId, subjectName.get(l.subjectId) ?? l.subjectId, n, ktpOf.get(seqKey(l)) ?? ktpOf.get(`${l.classId}|${l.subjectId}|${WHOLE_CLASS}`)),
        workTypes,
        homework: takesMarks(grade) ? `§ ${Math.floor(n / 2) + 1}, упр. ${(n * 7) % 40 + 1}` : GRADE1_HOMEWORK,
      };
      const lessonKey = keys.lesson(sch, l.classId, l.periodId, l.subjectId, l.date, l.lessonNo, l.groupId);
      const original = lessonItems.get(`${lessonKey.pk}|${lessonKey.sk}`)!;
      out.push({ ...original, ...content, filledAt, filledBy: actorId, journalData: true, version: Number(original.version ?? 1) + 1 });
      const target = { lessonId: lessonIdOf(l) };
      records.push({ partition, subjectId: l.subjectId, at: filledAt, actorId, actorName, action: 'create', entity: 'lesson', target, old: null, new: content });

      const students = roster.students.filter((s) => inLessonGroup(s, l.groupId, roster.groups) && onRosterOn(s, l.date));
      let minute = 0;
      for (const s of students) {
        const setAt = new Date(Date.parse(filledAt) + ++minute * 1000).toISOString();
        const r = rng.next();
        if (r < 0.06) {
          const reason = rng.pick(['illness', 'illness', 'illness', 'valid', undefined] as const);
          const a: JournalAttendance = { date: l.date, lessonNo: l.lessonNo, groupId: l.groupId, studentId: s.studentId, kind: 'absent', ...(reason ? { reason } : {}), version: 1, setBy: actorId, setAt };
          out.push(attendanceItem(place, a));
          records.push({ partition, subjectId: l.subjectId, at: setAt, actorId, actorName, action: 'create', entity: 'attendance', target: { ...target, studentId: s.studentId }, old: null, new: { kind: 'absent', ...(reason ? { reason } : {}) } });
          continue;
        }
        if (r < 0.08) {
          out.push(attendanceItem(place, { date: l.date, lessonNo: l.lessonNo, groupId: l.groupId, studentId: s.studentId, kind: 'late', version: 1, setBy: actorId, setAt }));
          records.push({ partition, subjectId: l.subjectId, at: setAt, actorId, actorName, action: 'create', entity: 'attendance', target: { ...target, studentId: s.studentId }, old: null, new: { kind: 'late' } });
        }
        if (!takesMarks(grade)) continue;
        const marks: WorkTypeId[] = kind === 'lessonAnswer' ? (rng.chance(0.22) ? ['lessonAnswer'] : []) : [kind, ...(rng.chance(0.1) ? (['lessonAnswer'] as const) : [])];
        for (const workType of marks) {
          const value = Math.max(2, Math.min(5, Math.round((ability.get(s.studentId) ?? 4) + (rng.next() - 0.5) * 1.8)));
          const m: JournalMark = { date: l.date, lessonNo: l.lessonNo, groupId: l.groupId, studentId: s.studentId, workType, value, weight: DEFAULT_WEIGHTS[workType], version: 1, setBy: actorId, setAt };
          out.push(markItem(place, m));
          records.push({ partition, subjectId: l.subjectId, at: setAt, actorId, actorName, action: 'create', entity: 'mark', target: { ...target, studentId: s.studentId, workType }, old: null, new: { value } });
        }
      }
    }
    let head: ChangeRecord | null = null;
    for (const body of records) {
      head = chainNext(body, head);
      out.push(changeRecordItem(place, head));
    }
    if (head) out.push(changeHeadItem(place, head));
  }
  return out;
}

/** The demo items with the journal applied: lesson items replaced in place, the rest appended. */
export function withDemoJournal(items: readonly Item[], model: DemoModel, now: Date, scope?: DemoJournalScope): Item[] {
  const added = demoJournalItems({ model, items, now, scope });
  const replaced = new Map(added.filter((i) => i.type === 'lesson').map((i) => [`${i.pk}|${i.sk}`, i]));
  return [...items.map((i) => replaced.get(`${i.pk}|${i.sk}`) ?? i), ...added.filter((i) => i.type !== 'lesson')];
}
