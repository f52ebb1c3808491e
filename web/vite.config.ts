import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The root package.json builds from the repository root (`vite build --config web/vite.config.ts`),
// but Kit's Vite plugin takes the project root (svelte.config.js, src/, build/) from process.cwd()
// when its module is first evaluated. So move into web/ first and only then load the plugin.
process.chdir(fileURLToPath(new URL('.', import.meta.url)));
const { sveltekit } = await import('@sveltejs/kit/vite');

export default defineConfig({
  plugins: [sveltekit()],
  build: {
    // Hashed file names already make caching safe; source maps would only double the download.
    sourcemap: false,
  },
});
