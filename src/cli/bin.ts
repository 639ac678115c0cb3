/**
 * The installed command (`supervision-rules`, built to dist/cli.js). It always runs the command line,
 * however it is called: directly, through npm's `node_modules/.bin` symlink, through npx or a shim.
 * `import` streams its files, so its exit code arrives as a promise.
 */
import { runCli } from './main.js';

const code = runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
if (typeof code === 'number') process.exitCode = code;
else
  code.then((c) => {
    process.exitCode = c;
  });
