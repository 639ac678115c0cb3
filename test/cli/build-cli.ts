import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { build } from 'tsup';

const root = resolve(__dirname, '../..');

/**
 * Where the test build of the command line goes: not dist/, so tests never depend on a stale build;
 * inside node_modules, so that its dependencies resolve; and one directory per checkout (named from
 * its path), so that checkouts sharing one node_modules never run each other's build.
 */
export const CLI_OUT = resolve(
  root,
  'node_modules/.cache/supervision-rules-test',
  createHash('sha256').update(root).digest('hex').slice(0, 16),
);

/** vitest globalSetup: builds the installed command (src/cli/bin.ts) once per test run, for bin.test.ts. */
export default async function setup(): Promise<void> {
  await build({
    config: false,
    entry: { cli: resolve(root, 'src/cli/bin.ts') },
    format: ['esm'],
    target: 'node20',
    outDir: CLI_OUT,
    silent: true,
    banner: { js: '#!/usr/bin/env node' },
  });
}
