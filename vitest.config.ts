import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs this alongside `npm run check` (tsc and ESLint). Files are not isolated from each other
 * (one module graph per worker), so what a worker has loaded, compiled or built once (the engine, the
 * WordNet lexicon, the real stories' indexes: tests/library.ts) serves every file it runs after. Two
 * worker threads: on 2 cores, one runs while the other waits on the processes the end-to-end tests start;
 * threads start faster and take less memory than forked processes here.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    pool: 'threads',
    maxWorkers: 2,
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
