import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  actionLog, consents, customers, events, npsResponses, orders, pointsLedger, tickets,
} from "../../src/db/schema/index.js";
import { DEFAULT_POLICY, featuresFromHistory, type CustomerHistory } from "../../src/domain/scoring/index.js";
import { DAY_MS } from "../../src/domain/scoring/time.js";
import { findScoringInputs } from "../../src/modules/intelligence/intelligence.repository.js";
import { toFeatures } from "../../src/modules/intelligence/intelligence.service.js";
import { seedPopulation } from "../../src/seed/seed.js";
import { makeCustomer, testProtector } from "../factories/customer.factory.js";
import { createHarness, type Harness } from "../support/harness.js";

const START = Date.UTC(2024, 0, 1);
const day = (n: number) => new Date(START + n * DAY_MS);

describe("computed customer intelligence through GraphQL", () => {
  let h: Harness;
  let walker: { id: string };

  beforeAll(async () => {
    h = await createHarness();
    // Browses from day 2, buys every 20 days from day 30 to 130, lapses, returns on day 280.
    const buying = [30, 50, 70, 90, 110, 130, 280];
    walker = await makeCustomer(h.db, {
      createdAt: day(0),
      orders: buying.map((n, i) => ({ id: `walk-${i}`, placedAt: day(n), total: "100.00", channel: "WEB" as const })),
      events: [2, 20, 22, 25, ...buying.map((n) => n - 1)].map((n) => ({ occurredAt: day(n), type: n === 2 ? "PAGE_VIEW" : "PRODUCT_VIEW", channel: "WEB" as const })),
      consents: [{ purpose: "EMAIL" }],
    });
    await h.db.update(consents).set({ at: day(0) }).where(eq(consents.customerId, walker.id));
  });
  afterAll(() => h.close());

  const LIFECYCLE = `query($id: ID!, $asOf: DateTime) { customer(id: $id, asOf: $asOf) {
    lifecycle { stage since rule reasons asOf policyVersion } } }`;

  it.each([
    [10, "AWARENESS"],
    [27, "CONSIDERATION"],
    [35, "FIRST_PURCHASE"],
    [135, "STABLE"],
    [165, "DECLINING"],
    [200, "CHURNED"],
    [285, "REACTIVATED"],
  ])("walks the same stored history by asOf alone: day %i is %s", async (n, stage) => {
    const { data, errors } = await h.run(LIFECYCLE, { id: walker.id, asOf: day(n).toISOString() });
    expect(errors).toBeUndefined();
    expect(data!.customer.lifecycle).toMatchObject({ stage, policyVersion: DEFAULT_POLICY.version });
    expect(new Date(data!.customer.lifecycle.asOf)).toEqual(day(n));
    expect(data!.customer.lifecycle.reasons.length).toBeGreaterThan(0);
  });

  it("answers every computed field, with their reasons", async () => {
    const { data, errors } = await h.run(
      `query($id: ID!, $asOf: DateTime) { customer(id: $id, asOf: $asOf) {
        health { score grade components { name weight points reason } churnRisk { probability level signals { name contribution } } }
        rfm { recencyDays frequency monetary segment }
        loyalty { tier qualifyingSpend nextTier amountToNextTier progress pointsBalance }
        value { lifetimeRevenue orderCount averageOrderValue predictedValue expectedCycleDays }
        nextBestActions(limit: 5) { action channel priority reason rule }
        preferredChannel } }`,
      { id: walker.id, asOf: day(165).toISOString() },
    );
    expect(errors).toBeUndefined();
    const c = data!.customer;
    expect(c.health.components.map((x: { name: string }) => x.name)).toEqual(["recency", "frequency", "monetary", "engagementTrend", "service", "sentiment"]);
    expect(c.health.score).toBeCloseTo(c.health.components.reduce((s: number, x: { points: number }) => s + x.points, 0), 0);
    expect(c.value).toMatchObject({ lifetimeRevenue: 600, orderCount: 6, averageOrderValue: 100, expectedCycleDays: 20 });
    expect(c.loyalty).toMatchObject({ tier: "BRONZE", nextTier: "SILVER" });
    expect(c.preferredChannel).toBe("EMAIL");
    expect(c.nextBestActions.map((a: { action: string }) => a.action)).toContain("WIN_BACK_OFFER");
  });

  it.each([
    [{ asOf: new Date(Date.now() + 2 * DAY_MS).toISOString() }, "asOf"],
  ])("refuses an asOf more than a day ahead", async (vars, field) => {
    const { errors } = await h.run(LIFECYCLE, { id: walker.id, ...vars });
    expect(errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it.each([0, 13])("refuses nextBestActions(limit: %i)", async (limit) => {
    const { errors } = await h.run(`query($id: ID!, $l: Int!) { customer(id: $id) { nextBestActions(limit: $l) { action } } }`, { id: walker.id, l: limit });
    expect(errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "limit" });
  });
});

// The batch SQL must compute exactly what the domain's reference definition computes from the raw rows.
describe("feature SQL matches featuresFromHistory", () => {
  let h: Harness;
  const now = new Date(Date.UTC(2026, 9, 15, 8, 30));

  beforeAll(async () => {
    h = await createHarness();
    await seedPopulation(h.db, { customers: 60, now, protector: testProtector, seed: 7 });
  });
  afterAll(() => h.close());

  async function rawHistory(id: string): Promise<CustomerHistory> {
    const by = <T extends { customerId: unknown }>(t: T) => eq(t.customerId as never, id);
    const [c] = await h.db.select().from(customers).where(eq(customers.id, id));
    return {
      customerId: id,
      createdAt: c!.createdAt,
      birthDate: c!.birthDate,
      orders: (await h.db.select().from(orders).where(by(orders))).map((o) => ({ ...o, total: Number(o.total) })),
      events: await h.db.select().from(events).where(by(events)),
      tickets: await h.db.select().from(tickets).where(by(tickets)),
      nps: await h.db.select().from(npsResponses).where(by(npsResponses)),
      pointsLedger: await h.db
        .select({ delta: pointsLedger.delta, reason: pointsLedger.reason, earnedAt: pointsLedger.earnedAt, expiresAt: pointsLedger.expiresAt })
        .from(pointsLedger)
        .where(by(pointsLedger)),
      consents: await h.db.select({ purpose: consents.purpose, granted: consents.granted, at: consents.at }).from(consents).where(by(consents)),
      actions: await h.db.select({ action: actionLog.action, offeredAt: actionLog.offeredAt }).from(actionLog).where(by(actionLog)),
    };
  }

  it.each([0, 45, 400])("for every seeded customer, %i days before the seed's now", async (daysBack) => {
    const asOf = new Date(now.getTime() - daysBack * DAY_MS);
    const rows = await h.db.select().from(customers).orderBy(asc(customers.id));
    const inputs = await findScoringInputs(h.db, rows.map((r) => r.id), asOf, DEFAULT_POLICY);
    for (const row of rows) {
      const fromSql = toFeatures(row, inputs.histories.get(row.id)!, inputs.events.filter((e) => e.customerId === row.id), asOf, DEFAULT_POLICY);
      const reference = featuresFromHistory(await rawHistory(row.id), asOf, DEFAULT_POLICY);
      const sortLists = (f: typeof reference) => ({
        ...f,
        orders: [...f.orders].sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime() || a.total - b.total),
        pointsLedger: [...f.pointsLedger].sort((a, b) => a.earnedAt.getTime() - b.earnedAt.getTime() || a.delta - b.delta),
        consents: [...f.consents].sort((a, b) => a.purpose.localeCompare(b.purpose)),
      });
      expect(sortLists(fromSql)).toEqual(sortLists(reference));
    }
  });
});
