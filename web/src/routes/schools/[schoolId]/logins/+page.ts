import { api } from '$lib/api';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';
import { loginRows } from './logins';

export const load: PageLoad = async ({ url, params }) => {
  const [me, { entries }] = await Promise.all([requireMe(url), orFail(url, () => api.loginRegister(params.schoolId))]);
  const school = me.schools.find((s) => s.schoolId === params.schoolId);
  return { me, schoolName: school?.name ?? params.schoolId, rows: loginRows(entries) };
};
