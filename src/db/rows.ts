import type { SQL } from "drizzle-orm";
import type { Db } from "./client.js";

// `db.execute` answers an array on postgres.js and `{ rows }` on PGlite; raw SQL goes through here.
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/** A Postgres array literal of ids already checked with isUuid, for `${uuidArray(ids)}::uuid[]`. */
export function uuidArray(ids: readonly string[]): string {
  if (!ids.every(isUuid)) throw new Error("uuidArray: not a uuid");
  return `{${ids.join(",")}}`;
}
