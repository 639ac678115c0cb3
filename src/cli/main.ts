import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import { isIsoDate } from '../calendar/index.js';
import { compareToBaseline } from '../engine/baseline.js';
import { InputError } from '../errors/input-error.js';
import { messages } from '../errors/messages.js';
import { compare, evaluate } from '../front-door.js';
import { checkHistory } from '../history/parse.js';
import { renderHtmlReport } from '../html/index.js';
import { baselineIds, builtInIds, getPolicy, isPolicyId, policyIds } from '../policies.js';
import { runPolicyExamples } from '../policy/examples.js';
import { lintPolicy } from '../policy/lint.js';
import { loadPolicy } from '../policy/load.js';
import type { Policy } from '../policy/schema.js';
import { staffNames } from '../report/needs-action.js';
import { exportCommand, importCommand } from './csv-commands.js';
import { baselineToTable } from './format-baseline.js';
import { comparisonToTable } from './format-compare.js';
import { reportCsvChunks } from './format-csv.js';
import { reportToIcs } from './format-ics.js';
import { reportToTable } from './format-table.js';
import {
  type InputSource,
  maxInputBytes,
  Output,
  OutputFailed,
  type OutStream,
  painter,
  readJson,
  UsageError,
} from './io.js';
import { writeJson } from './json-stream.js';
import { examplesToJunit } from './junit.js';
import { printable } from './printable.js';

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
  supervision-rules policies [--format table|json]      built-in policies (councils, then baselines) and their rules
  supervision-rules validate <history.json> [--policy <id | policy.json>]  check a history (its words against the policy's vocabulary)
  supervision-rules lint <policy.json>                  check a council's own policy file
  supervision-rules test <id | policy.json> [--junit <file>]
                    run the worked examples of a policy's rules (exit 1 if any fails)
  supervision-rules baseline <id | policy.json> [--against england-lga-2020] [--format table|json]
                    a council's policy against a national baseline, requirement by requirement
  supervision-rules export <history.json> --out <dir>   write a history as CSV files, one per table
  supervision-rules import <dir> [--mapping <file | ssd>] [--out <history.json>] [--skip-bad-rows]
                    read CSV files (the export's layout, or a council's export through a mapping)

Built-in policies: ${policyIds.join(', ')}; national baselines: ${baselineIds.join(', ')}
Exit codes: 0 evaluated; 1 breaches found with --fail-on-breach (or lint errors); 2 bad input, usage or
any other failure; 141 output closed early (| head). A file argument of - reads standard input; input over
SUPERVISION_RULES_MAX_INPUT_MB megabytes (256 unless set) is refused.
Options: --strict (evaluate, compare, validate, report: refuse fields the history format does not know
instead of warning about them), --help, --version (everywhere).`;

interface Io {
  stdout: OutStream & { on?(event: 'error', listener: (e: Error) => void): unknown };
  stderr: {
    write(s: string): unknown;
    isTTY?: boolean;
    on?(event: 'error', listener: (e: Error) => void): unknown;
  };
  env: NodeJS.ProcessEnv;
  /** The file descriptor a `-` file argument reads (standard input, 0, unless given). */
  stdin?: number;
}

/** The exit code when standard output's reader went away (`| head`): 128 + SIGPIPE, as a shell shows it. */
export const EXIT_CLOSED_OUTPUT = 141;

/**
 * Runs the command line and returns the exit code (a promise of it for `import`, which streams its
 * files); prints every problem, never a stack trace for bad input.
 * Importing this module runs nothing: the installed command is `bin.ts`, which always calls this.
 */
export function runCli(argv: readonly string[], io: Io): number | Promise<number> {
  // A failed write to stdout is noticed where it happens (Output), so the stream's later 'error' event
  // is not news; one to stderr has nowhere to be told. Neither may end the process with a stack trace.
  io.stdout.on?.('error', () => {});
  io.stderr.on?.('error', () => {});
  try {
    const code = dispatch(argv, io);
    return typeof code === 'number' ? code : code.catch((e: unknown) => failed(e, io));
  } catch (e) {
    return failed(e, io);
  }
}

/** Prints an error (one line per problem, input escaped) and gives the exit code: 2, or 141 for `| head`. */
function failed(e: unknown, io: Io): number {
  if (e instanceof OutputFailed && e.code === 'EPIPE') return EXIT_CLOSED_OUTPUT;
  io.stderr.write(`${errorLines(e).map(printable).join('\n')}\n`);
  return 2;
}

/** What the command line prints for an error, one line per problem; input quoted in it is escaped by the caller. */
function errorLines(e: unknown): string[] {
  if (e instanceof UsageError) return e.lines;
  if (e instanceof OutputFailed) return [`supervision-rules: ${e.message}`];
  if (e instanceof InputError)
    return [
      e.message.split('\n', 1)[0]!,
      ...e.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)),
      ...(e.omitted > 0 ? [`…and ${e.omitted} more`] : []),
    ];
  // Anything else is a fault, not the user's: still one line, never a stack trace.
  let text = 'an unknown value was thrown';
  try {
    text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  } catch {}
  return [`supervision-rules: unexpected error: ${text}`];
}

function dispatch(argv: readonly string[], io: Io): number | Promise<number> {
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
  const inputSource = (): InputSource => ({
    maxBytes: maxInputBytes(io.env),
    ...(io.stdin === undefined ? {} : { stdin: io.stdin }),
  });
  const read = (path: string, what: string) => readJson(path, what, inputSource());
  /** A report's output, through Output: JSON and CSV in pieces, never one string; 141 for `| head`. */
  const stream = (pieces: (write: (s: string) => void) => void) => {
    const out = new Output(io.stdout);
    pieces(out.write);
    out.flush();
  };
  const json = (value: unknown) =>
    stream((write) => {
      writeJson(value, write);
      write('\n');
    });
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
      const policy = policyArgument(values.policy, read);
      const input = read(file, 'history');
      const report = evaluate(policy, input, { asOf: needAsOf(), strict: values.strict === true });
      if (format === 'json') json(report);
      else if (format === 'csv')
        stream((write) => {
          for (const chunk of reportCsvChunks(report)) write(chunk);
        });
      else {
        const names = staffNames(input as Parameters<typeof staffNames>[0]);
        stream((write) =>
          write(
            format === 'ics'
              ? reportToIcs(report, { policy, names })
              : reportToTable(report, paint, {
                  policy,
                  names,
                  history: values.history === true,
                  ...(since === undefined ? {} : { since }),
                }),
          ),
        );
      }
      return values['fail-on-breach'] && report.breaches.length > 0 ? 1 : 0;
    }
    case 'report': {
      const file = needFile('history');
      if (!values.policy) throw new UsageError(['report needs --policy <id | policy.json>']);
      if (!values.out)
        throw new UsageError(['report needs --out <report.html> (or --out - for standard output)']);
      if (values.since !== undefined && !isIsoDate(values.since))
        throw new UsageError([`--since must be a date (YYYY-MM-DD), not ${values.since}`]);
      const policy = policyArgument(values.policy, read);
      const history = read(file, 'history');
      const report = evaluate(policy, history, { asOf: needAsOf(), strict: values.strict === true });
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
        ? values.policies.split(',').map((p) => policyArgument(p.trim(), read))
        : undefined;
      const comparison = compare(read(file, 'history'), {
        asOf: needAsOf(),
        strict: values.strict === true,
        ...(policies ? { policies } : {}),
      });
      if (format === 'json') json(comparison);
      else stream((write) => write(comparisonToTable(comparison, paint)));
      return values['fail-on-breach'] && comparison.results.some((r) => r.report.breaches.length > 0) ? 1 : 0;
    }
    case 'policies': {
      checkFormat(['table', 'json']);
      const all = [...policyIds, ...baselineIds].map((id) => getPolicy(id));
      if (format === 'json') json(all);
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
      // With --policy, the history's words are checked against that policy's vocabulary.
      const vocabulary = values.policy ? policyArgument(values.policy, read).vocabulary : undefined;
      const checked = checkHistory(read(file, 'history'), { strict: values.strict === true, vocabulary });
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
      const policy = loadPolicy(read(file, 'policy'));
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
    case 'test': {
      if (rest.length !== 1)
        throw new UsageError(['test needs exactly one policy (a built-in id or a policy file)']);
      const policy = policyArgument(rest[0]!, read, 'test');
      const results = runPolicyExamples(policy);
      for (const r of results) {
        io.stdout.write(
          `${r.passed ? paint.green('pass') : paint.red('FAIL')} ${r.ruleId} ${r.path}: ${r.name}\n`,
        );
        for (const f of r.failures) io.stdout.write(`       ${f}\n`);
      }
      const failed = results.filter((r) => !r.passed).length;
      io.stdout.write(
        `${policy.id}: ${results.length} example${results.length === 1 ? '' : 's'}, ${results.length - failed} passed, ${failed} failed\n`,
      );
      if (values.junit !== undefined) {
        try {
          writeFileSync(values.junit, examplesToJunit(policy.id, results));
        } catch (e) {
          throw new UsageError([
            `${values.junit}: cannot write the JUnit report (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
          ]);
        }
      }
      return failed > 0 ? 1 : 0;
    }
    case 'export':
      return exportCommand(needFile('history'), values.out, io.stdout);
    case 'import':
      if (rest.length !== 1)
        throw new UsageError([
          'import needs exactly one directory',
          'Run supervision-rules --help for usage.',
        ]);
      return importCommand(
        rest[0]!,
        { mapping: values.mapping, out: values.out, skipBadRows: values['skip-bad-rows'] },
        io.stdout,
        io.stderr,
      );
    case 'baseline': {
      checkFormat(['table', 'json']);
      if (rest.length !== 1)
        throw new UsageError(['baseline needs exactly one policy (a built-in id or a policy file)']);
      const comparison = compareToBaseline(
        policyArgument(rest[0]!, read, 'baseline'),
        policyArgument(values.against ?? 'england-lga-2020', read, '--against'),
      );
      if (format === 'json') json(comparison);
      else stream((write) => write(baselineToTable(comparison, paint)));
      return 0;
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
      against: { type: 'string' },
      'as-of': { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      team: { type: 'string' },
      'fail-on-breach': { type: 'boolean' },
      history: { type: 'boolean' },
      since: { type: 'string' },
      mapping: { type: 'string' },
      junit: { type: 'string' },
      'skip-bad-rows': { type: 'boolean' },
      strict: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

/** A --policy argument (or `what`'s): a built-in id, or the path of a council's own policy file. */
function policyArgument(
  idOrPath: string,
  read: (path: string, what: string) => unknown,
  what = '--policy',
): Policy {
  if (isPolicyId(idOrPath)) return getPolicy(idOrPath);
  if (idOrPath !== '-' && !existsSync(idOrPath))
    throw new UsageError([messages.unknownPolicyArgument(what, idOrPath, builtInIds)]);
  return loadPolicy(read(idOrPath, 'policy'));
}
