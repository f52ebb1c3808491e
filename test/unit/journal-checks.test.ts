/**
 * The pure rules of the journal's checks (issue 13 item 4): "the last signed-off check is older than
 * a month" by the calendar month with `today` passed in, and the справка drafted from the figures.
 */
import { describe, expect, it } from 'vitest';
import { addMonths, MAX_REMARKS, checkDateProblem, checkDue, checkDueText, draftCertificateText, figureCells, ktpText, type CheckFigure } from '../../shared/domain/reports/journal-checks';

describe('the month between checks (clause 8.2)', () => {
  it('should count a calendar month, to the month\'s last day where it is shorter', () => {
    expect(addMonths('2026-10-15', 1)).toBe('2026-11-15');
    expect(addMonths('2026-12-20', 1)).toBe('2027-01-20');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });

  it('should warn with no signed-off check at all', () => {
    expect(checkDue([], '2026-11-30')).toEqual({ lastDate: null, dueBy: null, overdue: true });
    expect(checkDueText(checkDue([], '2026-11-30'))).toContain('Подписанных проверок электронного журнала ещё нет');
  });

  it('should not warn on the day a month after the last check, and warn the day after', () => {
    const signed = ['2026-09-20', '2026-10-15', '2026-10-01'];
    expect(checkDue(signed, '2026-11-15')).toEqual({ lastDate: '2026-10-15', dueBy: '2026-11-15', overdue: false });
    expect(checkDue(signed, '2026-11-16')).toEqual({ lastDate: '2026-10-15', dueBy: '2026-11-15', overdue: true });
    expect(checkDueText(checkDue(signed, '2026-11-10'))).toBe('Последняя подписанная проверка — 15.10.2026; следующая — не позднее 15.11.2026.');
    expect(checkDueText(checkDue(signed, '2026-11-16'))).toContain('больше месяца назад');
  });

  it('should refuse a check dated in the future or before its period', () => {
    const period = { startDate: '2026-11-05' };
    expect(checkDateProblem('2026-11-30', '2026-11-30', period)).toBeNull();
    expect(checkDateProblem('2026-12-01', '2026-11-30', period)).toBe('Дата проверки не может быть позже сегодняшнего дня.');
    expect(checkDateProblem('2026-11-01', '2026-11-30', period)).toBe('Дата проверки раньше начала проверяемого периода (05.11.2026).');
    expect(checkDateProblem('2026-02-30', '2026-11-30', period)).toContain('ДД.ММ.ГГГГ');
  });
});

describe('the справка drafted from the figures', () => {
  const figure = (over: Partial<CheckFigure>): CheckFigure => ({
    className: '5А', subjectName: 'Математика', teacherName: 'Петрова А. И.', fillRate: 1.25, noMarkShare: 4, oneMarkShare: 12, homeworkShare: 90, topicShare: 100, ktpBehind: 0, lateFills: 0, assessments: '2 из 2', problems: [], ...over,
  });
  const base = { schoolName: 'МАОУ СОШ № 53', date: '2026-11-30', periodName: '2 четверть', classNames: ['5А', '6А'], checkedByName: 'Сидорова Е. В.', checkedByTitle: 'Заместитель директора' };

  it('should state the figures and list each journal with a problem', () => {
    const text = draftCertificateText({ ...base, figures: [figure({}), figure({ className: '6А', teacherName: 'Иванов П. С.', fillRate: 0.75, homeworkShare: 70, topicShare: 80, ktpBehind: 2, lateFills: 3, problems: ['Отставание от КТП: 2 ч (допустимо 2 ч).', '3 урока заполнены с опозданием.'] })] });
    const [lead, figures, summary, remarks] = text.split('\n\n');
    expect(lead).toBe('30.11.2026 заместитель директора Сидорова Е. В. провел(а) проверку ведения электронного журнала (п. 8.2–8.3 Положения о ведении электронного журнала): 2 четверть, классы 5А, 6А.');
    // (1,25 + 0,75) / 2 = 1,00; (90 + 70) / 2 = 80 %; (100 + 80) / 2 = 90 %.
    expect(figures).toBe('Проверено журналов (предмет в классе): 2, учителей: 2; средняя наполняемость текущими отметками — 1,00 отметки на ученика за урок; домашнее задание записано в среднем на 80 % уроков, тема — на 90 %.');
    expect(summary).toBe('Отставание от утверждённого КТП — в 1 из 2 журналов; уроков, заполненных с опозданием, — 3.');
    expect(remarks).toBe('Замечания:\n— 6А, Математика (Иванов П. С.): отставание от КТП: 2 ч (допустимо 2 ч); 3 урока заполнены с опозданием.');
  });

  it('should say there is nothing to remark, or nothing to count', () => {
    expect(draftCertificateText({ ...base, classNames: ['5А'], figures: [figure({})] })).toContain('Замечаний по заполнению журнала не выявлено.');
    expect(draftCertificateText({ ...base, figures: [] })).toContain('Показатели мониторинга по проверенным классам за период отсутствуют');
    expect(draftCertificateText({ ...base, figures: [figure({ fillRate: null, problems: ['КТП не составлен.'] })] })).toContain('учителей: 1; текущих отметок нет; домашнее задание');
    expect(draftCertificateText({ ...base, figures: [figure({ problems: ['КТП не составлен.'] })] })).toContain('(Петрова А. И.): КТП не составлен.');
  });

  it('should name the first journals with remarks one by one and count the rest', () => {
    const many = Array.from({ length: MAX_REMARKS + 3 }, (_, i) => figure({ className: `${i}А`, problems: ['КТП не составлен.'] }));
    const text = draftCertificateText({ ...base, figures: many });
    expect(text.split('\n').filter((l) => l.startsWith('— ') && l.endsWith('КТП не составлен.'))).toHaveLength(MAX_REMARKS);
    expect(text).toContain('— и ещё 3 журналов с замечаниями: см. таблицу показателей.');
    expect(text.length).toBeLessThan(20_000);
  });

  it('should print a figures line with decimal commas', () => {
    expect(figureCells(figure({ ktpBehind: -1.5 }))).toEqual(['5А', 'Математика', 'Петрова А. И.', '1,25', '4 %', '12 %', '90 %', '100 %', 'опережает на 1,5 ч', '0', '2 из 2']);
    expect(ktpText(2)).toBe('отстаёт на 2,0 ч');
    expect(ktpText(0)).toBe('по плану');
  });
});
