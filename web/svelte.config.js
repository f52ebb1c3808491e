import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    // A static single-page app: every path without a file gets index.html, and the client router
    // takes over (the local server and the CloudFront function both serve it that way).
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
  },
  vitePlugin: {
    // Our components are all Svelte 5 runes; libraries keep whatever mode they were written in.
    dynamicCompileOptions: ({ filename }) => (filename.includes('/node_modules/') ? undefined : { runes: true }),
  },
};

export default config;
