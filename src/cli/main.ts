import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import { isIsoDate } from '../calendar/index.js';
import { compare } from '../engine/compare.js';
import { evaluate } from '../engine/evaluate.js';
import { InputError } from '../errors/input-error.js';
import { parseHistory } from '../history/parse.js';
import { renderHtmlReport } from '../html/index.js';
import { getPolicy, isPolicyId, policyIds } from '../policies.js';
import { lintPolicy } from '../policy/lint.js';
import { loadPolicy } from '../policy/load.js';
import type { Policy } from '../policy/schema.js';
import { staffNames } from '../report/needs-action.js';
import { comparisonToTable } from './format-compare.js';
import { reportToCsv } from './format-csv.js';
import { reportToIcs } from './format-ics.js';
import { reportToTable } from './format-table.js';
import { painter, readJson, UsageError } from './io.js';

const HELP = `supervision-rules ${pkg.version}: check supervision histories against councils' supervision policies

Usage:
  supervision-rules evaluate <history.json> --policy <id | policy.json> --as-of <YYYY-MM-DD>
                    [--format table|json|csv|ics] [--fail-on-breach] [--history | --since <YYYY-MM-DD>]
                    table (default): what needs action now, then one line per worker, case and team;
                    --history adds every breach, --since only those due on or after a date;
                    ics: upcoming due dates as an iCalendar file for Outlook and other calendars
  supervision-rules report <history.json> --policy <id | policy.json> --as-of <YYYY-MM-DD> --out <report.html>
                    [--team T1,T2] [--since <YYYY-MM-DD>]   one self-contained HTML page for managers
  supervision-rules compare <history.json> --as-of <YYYY-MM-DD> [--policies york,derby] [--format table|json]
  supervision-rules policies [--format table|json]      built-in policies and their rules
  supervision-rules validate <history.json>             check a history without evaluating it
  supervision-rules lint <policy.json>                  check a council's own policy file

Built-in policies: ${policyIds.join(', ')}
Exit codes: 0 evaluated; 1 breaches found with --fail-on-breach (or lint errors); 2 bad input or usage.
Options: --help, --version (everywhere).`;

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
      checkFormat(['table', 'json', 'csv', 'ics']);
      const file = needFile('history');
      if (!values.policy) throw new UsageError(['evaluate needs --policy <id | policy.json>']);
      const since = values.since;
      if ((values.history || since !== undefined) && format !== 'table')
        throw new UsageError(['--history and --since apply to --format table']);
      if (since !== undefined && !isIsoDate(since))
        throw new UsageError([`--since must be a date (YYYY-MM-DD), not ${since}`]);
      const policy = policyArgument(values.policy);
      const input = readJson(file, 'history');
      const report = evaluate(policy, input, { asOf: needAsOf() });
      const names = staffNames(input as Parameters<typeof staffNames>[0]);
      io.stdout.write(
        format === 'json'
          ? `${JSON.stringify(report, null, 2)}\n`
          : format === 'csv'
            ? reportToCsv(report)
            : format === 'ics'
              ? reportToIcs(report, { policy, names })
              : reportToTable(report, paint, {
                  policy,
                  names,
                  history: values.history === true,
                  ...(since === undefined ? {} : { since }),
                }),
      );
      return values['fail-on-breach'] && report.breaches.length > 0 ? 1 : 0;
    }
    case 'report': {
      const file = needFile('history');
      if (!values.policy) throw new UsageError(['report needs --policy <id | policy.json>']);
      if (!values.out)
        throw new UsageError(['report needs --out <report.html> (or --out - for standard output)']);
      if (values.since !== undefined && !isIsoDate(values.since))
        throw new UsageError([`--since must be a date (YYYY-MM-DD), not ${values.since}`]);
      const policy = policyArgument(values.policy);
      const history = readJson(file, 'history');
      const report = evaluate(policy, history, { asOf: needAsOf() });
      const html = renderHtmlReport(report, history, {
        policy,
        ...(values.team ? { teams: values.team.split(',').map((t) => t.trim()) } : {}),
        ...(values.since ? { since: values.since } : {}),
      });
      if (values.out === '-') io.stdout.write(html);
      else {
        try {
          writeFileSync(values.out, html);
        } catch (e) {
          throw new UsageError([
            `${values.out}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
          ]);
        }
        io.stdout.write(`${values.out}: ${Math.ceil(Buffer.byteLength(html) / 1024)} KB\n`);
      }
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
      const history = parseHistory(readJson(file, 'history'));
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
      out: { type: 'string' },
      team: { type: 'string' },
      'fail-on-breach': { type: 'boolean' },
      history: { type: 'boolean' },
      since: { type: 'string' },
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
