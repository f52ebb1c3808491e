/** The department's work on its schools (functions/school/routes.ts, issue 9): the list, a new school, a school's first administrator. */
import type { z } from 'zod';
import type { appointedResponse, departmentSchoolsResponse, newSchoolResponse } from '../../../../functions/school/department-schemas';
import { send } from '../api';

export type DepartmentSchool = z.infer<typeof departmentSchoolsResponse>['schools'][number];
export type AppointedAdministrator = z.infer<typeof appointedResponse>;

const dep = (departmentId: string) => `/api/departments/${encodeURIComponent(departmentId)}/schools`;

export const departmentApi = {
  schools: (departmentId: string) => send<z.infer<typeof departmentSchoolsResponse>>('GET', dep(departmentId)),
  createSchool: (departmentId: string, body: { name: string; shortName: string; city: string; timeZone: string }) =>
    send<z.infer<typeof newSchoolResponse>>('POST', dep(departmentId), body),
  grantInspector: (departmentId: string, body: Record<string, unknown>) =>
    send<AppointedAdministrator>('POST', `/api/departments/${encodeURIComponent(departmentId)}/inspectors`, body),
  appointAdministrator: (departmentId: string, schoolId: string, body: { lastName: string; firstName: string; middleName?: string; position?: string }) =>
    send<AppointedAdministrator>('POST', `${dep(departmentId)}/${encodeURIComponent(schoolId)}/administrators`, body),
};

/** Russia's time zones a school may be in (the zone decides the school's "today"). */
export const SCHOOL_TIME_ZONES: ReadonlyArray<[string, string]> = [
  ['Europe/Kaliningrad', 'Калининград (МСК−1)'],
  ['Europe/Moscow', 'Москва (МСК)'],
  ['Europe/Samara', 'Самара (МСК+1)'],
  ['Asia/Yekaterinburg', 'Екатеринбург (МСК+2)'],
  ['Asia/Omsk', 'Омск (МСК+3)'],
  ['Asia/Novosibirsk', 'Новосибирск (МСК+4)'],
  ['Asia/Irkutsk', 'Иркутск (МСК+5)'],
  ['Asia/Yakutsk', 'Якутск (МСК+6)'],
  ['Asia/Vladivostok', 'Владивосток (МСК+7)'],
  ['Asia/Magadan', 'Магадан (МСК+8)'],
  ['Asia/Kamchatka', 'Петропавловск-Камчатский (МСК+9)'],
];

export const NEW_SCHOOL_TEXT = {
  title: 'Новая школа',
  intro: 'Управление образования заводит школу и назначает её первого администратора ЭЖ; остальных сотрудников регистрирует уже он (п. 5 Положения).',
  refused: 'Школы заводит специалист управления образования.',
  name: 'Полное название',
  shortName: 'Краткое название',
  city: 'Населённый пункт',
  timeZone: 'Часовой пояс',
  create: 'Завести школу',
  created: (name: string) => `Школа «${name}» заведена. Назначьте её администратора ниже.`,
  adminTitle: 'Администратор ЭЖ школы',
  adminIntro: 'Создаётся учётная запись с ролью «Администратор» и одноразовый код активации: передайте логин и код лично администратору.',
  school: 'Школа',
  lastName: 'Фамилия',
  firstName: 'Имя',
  middleName: 'Отчество',
  appoint: 'Назначить и выдать код',
  issued: (login: string, code: string, until: string) => `Логин ${login}, код активации ${code} (действует до ${until}).`,
  noSchools: 'Сначала заведите школу.',
} as const;

export const INSPECTOR_TEXT = {
  title: 'Инспектор управления',
  intro: 'Доступ только на просмотр по письменному заявлению (п. 4.1, 4.5): выбранные школы и разделы, до указанного дня включительно. Изменять данные такой доступ не может.',
  refused: 'Доступ инспектору выдаёт специалист управления образования.',
  position: 'Должность, организация',
  schools: 'Школы',
  allSchools: 'все школы управления',
  areas: 'Что можно просматривать',
  until: 'Доступ до (включительно)',
  applicationNo: 'Номер заявления',
  applicationDate: 'Дата заявления',
  grant: 'Выдать доступ и код',
  granted: (login: string, code: string, until: string) => `Доступ выдан: логин ${login}, код активации ${code} (действует до ${until}).`,
} as const;
