import { stringify } from 'csv-stringify/sync';
import type { History } from '../history/schema.js';
import { LAYOUT, type TableLayout } from './layout.js';

type Json = Record<string, unknown>;
const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const isRecord = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The value at a dotted path, written as a cell: lists joined with `;`, null and absent as empty. */
function cellOf(obj: Json, path: string): string {
  let v: unknown = obj;
  for (const k of path.split('.')) v = isRecord(v) ? v[k] : undefined;
  if (Array.isArray(v)) return v.map(String).join(';');
  return isScalar(v) ? String(v) : '';
}

/** The records of one table, each with the id of the record holding it. */
function recordsOf(history: Json, table: TableLayout): Array<{ parentId?: string; item: unknown }> {
  if (table.target === 'history') return [{ item: history }];
  if (table.target === 'closures') {
    const cal = history.calendar;
    const list = isRecord(cal) && Array.isArray(cal.closures) ? cal.closures : [];
    return list.map((item) => ({ item }));
  }
  const own = history[table.parent ?? table.key];
  const entities = Array.isArray(own) ? (own as unknown[]).filter(isRecord) : [];
  if (!table.parent) return entities.map((item) => ({ item }));
  return entities.flatMap((e) => {
    const list = e[table.key];
    return Array.isArray(list) ? list.map((item) => ({ parentId: String(e.id), item })) : [];
  });
}

/**
 * Writes a history as the generic CSV layout: one file per table (staff, supervisors, absences,
 * arrangements, cases, allocations, episodes, flags, reviews, events, case records, closures and the
 * history's own fields), a header row of the history's field names, lists in one cell separated by
 * `;`, dates and instants as the history writes them. Fields the schema does not know are written
 * too when their values are plain (text, numbers, true/false), after the known columns.
 *
 * @example
 * for (const [file, text] of Object.entries(exportCsv(history))) writeFileSync(join(dir, file), text);
 */
export function exportCsv(history: History): Record<string, string> {
  const h = history as unknown as Json;
  const out: Record<string, string> = {};
  for (const table of LAYOUT) {
    const records = recordsOf(h, table);
    const known = new Set(table.fields.map(([f]) => f.split('.')[0]!));
    for (const t of LAYOUT)
      if (t.parent === table.target || (table.target === 'history' && !t.parent)) known.add(t.key);
    known.add('calendar');
    const extras: string[] = [];
    if (!table.scalarItems)
      for (const { item } of records)
        if (isRecord(item))
          for (const [k, v] of Object.entries(item))
            if (!known.has(k) && isScalar(v) && !extras.includes(k)) extras.push(k);
    const fields = [...table.fields.map(([f]) => f), ...extras];
    const columns = [...(table.parentColumn ? [table.parentColumn] : []), ...fields];
    const rows = records.map(({ parentId, item }) => {
      const row: string[] = table.parentColumn ? [parentId ?? ''] : [];
      if (table.scalarItems) row.push(isScalar(item) ? String(item) : '');
      else for (const f of fields) row.push(isRecord(item) ? cellOf(item, f) : '');
      return row;
    });
    out[table.file] = stringify([columns, ...rows]);
  }
  return out;
}
