import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import { compare } from '../engine/compare.js';
import { evaluate } from '../engine/evaluate.js';
import { InputError } from '../errors/input-error.js';
import { checkHistory } from '../history/parse.js';
import { getPolicy, isPolicyId, policyIds } from '../policies.js';
import { lintPolicy } from '../policy/lint.js';
import { loadPolicy } from '../policy/load.js';
import type { Policy } from '../policy/schema.js';
import { reportToCsv } from './format-csv.js';
import { comparisonToTable, reportToTable } from './format-table.js';
import { painter, readJson, UsageError } from './io.js';

const HELP = `supervision-rules ${pkg.version}: check supervision histories against councils' supervision policies

Usage:
  supervision-rules evaluate <history.json> --policy <id | policy.json> --as-of <YYYY-MM-DD>
                    [--format table|json|csv] [--fail-on-breach]
  supervision-rules compare <history.json> --as-of <YYYY-MM-DD> [--policies york,derby] [--format table|json]
  supervision-rules policies [--format table|json]      built-in policies and their rules
  supervision-rules validate <history.json>             check a history without evaluating it
  supervision-rules lint <policy.json>                  check a council's own policy file

Built-in policies: ${policyIds.join(', ')}
Exit codes: 0 evaluated; 1 breaches found with --fail-on-breach (or lint errors); 2 bad input or usage.
Options: --strict (evaluate, compare, validate: refuse fields the history format does not know
instead of warning about them), --help, --version (everywhere).`;

interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
  env: NodeJS.ProcessEnv;
}

/** Runs the command line and returns the exit code; prints every problem, never a stack trace for bad input. */
export function runCli(argv: readonly string[], io: Io): number {
  try {
    return dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`${e.lines.join('\n')}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      io.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function dispatch(argv: readonly string[], io: Io): number {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    throw new UsageError([(e as Error).message, 'Run supervision-rules --help for usage.']);
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    io.stdout.write(`${HELP}\n`);
    return command === undefined && !values.help ? 2 : 0;
  }
  const paint = painter(io.stdout, io.env);
  const format = values.format ?? 'table';
  const needFile = (what: string) => {
    if (rest.length !== 1)
      throw new UsageError([
        `${command} needs exactly one ${what} file`,
        'Run supervision-rules --help for usage.',
      ]);
    return rest[0]!;
  };
  const needAsOf = () => {
    if (!values['as-of']) throw new UsageError([`${command} needs --as-of <YYYY-MM-DD>`]);
    return values['as-of'];
  };
  const checkFormat = (allowed: string[]) => {
    if (!allowed.includes(format))
      throw new UsageError([`--format must be one of ${allowed.join(', ')}, not ${format}`]);
  };
  switch (command) {
    case 'evaluate': {
      checkFormat(['table', 'json', 'csv']);
      const file = needFile('history');
      if (!values.policy) throw new UsageError(['evaluate needs --policy <id | policy.json>']);
      const policy = policyArgument(values.policy);
      const report = evaluate(policy, readJson(file, 'history'), {
        asOf: needAsOf(),
        strict: values.strict === true,
      });
      io.stdout.write(
        format === 'json'
          ? `${JSON.stringify(report, null, 2)}\n`
          : format === 'csv'
            ? reportToCsv(report)
            : reportToTable(report, paint),
      );
      return values['fail-on-breach'] && report.breaches.length > 0 ? 1 : 0;
    }
    case 'compare': {
      checkFormat(['table', 'json']);
      const file = needFile('history');
      const policies = values.policies
        ? values.policies.split(',').map((p) => policyArgument(p.trim()))
        : undefined;
      const comparison = compare(readJson(file, 'history'), {
        asOf: needAsOf(),
        strict: values.strict === true,
        ...(policies ? { policies } : {}),
      });
      io.stdout.write(
        format === 'json' ? `${JSON.stringify(comparison, null, 2)}\n` : comparisonToTable(comparison, paint),
      );
      return values['fail-on-breach'] && comparison.results.some((r) => r.report.breaches.length > 0) ? 1 : 0;
    }
    case 'policies': {
      checkFormat(['table', 'json']);
      const all = policyIds.map((id) => getPolicy(id));
      if (format === 'json') io.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
      else
        for (const p of all) {
          io.stdout.write(
            `${paint.bold(`${p.id}: ${p.name}`)} (version ${p.version}, from ${p.effectiveFrom}, ${p.source})\n`,
          );
          for (const r of p.rules)
            io.stdout.write(`  ${r.id.padEnd(7)} ${r.strength.padEnd(8)} ${r.kind.padEnd(18)} ${r.name}\n`);
          io.stdout.write('\n');
        }
      return 0;
    }
    case 'validate': {
      const file = needFile('history');
      const checked = checkHistory(readJson(file, 'history'), { strict: values.strict === true });
      if (!checked.ok) throw new InputError('invalid-history', checked.issues);
      const { history, warnings } = checked;
      for (const w of warnings) io.stdout.write(`${paint.yellow('warning')} ${w.path}: ${w.message}\n`);
      io.stdout.write(
        `${file}: valid (${history.staff.length} staff, ${history.cases?.length ?? 0} cases, ${history.events?.length ?? 0} events)\n`,
      );
      return 0;
    }
    case 'lint': {
      const file = needFile('policy');
      const policy = loadPolicy(readJson(file, 'policy'));
      const findings = lintPolicy(policy);
      for (const f of findings)
        io.stdout.write(
          `${f.severity === 'error' ? paint.red('error') : paint.yellow('warning')} ${f.path}: ${f.message}\n`,
        );
      io.stdout.write(
        `${file}: ${findings.length === 0 ? 'no findings' : `${findings.length} finding${findings.length === 1 ? '' : 's'}`}\n`,
      );
      return findings.some((f) => f.severity === 'error') ? 1 : 0;
    }
    default:
      throw new UsageError([`unknown command "${command}"`, 'Run supervision-rules --help for usage.']);
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      policy: { type: 'string' },
      policies: { type: 'string' },
      'as-of': { type: 'string' },
      format: { type: 'string' },
      'fail-on-breach': { type: 'boolean' },
      strict: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

/** A --policy argument: a built-in id, or the path of a council's own policy file. */
function policyArgument(idOrPath: string): Policy {
  if (isPolicyId(idOrPath)) return getPolicy(idOrPath);
  if (!existsSync(idOrPath))
    throw new UsageError([
      `--policy: ${idOrPath} is neither a built-in policy (${policyIds.join(', ')}) nor a file`,
    ]);
  return loadPolicy(readJson(idOrPath, 'policy'));
}

const isMain = process.argv[1] !== undefined && /cli\.(c|m)?js$/.test(process.argv[1]);
if (isMain)
  process.exitCode = runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
