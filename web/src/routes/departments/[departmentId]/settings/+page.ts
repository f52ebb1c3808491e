import { api } from '$lib/api';
import { orFail, requireMe } from '$lib/session';
import type { PageLoad } from './$types';
import { settingRows } from './settings';

export const load: PageLoad = async ({ url, params }) => {
  const [me, settings] = await Promise.all([requireMe(url), orFail(url, () => api.departmentSettings(params.departmentId))]);
  return { me, departmentName: settings.name, rows: settingRows(settings) };
};
