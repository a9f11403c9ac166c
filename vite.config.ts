import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: true,
    // The engine chunk (MSW, its cookie and public-suffix code, the core) is ~560 kB minified and
    // loads in parallel with the shell (docs/decisions/0004). The API reference's renderer
    // (Scalar, ~1.6 MB minified) loads only on /reference (docs/decisions/0010); anything else
    // this large deserves a look.
    chunkSizeWarningLimit: 1700,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
