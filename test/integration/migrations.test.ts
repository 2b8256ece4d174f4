import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { queryRows } from "../../src/db/rows.js";
import { customers, identities } from "../../src/db/schema/index.js";
import { createTestDatabase } from "../support/database.js";

describe("migrations", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("create every table of SPEC §1", async () => {
    const rows = await queryRows<{ table_name: string }>(
      database.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const names = rows.map((r) => r.table_name);
    expect(names).toEqual(
      expect.arrayContaining([
        "customers", "source_records", "identities", "orders", "events", "tickets", "nps_responses",
        "points_ledger", "consents", "merge_log", "match_candidates", "action_log", "api_keys", "audit_log",
      ]),
    );
  });

  it("are idempotent: a second run applies nothing and keeps data", async () => {
    const [c] = await database.db.insert(customers).values({ displayName: "王芳" }).returning();
    await database.migrate();
    const again = await database.db.select().from(customers);
    expect(again.map((r) => r.id)).toEqual([c!.id]);
  });

  it("enforce one owner per identifier", async () => {
    const [a] = await database.db.insert(customers).values({ displayName: "A" }).returning();
    const [b] = await database.db.insert(customers).values({ displayName: "B" }).returning();
    const identity = {
      type: "EMAIL" as const, value: "dup@example.com", rawValue: "dup@example.com", channel: "WEB" as const,
      sourceSystem: "web", firstSeenAt: new Date(), lastSeenAt: new Date(),
    };
    await database.db.insert(identities).values({ ...identity, customerId: a!.id });
    await expect(database.db.insert(identities).values({ ...identity, customerId: b!.id })).rejects.toThrow();
  });
});
