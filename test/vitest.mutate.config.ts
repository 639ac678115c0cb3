import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The vitest configuration of the mutation run (npm run mutate, .stryker.config.mjs): the example-based
 * tests only. The spawned command line test is left out (test/cli/bin.test.ts runs a tsup build of
 * src/cli, not the mutated sources, and needs the build-cli globalSetup; the other command line tests
 * run it in process), and so are the property tests (*.test-prop.ts), whose
 * random runs would be repeated for nearly every mutant of the engine and the calendar. MUTATION_RUN
 * skips the one input test that takes seconds (100,000 staff) and covers every engine mutant.
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/cli/bin.test.ts', '**/node_modules/**'],
    environment: 'node',
    env: { MUTATION_RUN: '1' },
    // Test files share their module graph (date-holidays is slow to load): a mutant run costs the tests.
    isolate: false,
  },
});
