import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Builds the bench page (bench/page) into dist-bench/, with the app's mockServiceWorker.js. */
export default defineConfig({
  root: here('./page'),
  publicDir: here('../public'),
  logLevel: 'warn',
  build: {
    outDir: here('../dist-bench'),
    emptyOutDir: true,
    target: 'es2022',
    // One chunk on purpose (the page is never shipped); no size warning.
    chunkSizeWarningLimit: 2048,
  },
});
