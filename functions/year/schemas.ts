/**
 * Request and response schemas of the year area. They check the shape and bound the sizes (the
 * year is one item); what makes a year right (dates, order, coverage, holidays) is
 * shared/domain/year-rules.ts, which reports every problem at once.
 */
import * as z from 'zod';

const date = (what: string) => z.string({ error: `${what}: укажите дату (ГГГГ-ММ-ДД).` }).max(10, `${what}: дата в формате ГГГГ-ММ-ДД.`);
const grades = (what: string) =>
  z.array(z.number({ error: `${what}: параллель — число от 1 до 11.` }), { error: `${what}: укажите список параллелей.` }).max(11, `${what}: не больше 11 параллелей.`);

const period = z.object({
  periodId: z.string({ error: 'Укажите код периода, например 2026-q1.' }).max(32, 'Код периода не длиннее 32 знаков.'),
  name: z.string({ error: 'Укажите название периода.' }).max(60, 'Название периода не длиннее 60 знаков.'),
  startDate: date('Начало периода'),
  endDate: date('Окончание периода'),
});

const periodSet = z.object({
  kind: z.enum(['quarter', 'half'], { error: 'Вид периодов: четверти (quarter) или полугодия (half).' }),
  grades: grades('Набор периодов'),
  periods: z.array(period, { error: 'Укажите периоды набора.' }).max(12, 'В наборе не больше 12 периодов.'),
});

const holiday = z.object({
  name: z.string({ error: 'Укажите название каникул.' }).max(100, 'Название каникул не длиннее 100 знаков.'),
  startDate: date('Начало каникул'),
  endDate: date('Окончание каникул'),
  grades: grades('Каникулы').optional(),
});

export const yearBody = z.object({
  version: z
    .number({ error: 'Не указана версия учебного года (0 для нового): обновите страницу.' })
    .int('Версия учебного года — целое число.')
    .min(0, 'Версия учебного года не может быть отрицательной.'),
  startDate: date('Начало учебного года'),
  endDate: date('Окончание учебного года'),
  periodSets: z.array(periodSet, { error: 'Укажите наборы учебных периодов.' }).max(11, 'Не больше 11 наборов периодов.'),
  holidays: z.array(holiday, { error: 'Укажите каникулы (список может быть пустым).' }).max(60, 'Не больше 60 каникул и праздников.'),
});

export const yearResponse = z.object({
  schoolId: z.string(),
  yearId: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  periodSets: z.array(periodSet),
  holidays: z.array(holiday),
  version: z.number(),
});

export const yearListResponse = z.object({ years: z.array(yearResponse) });
