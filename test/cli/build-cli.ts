import { resolve } from 'node:path';
import { build } from 'tsup';

/** Where the test build of the command line goes (not dist/, so tests never depend on a stale build). */
export const CLI_OUT = resolve(__dirname, '../../node_modules/.cache/supervision-rules-test');

/** vitest globalSetup: builds the CLI once per test run, as a user would run it. */
export default async function setup(): Promise<void> {
  await build({
    config: false,
    entry: { cli: resolve(__dirname, '../../src/cli/bin.ts') },
    format: ['esm'],
    target: 'node20',
    outDir: CLI_OUT,
    silent: true,
    banner: { js: '#!/usr/bin/env node' },
  });
}
