// A static single-page app (adapter-static with an index.html fallback): nothing is rendered or
// prerendered on a server; every screen loads its data from the API in the browser.
export const ssr = false;
export const prerender = false;
