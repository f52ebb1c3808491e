import { loadReport } from '$lib/reports/load';
import { reportsApi } from '$lib/reports/reports';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ url, params }) => loadReport(url, params, reportsApi.movement);
