import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders } from "../../src/db/schema/index.js";
import { LIFECYCLE_STAGES } from "../../src/domain/scoring/vocabulary.js";
import { queueForRefresh } from "../../src/modules/intelligence/score-refresh.service.js";
import { seedPopulation } from "../../src/seed/seed.js";
import { testProtector } from "../factories/customer.factory.js";
import { createHarness, type GraphQLResult, type Harness } from "../support/harness.js";

const SUMMARY = `{ populationSummary { totalCustomers scoredCustomers
  byStage { stage count } byTier { tier count } byHealthGrade { grade count } byChurnRisk { level count }
  snapshot { oldestAsOf newestAsOf unscoredCustomers queuedCustomers lastRefreshMode policyVersion } } }`;
const REFRESH = `mutation($full: Boolean) { refreshScores(full: $full) { mode customersScored policyVersion asOf } }`;
const LIST = `query($f: CustomerFilter, $o: CustomerOrder, $after: String, $asOf: DateTime) {
  customers(filter: $f, orderBy: $o, first: 7, after: $after, asOf: $asOf) {
    totalCount edges { node { id lifecycle { stage } health { score grade } loyalty { tier } } }
    pageInfo { hasNextPage endCursor } } }`;

type Node = { id: string; lifecycle: { stage: string }; health: { score: number; grade: string }; loyalty: { tier: string } };
type ListData = { customers: { totalCount: number; edges: { node: Node }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

describe("score snapshot, population views and refreshScores", () => {
  let h: Harness;
  const CUSTOMERS = 150;

  beforeAll(async () => {
    h = await createHarness();
    // History up to a moment just before now, so the snapshot (as of now) sees all of it.
    await seedPopulation(h.db, { customers: CUSTOMERS, now: new Date(Date.now() - 60_000), protector: testProtector, seed: 11 });
  });
  afterAll(() => h.close());

  // Fresh views computed at the snapshot's own asOf must agree with it exactly.
  async function walk(vars: Record<string, unknown>): Promise<{ nodes: Node[]; totalCount: number }> {
    const asOf = (await h.run(SUMMARY)).data!.populationSummary.snapshot.newestAsOf;
    const nodes: Node[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let i = 0; i < 100; i++) {
      const { data, errors }: GraphQLResult<ListData> = await h.run<ListData>(LIST, { asOf, ...vars, after });
      expect(errors).toBeUndefined();
      totalCount = data!.customers.totalCount;
      nodes.push(...data!.customers.edges.map((e) => e.node));
      if (!data!.customers.pageInfo.hasNextPage) return { nodes, totalCount };
      after = data!.customers.pageInfo.endCursor;
    }
    throw new Error("pagination did not end");
  }

  it("has nothing scored before the first refresh, then scores everyone incrementally", async () => {
    const before = await h.run(SUMMARY);
    expect(before.data!.populationSummary).toMatchObject({ totalCustomers: CUSTOMERS, scoredCustomers: 0, snapshot: { unscoredCustomers: CUSTOMERS, oldestAsOf: null } });
    const refresh = await h.run(REFRESH, {});
    expect(refresh.errors).toBeUndefined();
    expect(refresh.data!.refreshScores).toMatchObject({ mode: "INCREMENTAL", customersScored: CUSTOMERS });
    const again = await h.run(REFRESH, {});
    expect(again.data!.refreshScores.customersScored).toBe(0);
  });

  it("counts every scored customer once per dimension, every stage and grade listed", async () => {
    const { data } = await h.run(SUMMARY);
    const s = data!.populationSummary;
    const sum = (list: { count: number }[]) => list.reduce((n, x) => n + x.count, 0);
    expect(s.scoredCustomers).toBe(CUSTOMERS);
    for (const list of [s.byStage, s.byTier, s.byHealthGrade, s.byChurnRisk]) expect(sum(list)).toBe(CUSTOMERS);
    expect(s.byStage.map((x: { stage: string }) => x.stage)).toEqual([...LIFECYCLE_STAGES]);
    expect(s.snapshot).toMatchObject({ unscoredCustomers: 0, queuedCustomers: 0, lastRefreshMode: "INCREMENTAL", policyVersion: "2025.1" });
  });

  it("filters by stage from the snapshot, agreeing with each customer's fresh view", async () => {
    const { data } = await h.run(SUMMARY);
    const stage = data!.populationSummary.byStage.find((x: { count: number }) => x.count > 0).stage as string;
    const { nodes, totalCount } = await walk({ f: { lifecycleStages: [stage] } });
    expect(nodes.length).toBe(data!.populationSummary.byStage.find((x: { stage: string }) => x.stage === stage).count);
    expect(totalCount).toBe(nodes.length);
    for (const n of nodes) expect(n.lifecycle.stage).toBe(stage);
  });

  it.each(["ASC", "DESC"] as const)("sorts by health %s across pages, every scored customer once", async (direction) => {
    const { nodes } = await walk({ o: { field: "HEALTH", direction } });
    expect(new Set(nodes.map((n) => n.id)).size).toBe(CUSTOMERS);
    const scores = nodes.map((n) => n.health.score);
    const sorted = [...scores].sort((a, b) => a - b);
    expect(scores).toEqual(direction === "ASC" ? sorted : sorted.reverse());
  });

  it("combines score filters with a health range", async () => {
    const { nodes } = await walk({ f: { healthGrades: ["HEALTHY", "NEUTRAL"], minHealth: 50, maxHealth: 80 }, o: { field: "VALUE", direction: "DESC" } });
    for (const n of nodes) {
      expect(n.health.score).toBeGreaterThanOrEqual(50);
      expect(n.health.score).toBeLessThanOrEqual(80);
    }
  });

  it.each([
    [{ minHealth: -1 }, "filter.minHealth"],
    [{ maxHealth: 101 }, "filter.maxHealth"],
    [{ minHealth: 60, maxHealth: 40 }, "filter.minHealth"],
  ])("refuses the health range %j", async (f, field) => {
    const { errors } = await h.run(LIST, { f });
    expect(errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("rescores only queued customers incrementally, everyone when full", async () => {
    const { nodes } = await walk({ o: { field: "CREATED_AT" } });
    const target = nodes[0]!.id;
    await h.db.update(orders).set({ total: "99999.00" }).where(eq(orders.customerId, target));
    await queueForRefresh(h.db, [target]);
    expect((await h.run(SUMMARY)).data!.populationSummary.snapshot.queuedCustomers).toBe(1);
    const incremental = await h.run(REFRESH, { full: false });
    expect(incremental.data!.refreshScores.customersScored).toBe(1);
    expect((await h.run(SUMMARY)).data!.populationSummary.snapshot.queuedCustomers).toBe(0);
    const full = await h.run(REFRESH, { full: true });
    expect(full.data!.refreshScores).toMatchObject({ mode: "FULL", customersScored: CUSTOMERS });
  });
});
