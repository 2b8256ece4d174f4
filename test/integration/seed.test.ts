import { count, eq, notExists, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
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
} from "../../src/db/schema/index.js";
import { createIdentifierProtector, DEVELOPMENT_KEY } from "../../src/modules/identity/identifier-protection.js";
import { generateCustomer } from "../../src/seed/generate.js";
import { createRng } from "../../src/seed/random.js";
import { populationIsEmpty, seedPopulation, type SeedSummary, type SeedTable } from "../../src/seed/seed.js";
import { createTestDatabase } from "../support/database.js";

const NOW = new Date("2025-06-15T08:30:00.123Z");
const SEED = 11;
const CUSTOMERS = 300;
const protector = createIdentifierProtector(DEVELOPMENT_KEY);

const TABLES: Record<SeedTable, PgTable> = {
  customers,
  source_records: sourceRecords,
  identities,
  orders,
  events,
  tickets,
  nps_responses: npsResponses,
  points_ledger: pointsLedger,
  consents,
};

describe("seedPopulation", () => {
  let database: Database;
  let summary: SeedSummary;
  let emptyBefore: boolean;
  const progress: number[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    emptyBefore = await populationIsEmpty(database.db);
    // 120 a chunk: the last chunk is a partial one.
    summary = await seedPopulation(database.db, {
      customers: CUSTOMERS,
      seed: SEED,
      now: NOW,
      protector,
      batchSize: 120,
      onProgress: (done) => progress.push(done),
    });
  });
  afterAll(() => database?.close());

  const rowCount = async (table: PgTable) => (await database.db.select({ n: count() }).from(table))[0]?.n ?? 0;

  it("inserts exactly the rows its summary reports, per table", async () => {
    expect(emptyBefore).toBe(true);
    expect(await populationIsEmpty(database.db)).toBe(false);
    expect(summary.customers).toBe(CUSTOMERS);
    for (const [name, table] of Object.entries(TABLES)) {
      expect(await rowCount(table), name).toBe(summary.rows[name as SeedTable]);
    }
    expect(summary.rows.customers).toBe(CUSTOMERS);
    expect(summary.rows.events).toBeGreaterThan(CUSTOMERS * 5);
    expect(progress.toSorted((a, b) => a - b)).toEqual([120, 240, 300]);
  });

  it("gives every customer at least one identity and one source record", async () => {
    const { db } = database;
    const without = async (table: typeof identities | typeof sourceRecords) =>
      (
        await db
          .select({ n: count() })
          .from(customers)
          .where(notExists(db.select({ one: sql`1` }).from(table).where(eq(table.customerId, customers.id))))
      )[0]?.n;
    expect(await without(identities)).toBe(0);
    expect(await without(sourceRecords)).toBe(0);
  });

  it("keeps identifiers unique and national IDs sealed", async () => {
    const key = sql`(${identities.type}, ${identities.value}, ${identities.namespace})`;
    const [distinct] = await database.db.select({ n: sql`count(distinct ${key})`.mapWith(Number) }).from(identities);
    expect(distinct?.n).toBe(summary.rows.identities);

    const nationalIds = await database.db.select().from(identities).where(eq(identities.type, "NATIONAL_ID"));
    expect(nationalIds.length).toBeGreaterThan(0);
    for (const row of nationalIds) {
      const plain = protector.decrypt(row.rawValue);
      expect(plain).toMatch(/^\d{17}[\dX]$/);
      expect(row.value).toBe(protector.blindIndex(plain));
    }
  });

  it("stores what the generator produced, timestamps to the millisecond and JSON intact", async () => {
    const index = 7;
    const generated = generateCustomer(createRng(SEED, index), index, NOW);
    const { db } = database;
    const [customer] = await db.select().from(customers).where(eq(customers.id, generated.customer.id));
    expect(customer).toEqual(generated.customer);

    const byId = <T extends { id: string }>(rows: T[]) => rows.toSorted((a, b) => a.id.localeCompare(b.id));
    const storedEvents = await db.select().from(events).where(eq(events.customerId, generated.customer.id));
    expect(byId(storedEvents)).toEqual(byId(generated.events));
    const storedOrders = await db.select().from(orders).where(eq(orders.customerId, generated.customer.id));
    expect(byId(storedOrders)).toEqual(byId(generated.orders));
    const storedSources = await db.select().from(sourceRecords).where(eq(sourceRecords.customerId, generated.customer.id));
    expect(byId(storedSources)).toEqual(byId(generated.sourceRecords));
    const storedPoints = await db.select().from(pointsLedger).where(eq(pointsLedger.customerId, generated.customer.id));
    expect(byId(storedPoints)).toEqual(byId(generated.pointsLedger));
  });

  it("appends a second population from another first index without collisions", async () => {
    const before = await rowCount(identities);
    const more = await seedPopulation(database.db, { customers: 40, seed: SEED, now: NOW, protector, firstIndex: CUSTOMERS });
    expect(more.customers).toBe(40);
    expect(await rowCount(customers)).toBe(CUSTOMERS + 40);
    expect(await rowCount(identities)).toBe(before + more.rows.identities);
  });

  it("rolls a failing chunk back whole and reports the error", async () => {
    const before = await rowCount(customers);
    // Index 0 again: its identifiers already exist, so the chunk violates the identities unique key.
    await expect(seedPopulation(database.db, { customers: 5, seed: SEED + 1, now: NOW, protector })).rejects.toThrow();
    expect(await rowCount(customers)).toBe(before);
  });
});
