import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { build } from 'tsup';

const root = resolve(__dirname, '../..');
/**
 * Where the test build of the command line goes: not dist/, so tests never depend on a stale build,
 * and named after this checkout, so checkouts sharing one node_modules never run each other's build.
 */
export const CLI_OUT = resolve(
  root,
  'node_modules/.cache',
  `supervision-rules-test-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`,
);

/** vitest globalSetup: builds the CLI once per test run, as a user would run it. */
export default async function setup(): Promise<void> {
  await build({
    config: false,
    entry: { cli: resolve(__dirname, '../../src/cli/main.ts') },
    format: ['esm'],
    target: 'node20',
    outDir: CLI_OUT,
    silent: true,
    banner: { js: '#!/usr/bin/env node' },
  });
}
