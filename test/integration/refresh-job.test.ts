import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerScores, scoreRefreshRuns } from "../../src/db/schema/index.js";
import { DEFAULT_POLICY } from "../../src/domain/scoring/index.js";
import { createPopulationStatsCache } from "../../src/modules/intelligence/population-stats.js";
import { startRefreshJob } from "../../src/server/refresh-job.js";
import { makeCustomer } from "../factories/customer.factory.js";
import { createTestDatabase } from "../support/database.js";
import type { Database } from "../../src/db/client.js";

describe("scheduled score refresh", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 5; i++) await makeCustomer(database.db, { orders: [{}] });
  });
  afterAll(() => database.close());

  it("runs a full refresh at once, then stops", async () => {
    const logged: string[] = [];
    const log = { info: (_: unknown, msg?: string) => void logged.push(msg ?? ""), error: (_: unknown, msg?: string) => void logged.push(`error: ${msg}`) };
    const deps = { db: database.db, policy: DEFAULT_POLICY, population: createPopulationStatsCache(database.db, DEFAULT_POLICY) };
    const job = startRefreshJob(deps, 60, log);
    await job.firstRun;
    job.stop();
    expect(await database.db.select().from(customerScores)).toHaveLength(5);
    expect((await database.db.select().from(scoreRefreshRuns)).map((r) => r.mode)).toEqual(["FULL"]);
    expect(logged).toEqual(["scheduled full score refresh done"]);
  });

  it("does nothing when turned off", async () => {
    const job = startRefreshJob({ db: database.db, policy: DEFAULT_POLICY, population: createPopulationStatsCache(database.db, DEFAULT_POLICY) }, 0, { info: () => {}, error: () => {} });
    await job.firstRun;
    expect(await database.db.select().from(scoreRefreshRuns)).toHaveLength(1);
  });
});
