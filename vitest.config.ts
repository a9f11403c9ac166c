import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // Component tests opt into happy-dom with a `// @vitest-environment happy-dom` comment.
    testTimeout: 30_000,
    pool: 'threads',
  },
});
