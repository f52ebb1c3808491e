import { checksApi } from '$lib/checks/checks';
import { loadChecks } from '$lib/checks/load';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ url }) => loadChecks(url, async (schoolId) => ({ list: await checksApi.list(schoolId) }));
