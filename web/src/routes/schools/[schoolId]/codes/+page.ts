import { redirect } from '@sveltejs/kit';
import { paths } from '$lib/paths';
import type { PageLoad } from './$types';

// The old address of the code form (an account id typed by hand): kept for bookmarks, it opens the
// code sheets of the class or of the staff.
export const load: PageLoad = ({ url, params }) => {
  redirect(308, paths.activationCodes(params.schoolId, url.searchParams.get('class') ?? undefined));
};
