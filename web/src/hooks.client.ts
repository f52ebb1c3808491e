import type { HandleClientError } from '@sveltejs/kit';
import { APP_TEXT } from '$lib/texts';

// Kit's own messages are English ("Not Found", "Internal Error"); the error page shows these instead.
export const handleError: HandleClientError = ({ error, status }) => {
  if (status !== 404) console.error(error);
  return { message: status === 404 ? APP_TEXT.notFound : APP_TEXT.unexpected };
};
