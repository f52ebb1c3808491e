import { error } from '@sveltejs/kit';
import { api } from '$lib/api';
import { loadSchoolReport } from '$lib/reports/school-load';
import { schoolReportsApi } from '$lib/reports/school';
import { orFail } from '$lib/session';
import type { PageLoad } from './$types';

/** The class asked for (?class=), else the school's first; its final data for its own year. */
export const load: PageLoad = async ({ url }) => {
  let classes: Array<{ classId: string; name: string }> = [];
  const loaded = await loadSchoolReport(url, async (schoolId) => {
    classes = (await orFail(url, () => api.classes(schoolId))).classes;
    const cls = classes.find((c) => c.classId === url.searchParams.get('class')) ?? classes[0];
    if (!cls) error(404, 'В школе ещё нет классов.');
    return schoolReportsApi.finalData(schoolId, cls.classId);
  });
  return { ...loaded, classes };
};
