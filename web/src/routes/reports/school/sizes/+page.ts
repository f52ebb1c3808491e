import { loadSchoolReport } from '$lib/reports/school-load';
import { schoolReportsApi } from '$lib/reports/school';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ url }) => loadSchoolReport(url, schoolReportsApi.sizes);
