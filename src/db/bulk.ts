import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

// Every column given: an insert … select has no DEFAULT to fall back on.
export type FullRow<T extends PgTable> = { [K in keyof T["$inferInsert"]]-?: Exclude<T["$inferInsert"][K], undefined> };

/**
 * Many rows as ONE bind parameter, for `db.insert(table).select(jsonRows(table, rows))`: a JSON array of
 * positional arrays, turned into rows by the server. A VALUES list with a parameter per column and row makes
 * drizzle's query building, not the database, the bottleneck of bulk writes (≈ 4× slower here).
 */
export function jsonRows<T extends PgTable>(table: T, rows: readonly FullRow<T>[]): SQL {
  const { keys, select } = rowSourceOf(table);
  const json = JSON.stringify(rows.map((row) => keys.map((key) => (row as Record<string, unknown>)[key])));
  return sql`select ${select} from jsonb_array_elements(${json}::text::jsonb) as r`;
}

const rowSources = new WeakMap<PgTable, { keys: string[]; select: SQL }>();

// Every column in the table's order (what insert … select expects), read from position i of each row and
// cast to the column's type; a JSON null is SQL NULL.
function rowSourceOf(table: PgTable): { keys: string[]; select: SQL } {
  const cached = rowSources.get(table);
  if (cached) return cached;
  const entries = Object.entries(getTableColumns(table));
  const select = sql.join(
    entries.map(([, column], i) => {
      const type = column.getSQLType();
      return type === "jsonb" ? sql.raw(`nullif(r -> ${i}, 'null'::jsonb)`) : sql.raw(`(r ->> ${i})::${type}`);
    }),
    sql`, `,
  );
  const source = { keys: entries.map(([key]) => key), select };
  rowSources.set(table, source);
  return source;
}
