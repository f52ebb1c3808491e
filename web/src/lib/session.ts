/**
 * The signed-in person, as the screens' load functions see it. The session itself is an HttpOnly
 * cookie the page cannot read; what the page keeps is the CSRF token (inside api.ts).
 */
import { error, redirect } from '@sveltejs/kit';
import { api, ApiError, setCsrfToken } from './api';
import { loginHref } from './paths';
import type { Me } from './types';

// The sign-in and activation answers are the me-object already, so the first screen after them
// need not ask for it again.
let justSignedIn: Me | null = null;

export function rememberSignedIn(me: Me): void {
  justSignedIn = me;
  setCsrfToken(me.csrfToken);
}

export function forgetSession(): void {
  justSignedIn = null;
  setCsrfToken('');
}

/**
 * Runs a screen's requests: no session sends the person to sign in (and back here afterwards);
 * any other failure becomes the error page with the server's Russian message.
 */
export async function orFail<T>(url: URL, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      forgetSession();
      redirect(307, loginHref(url));
    }
    if (e instanceof ApiError) error(e.status >= 400 && e.status <= 599 ? e.status : 503, e.message);
    throw e;
  }
}

/** The signed-in person, or a redirect to the sign-in screen. */
export function requireMe(url: URL): Promise<Me> {
  if (justSignedIn) {
    const me = justSignedIn;
    justSignedIn = null;
    return Promise.resolve(me);
  }
  return orFail(url, api.me);
}

/** Ends the session on the server; an already expired one counts as ended. */
export async function signOut(): Promise<void> {
  try {
    await api.signOut();
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 401)) throw e;
  }
  forgetSession();
}

/** Ends every session of the person, this one included (shared computers, a lost phone). */
export async function signOutEverywhere(): Promise<void> {
  await api.signOutEverywhere();
  forgetSession();
}
