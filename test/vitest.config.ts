import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The test suite's configuration (npm test). It lives in test/ and runs from the repository's root. */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test-prop.ts'],
    environment: 'node',
    // The machines are shared and some tests spawn processes (bin, held-out): generous time, no timed assertions.
    testTimeout: 60_000,
    globalSetup: ['test/cli/build-cli.ts'],
  },
});
