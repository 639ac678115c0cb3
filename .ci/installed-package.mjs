// The package as a user meets it: `npm pack` the built repository, install the tarball into an
// empty project, then run the command through node_modules/.bin (the symlink npm makes) and through
// npx, and load the library with ESM import and CJS require. Prints each check; exits 1 on any
// failure. Run after `npm run build` (CI does): node .ci/installed-package.mjs
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'sr-installed-'));
const project = join(work, 'project');
let failed = 0;

function sh(command, args, cwd) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function check(name, ok, detail) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  if (!ok) {
    failed++;
    if (detail) console.log(`     ${detail.trim().split('\n').join('\n     ')}`);
  }
}
const shown = (r) => `exit ${r.code}; stdout: ${r.out.slice(0, 400)}; stderr: ${r.err.slice(0, 400)}`;

try {
  // 1. Pack and install into an empty project (dependencies come from the registry, or npm's cache).
  const pack = sh('npm', ['pack', '--json', '--pack-destination', work], root);
  if (pack.code !== 0) throw new Error(`npm pack failed: ${pack.err}`);
  const tarball = join(work, JSON.parse(pack.out)[0].filename);
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'installed-check', private: true }));
  const install = sh(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', tarball],
    project,
  );
  if (install.code !== 0) throw new Error(`npm install of ${tarball} failed: ${install.err}`);
  console.log(`installed ${tarball.slice(work.length + 1)} into an empty project`);

  // 2. Inputs: a York social worker last supervised Mon 2 Jun 2025, so due Mon 30 Jun (28 days);
  // nothing by 15 Sep: one missed YRK-2 breach. A policy file with no rules is refused.
  const history = join(project, 'history.json');
  writeFileSync(
    history,
    JSON.stringify({
      recordsFrom: '2025-06-01',
      staff: [{ id: 'S1', role: 'social-worker', startDate: '2018-01-08', qualifiedDate: '2017-07-01' }],
      events: [
        { id: 'E1', type: 'one-to-one', date: '2025-06-02', superviseeId: 'S1', recordedAt: '2025-06-02' },
      ],
    }),
  );
  const brokenPolicy = join(project, 'broken-policy.json');
  writeFileSync(brokenPolicy, JSON.stringify({ id: 'broken', rules: 'none' }));
  const evaluateArgs = ['evaluate', history, '--policy', 'york', '--as-of', '2025-09-15'];

  // 3. The command, both ways a user calls it.
  const ways = [
    [
      'node_modules/.bin/supervision-rules',
      (args) => sh(join(project, 'node_modules/.bin/supervision-rules'), args, project),
    ],
    ['npx supervision-rules', (args) => sh('npx', ['--no-install', 'supervision-rules', ...args], project)],
  ];
  for (const [how, run] of ways) {
    const v = run(['--version']);
    check(`${how} --version prints ${version}`, v.code === 0 && v.out.trim() === version, shown(v));
    const missing = run([
      'evaluate',
      join(project, 'missing.json'),
      '--policy',
      'york',
      '--as-of',
      '2025-09-15',
    ]);
    check(
      `${how} evaluate of a missing file exits 2`,
      missing.code === 2 && missing.err.includes('no such file'),
      shown(missing),
    );
    const failing = run([...evaluateArgs, '--fail-on-breach']);
    check(
      `${how} evaluate --fail-on-breach with a missed supervision exits 1`,
      failing.code === 1 && /SESSION OVERDUE.*YRK-2.*due by Mon 30 Jun 2025/.test(failing.out),
      shown(failing),
    );
    const passing = run(evaluateArgs);
    check(
      `${how} evaluate without --fail-on-breach prints the breach and exits 0`,
      passing.code === 0 && /SESSION OVERDUE.*YRK-2.*due by Mon 30 Jun 2025/.test(passing.out),
      shown(passing),
    );
    const lint = run(['lint', brokenPolicy]);
    check(
      `${how} lint of a broken policy exits 2`,
      lint.code === 2 && lint.err.includes('rules'),
      shown(lint),
    );
  }

  // 4. The library, both module systems.
  const missedYrk2 = (r) => {
    try {
      const report = JSON.parse(r.out);
      return (
        report.breaches.filter((b) => b.ruleId === 'YRK-2' && b.kind === 'missed' && b.dueOn === '2025-06-30')
          .length === 1
      );
    } catch {
      return false;
    }
  };
  const body = `const report = evaluate('york', JSON.parse(readFileSync(${JSON.stringify(history)}, 'utf8')), { asOf: '2025-09-15' });
console.log(JSON.stringify(report));`;
  const esm = sh(
    'node',
    [
      '--input-type=module',
      '-e',
      `import { readFileSync } from 'node:fs';\nimport { evaluate } from 'supervision-rules';\n${body}`,
    ],
    project,
  );
  check(
    'ESM import of supervision-rules loads and evaluate works',
    esm.code === 0 && missedYrk2(esm),
    shown(esm),
  );
  const cjs = sh(
    'node',
    [
      '--input-type=commonjs',
      '-e',
      `const { readFileSync } = require('node:fs');\nconst { evaluate } = require('supervision-rules');\n${body}`,
    ],
    project,
  );
  check(
    'CJS require of supervision-rules loads and evaluate works',
    cjs.code === 0 && missedYrk2(cjs),
    shown(cjs),
  );
} catch (e) {
  check('pack and install the package', false, String(e?.message ?? e));
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(
  failed === 0 ? 'installed package: all checks passed' : `installed package: ${failed} check(s) failed`,
);
process.exit(failed === 0 ? 0 : 1);
