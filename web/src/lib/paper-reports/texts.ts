/**
 * Everything a person reads on the paper reports' screen (clause 3.13, R-52), in one place, and
 * the few pure choices the screen makes about what to say.
 */
import { ruDate } from '../../../../shared/domain/calendar';
import type { Application, ReportPupil } from './api';

export const PAPER_TEXT = {
  title: 'Бумажные отчёты об успеваемости',
  intro: (days: number) =>
    `По письменному заявлению родителя школа раз в две недели выдаёт сведения об успеваемости на бумаге (п. 3.13 Положения). Отчёт класса формируется в понедельник после окончания двухнедельного периода; вручите его за ${days} рабочих дня.`,
  chooseClass: 'Класс',
  show: 'Показать',
  reports: 'Отчёты за две недели',
  noReports: 'Отчётов пока нет: они появятся в понедельник после двухнедельного периода, если есть заявления.',
  period: (from: string, to: string) => `${ruDate(from)} – ${ruDate(to)}`,
  generated: (on: string, deadline: string) => `Сформирован ${ruDate(on)}, вручить до ${ruDate(deadline)} включительно.`,
  overdue: (n: number) => `Просрочено: ${n}`,
  download: 'Скачать PDF',
  downloadFor: (period: string) => `Скачать PDF за ${period}`,
  pupil: 'Обучающийся',
  parent: 'Родитель',
  handedOver: 'Вручён',
  handOverDate: 'Дата вручения',
  markHanded: 'Отметить «вручён»',
  markHandedFor: (name: string) => `Отметить «вручён»: ${name}`,
  handedDone: (name: string) => `Отчёт отмечен как вручённый: ${name}.`,
  notHanded: 'не вручён',
  overdueMark: 'не вручён — просрочен',
  applications: 'Заявления родителей',
  noApplications: 'Заявлений от родителей этого класса нет.',
  application: 'Заявление',
  from: 'Выдавать с',
  recordedBy: 'Записал(а)',
  state: 'Состояние',
  add: 'Записать заявление',
  addButton: 'Записать',
  recorded: 'Заявление записано.',
  date: 'Дата заявления',
  number: 'Номер заявления',
  parentName: 'ФИО родителя (законного представителя)',
  fromDate: 'Выдавать отчёты с',
  choose: '— выберите —',
  notAllowed: 'Бумажные отчёты класса доступны его классному руководителю, секретарю и администрации школы.',
  noClasses: 'Нет классов, отчёты которых вам доступны.',
  withdraw: 'Отозвать',
  withdrawFor: (name: string) => `Отозвать заявление: ${name}`,
  withdrawTitle: (name: string) => `Отказ от бумажных отчётов: ${name}`,
  withdrawHint: 'Отзыв записывается по новому письменному заявлению родителя: его дата и номер.',
  withdrawDate: 'Дата заявления об отказе',
  withdrawNumber: 'Номер заявления об отказе',
  withdrawButton: 'Записать отказ',
  withdrawn: 'Отказ записан: отчёты больше не формируются.',
  cancel: 'Отмена',
  badge: (n: number) => `просрочено бумажных отчётов: ${n}`,
} as const;

export function applicationState(a: Pick<Application, 'withdrawal'>): string {
  return a.withdrawal ? `отозвано ${ruDate(a.withdrawal.date)} (№ ${a.withdrawal.number})` : 'действует';
}

export function pupilState(p: Pick<ReportPupil, 'handedOver' | 'overdue'>): string {
  if (p.handedOver) return `${ruDate(p.handedOver.date)}, ${p.handedOver.byName}`;
  return p.overdue ? PAPER_TEXT.overdueMark : PAPER_TEXT.notHanded;
}

export function applicationLine(a: Pick<Application, 'number' | 'date'>): string {
  return `№ ${a.number} от ${ruDate(a.date)}`;
}
