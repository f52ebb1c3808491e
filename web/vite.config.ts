import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The root package.json builds from the repository root (`vite build --config web/vite.config.ts`),
// but Kit's Vite plugin takes the project root (svelte.config.js, src/, build/) from process.cwd()
// when its module is first evaluated. So move into web/ first and only then load the plugin.
// Kit reads this file again inside a worker thread, which shares the (already changed) directory
// and may not call chdir.
const webDir = resolve(fileURLToPath(new URL('.', import.meta.url)));
if (resolve(process.cwd()) !== webDir) process.chdir(webDir);
const { sveltekit } = await import('@sveltejs/kit/vite');

export default defineConfig({
  plugins: [sveltekit()],
  build: {
    // Hashed file names already make caching safe; source maps would only double the download.
    sourcemap: false,
    rolldownOptions: {
      // Kit's writeBundle (route analysis and the static adapter) takes a few seconds by design;
      // Rolldown's advice about slow plugin callbacks is noise here.
      checks: { bundlerTimings: false },
    },
  },
});
