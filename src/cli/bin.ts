/**
 * The installed command (`supervision-rules`, built to dist/cli.js). It always runs the command line,
 * however it is called: directly, through npm's `node_modules/.bin` symlink, through npx or a shim.
 */
import { runCli } from './main.js';

process.exitCode = runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
