import { checksApi } from '$lib/checks/checks';
import { loadChecks } from '$lib/checks/load';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ url, params }) => loadChecks(url, async (schoolId) => ({ check: await checksApi.get(schoolId, params.checkId) }));
