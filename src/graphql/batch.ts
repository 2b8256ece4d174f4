// DataLoader batch functions must return exactly one entry per key, in key order, whatever order (and
// however many) rows the database returned. These two helpers are the only place that rule is written.

/** One value (or null) per key. */
export function onePerKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): (R | null)[] {
  const byKey = new Map<K, R>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((k) => byKey.get(k) ?? null);
}

/** All rows of each key (an empty list for a key with none), rows keeping their query order. */
export function manyPerKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const byKey = new Map<K, R[]>();
  for (const key of keys) byKey.set(key, []);
  for (const row of rows) byKey.get(keyOf(row))?.push(row);
  return keys.map((k) => byKey.get(k)!);
}
