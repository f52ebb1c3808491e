/** A class teacher's class: the roster, and the way to the activation codes of its families. */
import { plural } from '../../../../../lib/format';

export const CLASS_TEXT = {
  title: (className: string) => `Класс ${className}`,
  classTeacher: (name: string) => `Классный руководитель: ${name}`,
  count: (n: number) => `${n} ${plural(n, ['обучающийся', 'обучающихся', 'обучающихся'])}`,
  roster: 'Список класса',
  empty: 'В списке класса пока никого нет.',
  codes: 'Коды активации для учеников и родителей',
  journalSoon: 'Журнал класса и сводная ведомость появятся в следующих версиях.',
} as const;
