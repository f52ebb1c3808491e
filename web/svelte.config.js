import adapter from '@sveltejs/adapter-static';

// ZHURNAL_WEB_OUT names another output folder (and SvelteKit work folder) so that several working
// copies of one checkout can build and test the web app at once; test/support/stack.ts serves it.
const out = process.env.ZHURNAL_WEB_OUT || 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    // A static single-page app: every path without a file gets index.html, and the client router
    // takes over (the local server and the CloudFront function both serve it that way).
    adapter: adapter({ pages: out, assets: out, fallback: 'index.html', strict: true }),
    outDir: out === 'build' ? '.svelte-kit' : `.svelte-kit-${out}`,
  },
  vitePlugin: {
    // Our components are all Svelte 5 runes; libraries keep whatever mode they were written in.
    dynamicCompileOptions: ({ filename }) => (filename.includes('/node_modules/') ? undefined : { runes: true }),
  },
};

export default config;
