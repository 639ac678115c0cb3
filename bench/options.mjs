// What the benchmark scripts (bench/run.mjs, bench/csv.mjs) share: the repository's root, their
// command-line options and the median of their runs.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
/** The value after --name, else dflt. */
export const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
/** Whether --name is given. */
export const flag = (name) => argv.includes(`--${name}`);
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const MB = 1024 * 1024;
