import { parse } from 'csv-parse/sync';
import { InputError, type Issue } from '../errors/input-error.js';
import { fromZodIssues, zodErrorMap } from '../errors/zod-issues.js';
import { checkHistory } from '../history/parse.js';
import type { History } from '../history/schema.js';
import type { Vocabulary } from '../history/vocabulary.js';
import { builtInMappings } from './builtin.js';
import { readDate, readDateOrInstant, readInstant } from './dates.js';
import { type Kind, LAYOUT, NO_CASE_RECORDS, type TableLayout, type Target } from './layout.js';
import {
  type FieldSource,
  genericMapping,
  type Mapping,
  mappingSchema,
  type TableMapping,
} from './mapping.js';

/** A row refused, or a file or column missing: where, what was found and what was expected. */
export interface Problem {
  readonly file: string;
  /** 1 is the header row; 0 when the problem is the file's as a whole. */
  readonly line: number;
  readonly column?: string;
  readonly message: string;
}

/** How many data rows a file had, how many fed the history, were refused or left out by a `where`. */
export interface FileSummary {
  readonly file: string;
  readonly found: boolean;
  readonly rows: number;
  readonly used: number;
  readonly refused: number;
  readonly skipped: number;
}

export interface ImportResult {
  /** The history built from every row not refused; check `problems` before trusting it. */
  readonly history: History;
  readonly problems: readonly Problem[];
  readonly summary: readonly FileSummary[];
}

/** `events.csv:2:date: 2025-02-30 is not a date (expected YYYY-MM-DD, a real day from year 1000)` */
export const problemText = (p: Problem): string =>
  `${p.file}${p.line > 0 ? `:${p.line}` : ''}${p.column ? `:${p.column}` : ''}: ${p.message}`;

/** `events.csv`, `events` and `dir/events.csv` name the same file. */
export const fileKey = (name: string): string =>
  (name.split(/[\\/]/).pop() ?? name).replace(/\.csv$/i, '').toLowerCase();

type Scalar = string | number | boolean;
interface Field {
  readonly path: string;
  readonly kind: Kind;
  readonly source: Exclude<FieldSource, string>;
}
interface Spec {
  readonly index: number;
  readonly table: TableMapping;
  readonly layout: TableLayout;
  readonly file: string;
  readonly fields: Field[];
  readonly parent?: Exclude<FieldSource, string>;
  /** Filled from the header when the table takes extra columns. */
  extras: string[];
  /** Field path to the column feeding it (the parent as `(parent)`), shared by the table's rows. */
  columns: Map<string, string>;
}
/** One row as one table reads it: its values, and the column each came from. */
interface Row {
  readonly spec: Spec;
  readonly file: string;
  readonly line: number;
  readonly values: Map<string, unknown>;
  readonly columns: Map<string, string>;
  /** The parent id as written (looked up at the end when the source is a lookup). */
  readonly parentRaw: string | undefined;
}
/** Where each record came from, to turn a problem's path back into file, line and column. */
interface Origin {
  readonly row: Row;
  /** For lists that fold: the row each item came from. */
  readonly items?: Map<string, Row[]>;
}

const LIST_SEPARATOR = ';';
const kindsOf = new Map(LAYOUT.map((t) => [t.target, new Map(t.fields)]));
const layoutOf = new Map(LAYOUT.map((t) => [t.target, t]));
const ENTITY: ReadonlySet<Target> = new Set(['staff', 'cases', 'events']);
const norm = (s: string) => s.trim().toLowerCase();

/**
 * Builds a history from rows of CSV files, one row at a time (so files can be streamed), as a
 * mapping says; `finish` assembles the records, checks the history with the library's own schema and
 * turns each problem back into the file, line and column it came from.
 */
export class CsvImporter {
  private readonly mapping: Mapping;
  private readonly specs: Spec[];
  private readonly byFile = new Map<string, Spec[]>();
  private readonly lookups = new Map<string, Map<string, Map<string, string>>>();
  private readonly rows = new Map<number, Row[]>();
  private readonly problems: Problem[] = [];
  /** Refused lines, by file key. */
  private readonly refused = new Map<string, Set<number>>();
  private readonly files = new Map<
    string,
    { name: string; rows: number; found: boolean; taken: Set<number> }
  >();

  /** `vocabulary`: the words beyond the built-in ones the history may use (a policy's vocabulary). */
  constructor(
    mapping?: Mapping,
    private readonly vocabulary?: Vocabulary,
  ) {
    this.mapping = mapping ?? genericMapping();
    const defaults = this.mapping.dateFormats ?? ['iso'];
    const separator = this.mapping.listSeparator ?? LIST_SEPARATOR;
    this.specs = this.mapping.tables.map((table, index) => {
      const layout = layoutOf.get(table.target)!;
      const kinds = kindsOf.get(table.target)!;
      const long = (s: FieldSource): Exclude<FieldSource, string> => {
        const l = typeof s === 'string' ? { column: s } : s;
        return { formats: defaults, split: separator, ...l };
      };
      const spec: Spec = {
        index,
        table,
        layout,
        file: fileKey(table.file),
        fields: Object.entries(table.fields).map(([path, s]) => ({
          path,
          kind: kinds.get(path) ?? 'text',
          source: long(s),
        })),
        ...(table.parent !== undefined ? { parent: long(table.parent) } : {}),
        extras: [],
        columns: new Map(),
      };
      for (const f of spec.fields) if (f.source.column) spec.columns.set(f.path, f.source.column);
      if (spec.parent?.column) spec.columns.set('(parent)', spec.parent.column);
      for (const s of [spec.parent, ...spec.fields.map((f) => f.source)])
        if (s?.lookup) {
          const lf = fileKey(s.lookup.file);
          const perFile = this.lookups.get(lf) ?? new Map<string, Map<string, string>>();
          perFile.set(`${s.lookup.key}\u0000${s.lookup.value}`, new Map());
          this.lookups.set(lf, perFile);
        }
      const list = this.byFile.get(spec.file) ?? [];
      list.push(spec);
      this.byFile.set(spec.file, list);
      this.rows.set(index, []);
      return spec;
    });
  }

  /** The files this mapping reads (keys as {@link fileKey} gives them). */
  get fileKeys(): string[] {
    return [...new Set([...this.byFile.keys(), ...this.lookups.keys()])];
  }

  /** A file's header row. Returns false when the file is not one the mapping reads. */
  header(name: string, columns: readonly string[]): boolean {
    const key = fileKey(name);
    const specs = this.byFile.get(key) ?? [];
    if (specs.length === 0 && !this.lookups.has(key)) return false;
    this.files.set(key, { name, rows: 0, found: true, taken: new Set() });
    const have = new Set(columns);
    const missing = new Set<string>();
    for (const spec of specs) {
      const named = [spec.parent, ...spec.fields.map((f) => f.source)].flatMap((s) =>
        s?.column ? [s.column] : [],
      );
      named.push(...(spec.table.where ?? []).map((w) => w.column));
      if (!spec.table.extraColumns) for (const c of named) if (!have.has(c)) missing.add(c);
      if (spec.table.extraColumns) {
        const known = new Set(named);
        spec.extras = columns.filter((c) => !known.has(c) && c !== '');
        for (const c of spec.extras) spec.columns.set(c, c);
      }
    }
    for (const [k] of this.lookups.get(key) ?? [])
      for (const c of k.split('\u0000')) if (!have.has(c)) missing.add(c);
    for (const c of missing)
      this.problems.push({ file: name, line: 1, column: c, message: `no column "${c}" in the header` });
    return true;
  }

  /** Refuses a row that cannot be read as a whole (more or fewer cells than the header). */
  refuse(name: string, line: number, message: string): void {
    const key = fileKey(name);
    this.files.get(key)?.taken.add(line);
    this.refuseLine(key, line);
    this.problems.push({ file: name, line, message });
  }

  /** A file the mapping reads was not given. */
  missing(name: string): void {
    this.files.set(fileKey(name), { name, rows: 0, found: false, taken: new Set() });
  }

  /** One data row: its cells by column name, and its line in the file (the header is line 1). */
  row(name: string, line: number, cells: Readonly<Record<string, string>>): void {
    const key = fileKey(name);
    const file = this.files.get(key);
    if (!file) throw new Error(`${name}: row before header`);
    file.rows++;
    for (const [k, map] of this.lookups.get(key) ?? []) {
      const [kc, vc] = k.split('\u0000') as [string, string];
      const kv = cells[kc]?.trim();
      if (kv && !map.has(kv)) map.set(kv, cells[vc]?.trim() ?? '');
    }
    for (const spec of this.byFile.get(key) ?? []) {
      if (!(spec.table.where ?? []).every((w) => keep(w, cells[w.column] ?? ''))) continue;
      file.taken.add(line);
      const values = new Map<string, unknown>();
      let bad = false;
      const fail = (column: string | undefined, message: string) => {
        bad = true;
        this.problems.push({ file: file.name, line, ...(column ? { column } : {}), message });
      };
      for (const f of spec.fields) {
        const got = readField(f.source, f.kind, cells);
        if (!got.ok) fail(f.source.column, got.message);
        else if (got.value !== undefined) values.set(f.path, got.value);
      }
      for (const c of spec.extras) {
        const v = cells[c]?.trim();
        if (v) values.set(c, v);
      }
      let parentRaw: string | undefined;
      if (spec.parent) {
        parentRaw = cell(spec.parent, cells);
        if (parentRaw === undefined) fail(spec.parent.column, `no ${spec.layout.parent} id`);
      }
      if (bad) this.refuseLine(key, line);
      const row: Row = { spec, file: file.name, line, values, columns: spec.columns, parentRaw };
      this.rows.get(spec.index)!.push(row);
    }
  }

  /** Assembles the history from every row not refused, checks it, and refuses the rows behind each problem. */
  finish(): ImportResult {
    let history: History = { staff: [] };
    for (let round = 0; round < 20; round++) {
      const built = this.assemble();
      history = built.history;
      let fresh = false;
      const refuse = (row: Row | undefined, problem: Problem) => {
        this.problems.push(problem);
        if (row && this.refuseLine(fileKey(row.file), row.line)) fresh = true;
      };
      for (const { row, problem } of built.problems) refuse(row, problem);
      if (fresh) continue;
      const checked = checkHistory(history, { vocabulary: this.vocabulary });
      if (checked.ok) break;
      for (const issue of checked.issues) {
        const { row, column } = locate(history, issue, built.origins);
        refuse(row, {
          file: row?.file ?? '(history)',
          line: row?.line ?? 0,
          ...(column ? { column } : {}),
          message:
            valueAt(history, issue.path) === undefined && /^(is required|nothing )/.test(issue.message)
              ? 'is empty, and a value is required'
              : issue.message,
        });
      }
      if (!fresh) break;
    }
    return { history, problems: dedupe(this.problems), summary: this.summary() };
  }

  private summary(): FileSummary[] {
    const out: FileSummary[] = [];
    for (const key of this.fileKeys) {
      const f = this.files.get(key);
      if (!f) {
        out.push({ file: `${key}.csv`, found: false, rows: 0, used: 0, refused: 0, skipped: 0 });
        continue;
      }
      let refused = 0;
      const lines = this.refused.get(key);
      if (lines) for (const line of f.taken) if (lines.has(line)) refused++;
      const skipped = this.byFile.has(key) ? f.rows - f.taken.size : 0;
      out.push({
        file: f.name,
        found: f.found,
        rows: f.rows,
        used: this.byFile.has(key) ? f.taken.size - refused : f.rows,
        refused,
        skipped,
      });
    }
    return out;
  }

  private assemble() {
    const origins = new WeakMap<object, Origin>();
    const problems: Array<{ row: Row; problem: Problem }> = [];
    const history: Record<string, unknown> = {};
    const lists: Record<'staff' | 'cases' | 'events', Record<string, unknown>[]> = {
      staff: [],
      cases: [],
      events: [],
    };
    const byId = {
      staff: new Map<string, Record<string, unknown>>(),
      cases: new Map(),
      events: new Map(),
    } as Record<'staff' | 'cases' | 'events', Map<string, Record<string, unknown>>>;
    const live = (r: Row) => !this.refused.get(r.spec.file)?.has(r.line);
    const problem = (row: Row, column: string | undefined, message: string) =>
      problems.push({
        row,
        problem: { file: row.file, line: row.line, ...(column ? { column } : {}), message },
      });
    const order = [...this.specs].sort(
      (a, b) => Number(a.layout.parent !== undefined) - Number(b.layout.parent !== undefined),
    );
    for (const spec of order) {
      const target = spec.table.target;
      for (const row of this.rows.get(spec.index)!) {
        if (!live(row)) continue;
        const got = this.resolved(row, problem);
        if (got === null) continue;
        const { values } = got;
        if (target === 'history') {
          const origin = origins.get(history);
          mergeInto(history, values, row, origin, problem);
          if (!origin) origins.set(history, { row });
        } else if (target === 'closures') {
          const cal = slot(history, 'calendar', () => ({}));
          const list = slot(cal, 'closures', (): unknown[] => []);
          if (values.has('date')) pushItem(origins, cal, 'closures', list, values.get('date'), row);
        } else if (ENTITY.has(target)) {
          const t = target as 'staff' | 'cases' | 'events';
          const id = values.get('id');
          const existing = typeof id === 'string' ? byId[t].get(id) : undefined;
          if (existing && spec.table.fold) {
            mergeInto(existing, values, row, origins.get(existing), problem);
            continue;
          }
          const obj: Record<string, unknown> = {};
          mergeInto(obj, values, row, undefined, problem);
          origins.set(obj, { row });
          lists[t].push(obj);
          if (typeof id === 'string' && !existing) byId[t].set(id, obj);
        } else {
          const pt = spec.layout.parent!;
          const pid = got.parent as string;
          let parent = byId[pt].get(pid);
          if (!parent && spec.table.createParent && pt === 'cases') {
            parent = { id: pid };
            origins.set(parent, { row });
            lists.cases.push(parent);
            byId.cases.set(pid, parent);
          }
          if (!parent) {
            problem(
              row,
              row.columns.get('(parent)'),
              `${pid} is not a ${pt === 'staff' ? 'staff member' : pt === 'cases' ? 'case' : 'event'} id of the ${pt} table`,
            );
            continue;
          }
          const said = parent[spec.layout.key];
          if (Array.isArray(said) && said.length === 0 && !spec.layout.scalarItems) {
            // Only the events.csv `none` cell leaves an empty list before this table's rows.
            problem(
              row,
              row.columns.get('(parent)'),
              `event ${pid} has ${NO_CASE_RECORDS} in its ${spec.layout.key} column, yet this row records a case`,
            );
            continue;
          }
          const list = slot(parent, spec.layout.key, (): unknown[] => []);
          if (spec.layout.scalarItems) {
            if (values.has('date')) pushItem(origins, parent, spec.layout.key, list, values.get('date'), row);
          } else {
            const obj: Record<string, unknown> = {};
            mergeInto(obj, values, row, undefined, problem);
            origins.set(obj, { row });
            list.push(obj);
          }
        }
      }
    }
    const out: Record<string, unknown> = { ...history, staff: lists.staff };
    if (lists.cases.length > 0) out.cases = lists.cases;
    if (lists.events.length > 0) out.events = lists.events;
    origins.set(out, origins.get(history) ?? ({} as Origin));
    return { history: out as History, origins, problems };
  }

  /** Marks a line refused; false when it already was. */
  private refuseLine(key: string, line: number): boolean {
    let lines = this.refused.get(key);
    if (!lines) {
      lines = new Set();
      this.refused.set(key, lines);
    }
    if (lines.has(line)) return false;
    lines.add(line);
    return true;
  }

  /** A row's values with its parent id and lookups resolved, or null when a lookup finds nothing. */
  private resolved(
    row: Row,
    problem: (row: Row, column: string | undefined, message: string) => void,
  ): { values: Map<string, unknown>; parent?: string } | null {
    const look = (source: Exclude<FieldSource, string>, raw: string, path: string): string | null => {
      if (!source.lookup) return raw;
      const l = source.lookup;
      const found = this.lookups.get(fileKey(l.file))?.get(`${l.key}\u0000${l.value}`)?.get(raw);
      if (found) return found;
      problem(row, source.column, `${raw} is not a ${l.key} of ${l.file}${path ? ` (for ${path})` : ''}`);
      return null;
    };
    let values = row.values;
    for (const f of row.spec.fields) {
      if (!f.source.lookup || !values.has(f.path)) continue;
      const v = look(f.source, String(values.get(f.path)), f.path);
      if (v === null) return null;
      if (values === row.values) values = new Map(values);
      values.set(f.path, v);
    }
    if (row.parentRaw === undefined) return { values };
    const parent = look(row.spec.parent!, row.parentRaw, '');
    return parent === null ? null : { values, parent };
  }
}

/** The value under a key, put there first when absent. */
function slot<T>(obj: Record<string, unknown>, key: string, make: () => T): T {
  if (obj[key] === undefined) obj[key] = make();
  return obj[key] as T;
}

function keep(w: { in?: string[] | undefined; notIn?: string[] | undefined }, raw: string): boolean {
  const v = norm(raw);
  if (w.in && !w.in.some((x) => norm(x) === v)) return false;
  if (w.notIn?.some((x) => norm(x) === v)) return false;
  return true;
}

/** The trimmed cell (or constant) of a source after its value map; undefined when empty. */
function cell(
  source: Exclude<FieldSource, string>,
  cells: Readonly<Record<string, string>>,
): string | undefined {
  const raw =
    source.constant !== undefined
      ? String(source.constant)
      : source.column
        ? (cells[source.column] ?? '')
        : '';
  const v = raw.trim();
  if (v === '') return source.default === undefined ? undefined : String(source.default);
  return v;
}

const INTEGER = /^[+-]?\d+$/;
/** A number written plainly: digits with an optional point and fraction (`0.6`, `1`, `.5`). */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

type Got = { ok: true; value: unknown } | { ok: false; message: string };
function readField(
  source: Exclude<FieldSource, string>,
  kind: Kind,
  cells: Readonly<Record<string, string>>,
): Got {
  let v = cell(source, cells);
  if (v === undefined) return { ok: true, value: undefined };
  if (source.values) {
    const mapped = mapValue(source.values, v);
    if (mapped === null) return { ok: true, value: undefined };
    if (mapped !== undefined) {
      if (typeof mapped !== 'string') return { ok: true, value: mapped };
      v = mapped;
    }
  }
  const formats = source.formats ?? ['iso'];
  switch (kind) {
    case 'date':
      return readDate(v, formats);
    case 'instant':
      return readInstant(v, formats);
    case 'dateOrInstant':
      return readDateOrInstant(v, formats);
    case 'int':
      return INTEGER.test(v)
        ? { ok: true, value: Number(v) }
        : { ok: false, message: `${v} is not a whole number` };
    case 'number':
      return DECIMAL.test(v)
        ? { ok: true, value: Number(v) }
        : { ok: false, message: `${v} is not a number (write it with a point: 0.6)` };
    case 'boolean': {
      const b = v.toLowerCase();
      if (TRUE.has(b)) return { ok: true, value: true };
      if (FALSE.has(b)) return { ok: true, value: false };
      return {
        ok: false,
        message: `${v} is not true or false (expected true, false, yes, no, Y, N, 1 or 0)`,
      };
    }
    case 'list': {
      const items = v
        .split(source.split ?? LIST_SEPARATOR)
        .map((s) => s.trim())
        .filter((s) => s !== '')
        .map((s) => (source.values ? (mapValue(source.values, s) ?? s) : s));
      return { ok: true, value: items.length > 0 ? items : undefined };
    }
    case 'none':
      return norm(v) === NO_CASE_RECORDS
        ? { ok: true, value: [] }
        : {
            ok: false,
            message: `${v} is not ${NO_CASE_RECORDS} (write ${NO_CASE_RECORDS} when the event lists no case records yet, or leave the cell empty)`,
          };
    default:
      return { ok: true, value: v };
  }
}

/** The value map's entry for a cell (trimmed, any case): the value, null to leave out, undefined if absent. */
function mapValue(values: Record<string, Scalar | null>, v: string): Scalar | null | undefined {
  if (Object.hasOwn(values, v)) return values[v];
  const n = norm(v);
  for (const [k, x] of Object.entries(values)) if (norm(k) === n) return x;
  return undefined;
}

const paths = new Map<string, string[]>();
const splitPath = (path: string): string[] => {
  let keys = paths.get(path);
  if (!keys) {
    keys = path.split('.');
    paths.set(path, keys);
  }
  return keys;
};

/** Sets dotted paths; on a fold, keeps the first value and reports a different one. Lists gather. */
function mergeInto(
  target: Record<string, unknown>,
  values: Map<string, unknown>,
  row: Row,
  origin: Origin | undefined,
  problem: (row: Row, column: string | undefined, message: string) => void,
): void {
  for (const [path, value] of values) {
    const keys = splitPath(path);
    let obj = target;
    for (const k of keys.slice(0, -1)) obj = slot(obj, k, () => ({}));
    const last = keys[keys.length - 1]!;
    const had = obj[last];
    if (had === undefined) obj[last] = Array.isArray(value) ? [...value] : value;
    else if (Array.isArray(had) && Array.isArray(value)) {
      for (const item of value) if (!had.includes(item)) had.push(item);
    } else if (had !== value && origin)
      problem(
        row,
        row.columns.get(path),
        `${String(value)} differs from ${String(had)} on line ${origin.row.line} for the same ${String(target.id ?? 'record')}`,
      );
  }
}

function pushItem(
  origins: WeakMap<object, Origin>,
  holder: Record<string, unknown>,
  key: string,
  list: unknown[],
  value: unknown,
  row: Row,
): void {
  list.push(value);
  const origin = origins.get(holder) ?? { row, items: new Map<string, Row[]>() };
  const items = origin.items ?? new Map<string, Row[]>();
  const rows = items.get(key) ?? [];
  rows.push(row);
  items.set(key, rows);
  origins.set(holder, { ...origin, items });
}

const SEGMENT = /([^.[\]]+)|\[(\d+)\]/g;

/** The row and column behind a problem's JSON path: the deepest record on the path that came from a row. */
function locate(
  history: unknown,
  issue: Issue,
  origins: WeakMap<object, Origin>,
): { row?: Row; column?: string } {
  const segments = pathSegments(issue.path);
  let node: unknown = history;
  let found: { row?: Row; rest: Array<string | number> } = { rest: segments };
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const parent = node;
    node =
      node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[seg] : undefined;
    if (typeof seg === 'number' && parent && Array.isArray(parent)) {
      const holderKey = segments[i - 1];
      // A plain item (a review date): its row is kept on the record holding the list.
      if (typeof holderKey === 'string' && (node === null || typeof node !== 'object')) {
        const holder = holderAt(history, segments.slice(0, i - 1));
        const row = holder ? origins.get(holder)?.items?.get(holderKey)?.[seg] : undefined;
        if (row) found = { row, rest: ['date'] };
        continue;
      }
    }
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      const o = origins.get(node);
      if (o?.row) found = { row: o.row, rest: segments.slice(i + 1) };
    }
  }
  if (!found.row) return {};
  const field = found.rest.filter((s) => typeof s === 'string').join('.');
  const columns = found.row.columns;
  const column =
    columns.get(field) ??
    [...columns.entries()].find(([k]) => k.startsWith(`${field}.`) || field.startsWith(`${k}.`))?.[1] ??
    (field === '' ? undefined : field);
  return { row: found.row, ...(column ? { column } : {}) };
}

function pathSegments(path: string): Array<string | number> {
  return [...path.matchAll(SEGMENT)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

function valueAt(history: unknown, path: string): unknown {
  let node: unknown = history;
  for (const s of pathSegments(path)) node = (node as Record<string | number, unknown> | undefined)?.[s];
  return node;
}

function holderAt(history: unknown, segments: Array<string | number>): object | undefined {
  let node: unknown = history;
  for (const s of segments) node = (node as Record<string | number, unknown> | undefined)?.[s];
  return node !== null && typeof node === 'object' ? node : undefined;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = problemText(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * A mapping by built-in name (`ssd`, `generic`) or as a mapping file's content, checked and typed.
 *
 * @throws {InputError} `invalid-mapping`, listing every problem with its path.
 */
export function parseMapping(input: unknown): Mapping {
  if (typeof input === 'string') {
    const builtIn = builtInMappings[input];
    if (builtIn) return builtIn;
    throw new InputError('invalid-mapping', [
      {
        path: '',
        message: `${input} is not a built-in mapping (${Object.keys(builtInMappings).join(', ')})`,
      },
    ]);
  }
  const parsed = mappingSchema.safeParse(input, { error: zodErrorMap });
  if (!parsed.success) throw new InputError('invalid-mapping', fromZodIssues(parsed.error.issues));
  return parsed.data;
}

/** The options of csv-parse both readers use: a header row, a byte-order mark allowed, no empty lines. */
export const CSV_OPTIONS = {
  bom: true,
  relax_column_count: true,
  skip_empty_lines: true,
  info: true,
} as const;

/** Feeds parsed records (the first being the header) of one file to an importer. */
export function feedRecords(
  importer: CsvImporter,
  name: string,
  records: Iterable<{ record: string[]; info: { lines: number } }>,
): void {
  let header: string[] | undefined;
  for (const { record, info } of records) {
    if (!header) {
      header = record.map((h) => h.trim());
      if (!importer.header(name, header)) return;
      continue;
    }
    feedRecord(importer, name, header, record, info.lines);
  }
  if (!header) importer.header(name, []);
}

/** One data record against its header; a record with more or fewer cells than the header is reported. */
export function feedRecord(
  importer: CsvImporter,
  name: string,
  header: readonly string[],
  record: readonly string[],
  line: number,
): void {
  const cells: Record<string, string> = {};
  header.forEach((h, i) => {
    cells[h] = record[i] ?? '';
  });
  importer.row(name, line, cells);
  if (record.length !== header.length)
    importer.refuse(name, line, `${record.length} cells, expected ${header.length} as in the header`);
}

/**
 * Reads a history from CSV files given as strings (file name to text): the generic layout that
 * `exportCsv` writes, or any export a mapping describes (a mapping file's content, or a built-in
 * name: `ssd`). A mapping that is not valid throws `InputError` (`invalid-mapping`). Returns the history built from every
 * row not refused, every problem with its file, line and column, and a summary per file.
 *
 * @example
 * const { history, problems } = importCsv({ 'staff.csv': staff, 'events.csv': events });
 * if (problems.length > 0) console.error(problems.map(problemText).join('\n'));
 */
export function importCsv(
  files: Readonly<Record<string, string>>,
  mapping?: Mapping | unknown,
  options: { readonly vocabulary?: Vocabulary | undefined } = {},
): ImportResult {
  const importer = new CsvImporter(
    mapping === undefined ? undefined : parseMapping(mapping),
    options.vocabulary,
  );
  const extra: Problem[] = [];
  const given = new Map(Object.keys(files).map((n) => [fileKey(n), n]));
  for (const key of importer.fileKeys) {
    const name = given.get(key);
    if (name === undefined) {
      importer.missing(`${key}.csv`);
      continue;
    }
    let records: Array<{ record: string[]; info: { lines: number } }>;
    try {
      records = parse(files[name]!, CSV_OPTIONS) as unknown as typeof records;
    } catch (e) {
      const err = e as Error & { lines?: number };
      importer.header(name, []);
      extra.push({ file: name, line: err.lines ?? 0, message: `not readable as CSV: ${err.message}` });
      continue;
    }
    feedRecords(importer, name, records);
  }
  const result = importer.finish();
  return { ...result, problems: [...extra, ...result.problems] };
}
