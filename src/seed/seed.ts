import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { jsonRows, type FullRow } from "../db/bulk.js";
import type { Db } from "../db/client.js";
import {
  consents,
  customers,
  events,
  identities,
  npsResponses,
  orders,
  pointsLedger,
  sourceRecords,
  tickets,
} from "../db/schema/index.js";
import type { IdentifierProtector } from "../modules/identity/identifier-protection.js";
import { generateCustomer, MAX_CUSTOMER_INDEX, type GeneratedCustomer, type IdentityRow } from "./generate.js";
import { createRng } from "./random.js";

export const SEED_TABLES = [
  "customers",
  "source_records",
  "identities",
  "orders",
  "events",
  "tickets",
  "nps_responses",
  "points_ledger",
  "consents",
] as const;
export type SeedTable = (typeof SEED_TABLES)[number];

export interface SeedOptions {
  customers: number;
  seed?: number;
  // The moment the generated two years of history end at (default: now).
  now?: Date;
  protector: IdentifierProtector;
  // Customers per transaction.
  batchSize?: number;
  // Index of the first generated customer: identifiers derive from it, so a second run appending to a
  // seeded database needs indexes the first run did not use.
  firstIndex?: number;
  // Chunks in flight at once: on postgres.js the server inserts one chunk while Node generates the next.
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedSummary {
  customers: number;
  rows: Record<SeedTable, number>;
  elapsedMs: number;
  seed: number;
  now: Date;
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export const DEFAULT_SEED = 360;
const DEFAULT_BATCH_SIZE = 500;
// One bind parameter per statement whatever its size; this bounds the JSON document to a few megabytes.
const ROWS_PER_STATEMENT = 5_000;

/** True when no customer exists yet (the first start of a fresh database). */
export async function populationIsEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: customers.id }).from(customers).limit(1);
  return rows.length === 0;
}

/**
 * Generates `customers` demo customers (seeded, reproducible) and inserts them chunk by chunk, each chunk in
 * one transaction with multi-row inserts. Memory stays flat: only the chunks in flight exist at any time.
 */
export async function seedPopulation(db: Db, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const total = Math.max(0, Math.floor(options.customers));
  const seed = options.seed ?? DEFAULT_SEED;
  const now = new Date(Math.floor((options.now ?? new Date()).getTime()));
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const firstIndex = options.firstIndex ?? 0;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  if (firstIndex < 0 || firstIndex + total > MAX_CUSTOMER_INDEX) {
    throw new RangeError(`Customer indexes must stay within [0, ${MAX_CUSTOMER_INDEX}) for identifiers to stay unique`);
  }
  const rows = Object.fromEntries(SEED_TABLES.map((t) => [t, 0])) as Record<SeedTable, number>;

  let done = 0;
  let failure: unknown = null;
  const inFlight = new Set<Promise<void>>();
  for (let offset = 0; offset < total && failure === null; offset += batchSize) {
    const count = Math.min(batchSize, total - offset);
    const chunk: GeneratedCustomer[] = [];
    for (let i = 0; i < count; i++) {
      const index = firstIndex + offset + i;
      chunk.push(generateCustomer(createRng(seed, index), index, now));
    }
    const task = insertChunk(db, chunk, options.protector).then(
      (inserted) => {
        for (const table of SEED_TABLES) rows[table] += inserted[table];
        done += count;
        options.onProgress?.(done, total);
      },
      (err: unknown) => {
        failure ??= err;
      },
    );
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure !== null) throw failure;
  return { customers: done, rows, elapsedMs: Math.round(performance.now() - started), seed, now };
}

async function insertChunk(
  db: Db,
  chunk: readonly GeneratedCustomer[],
  protector: IdentifierProtector,
): Promise<Record<SeedTable, number>> {
  const all = <T>(pick: (c: GeneratedCustomer) => T[]) => chunk.flatMap(pick);
  const data = {
    customers: chunk.map((c) => c.customer),
    source_records: all((c) => c.sourceRecords),
    identities: all((c) => c.identities).map((i) => seal(i, protector)),
    orders: all((c) => c.orders),
    events: all((c) => c.events),
    tickets: all((c) => c.tickets),
    nps_responses: all((c) => c.npsResponses),
    points_ledger: all((c) => c.pointsLedger),
    consents: all((c) => c.consents),
  } satisfies Record<SeedTable, unknown[]>;

  await db.transaction(async (tx) => {
    // Demo data: a crash may lose the last chunks rather than wait for every commit's WAL flush.
    await tx.execute(sql`set local synchronous_commit = off`);
    // Customers first: every other row references one.
    await insertMany(tx, customers, data.customers);
    await insertMany(tx, sourceRecords, data.source_records);
    await insertMany(tx, identities, data.identities);
    await insertMany(tx, orders, data.orders);
    await insertMany(tx, events, data.events);
    await insertMany(tx, tickets, data.tickets);
    await insertMany(tx, npsResponses, data.nps_responses);
    await insertMany(tx, pointsLedger, data.points_ledger);
    await insertMany(tx, consents, data.consents);
  });
  return Object.fromEntries(SEED_TABLES.map((t) => [t, data[t].length])) as Record<SeedTable, number>;
}

// NATIONAL_ID is stored only as a blind index (for matching) and ciphertext (SPEC §1).
function seal(identity: IdentityRow, protector: IdentifierProtector): IdentityRow {
  if (identity.type !== "NATIONAL_ID") return identity;
  return { ...identity, value: protector.blindIndex(identity.value), rawValue: protector.encrypt(identity.value) };
}

// Rows travel as one JSON document per statement (src/db/bulk.ts); this bounds each to a few megabytes.
async function insertMany<T extends PgTable>(tx: Tx, table: T, rows: FullRow<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await tx.insert(table).select(jsonRows(table, rows.slice(i, i + ROWS_PER_STATEMENT)));
  }
}
