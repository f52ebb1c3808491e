import { buildDemoModel } from './shared/demo/model';
import { demoLoad } from './shared/demo/curriculum';
import { demoTimetable, demoTimetableItems } from './shared/demo/timetable';
const model = buildDemoModel({ now: new Date('2026-11-29T05:00:00Z') });
let t = performance.now();
const lines = demoLoad(model);
const slots = demoTimetable(model, lines);
console.log('slots', slots.length, Math.round(performance.now() - t), 'ms');
t = performance.now();
const items = demoTimetableItems(model, { now: new Date('2026-11-29T05:00:00Z') });
const by = new Map<string, number>();
for (const i of items) by.set(i.type as string, (by.get(i.type as string) ?? 0) + 1);
console.log([...by], Math.round(performance.now() - t), 'ms');
for (const cls of ['1a', '5a', '9b']) {
  console.log(cls);
  for (let d = 1; d <= 6; d++) console.log(d, slots.filter((s) => s.classId === cls && s.weekday === d).map((s) => `${s.lessonNo}:${s.subjectId}${s.groupId === 'all' ? '' : '/' + s.groupId}`).join(' '));
}
