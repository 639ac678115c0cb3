import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test-prop.ts'],
    environment: 'node',
    globalSetup: ['test/cli/build-cli.ts'],
  },
});
