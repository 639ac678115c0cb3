// Mutation testing of the engine, the calendar, the rule kinds and the quick validator: npm run mutate.
// Reports go to reports/mutation/ (mutation.html, mutation.json); the incremental file to reports/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'test/vitest.mutate.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/calendar/**/*.ts',
    'src/engine/**/*.ts',
    'src/rules/**/*.ts',
    // The quick validator: held to the zod schema by test/history/quick-validate-schema.test.ts.
    'src/history/quick-validate.ts',
  ],
  ignorePatterns: ['dist', 'docs', 'bench', 'coverage', 'reports'],
  ignoreStatic: true,
  // Not test/: test/readme compares test/readme/example.ts with the README byte for byte.
  disableTypeChecks: 'src/**/*.ts',
  concurrency: 2,
  timeoutMS: 10000,
  timeoutFactor: 2,
  incremental: true,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  thresholds: { high: 90, low: 75, break: null },
};
