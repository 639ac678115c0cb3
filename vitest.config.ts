import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test-prop.ts'],
    environment: 'node',
    // The machines are shared and the CLI tests spawn processes: generous time, no timed assertions.
    testTimeout: 60_000,
    globalSetup: ['test/cli/build-cli.ts'],
  },
});
