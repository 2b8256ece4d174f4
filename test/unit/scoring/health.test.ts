import { describe, expect, it } from "vitest";
import type { CustomerFeatures } from "../../../src/domain/scoring/features.js";
import { healthGrade, healthScore } from "../../../src/domain/scoring/health.js";
import { DEFAULT_POLICY as P } from "../../../src/domain/scoring/policy.js";
import { rfmProfile } from "../../../src/domain/scoring/rfm.js";
import { AS_OF, daysAgo, makeFeatures, makePopulation, order, ordersEvery } from "./features.factory.js";

const CYCLE = 30;
const health = (overrides: Partial<CustomerFeatures>) => {
  const features = makeFeatures(overrides);
  const rfm = rfmProfile(features, makePopulation(), AS_OF, P);
  return healthScore(features, { cycleDays: CYCLE, rfm }, AS_OF, P);
};
const component = (overrides: Partial<CustomerFeatures>, name: string) =>
  health(overrides).components.find((c) => c.name === name)!;

describe("healthGrade", () => {
  it.each([
    [100, "HEALTHY"],
    [70, "HEALTHY"],
    [69, "NEUTRAL"],
    [40, "NEUTRAL"],
    [39, "AT_RISK"],
    [0, "AT_RISK"],
  ])("%i → %s", (score, grade) => {
    expect(healthGrade(score, P)).toBe(grade);
  });
});

describe("healthScore", () => {
  it("gives a model customer 100 with every component in full", () => {
    // 10 orders of 400 in the last 300 days: R 5, F 5, M 5; activity keeps pace; NPS 10.
    const orders = ordersEvery(30, 10, 1, 400);
    const result = health({ orders, recentEvents: 10, baselineEvents: 30, latestNps: { score: 10, at: daysAgo(5) } });
    expect(result.score).toBe(100);
    expect(result.grade).toBe("HEALTHY");
    expect(result.components.map((c) => [c.name, c.weight, c.points])).toEqual([
      ["recency", 25, 25],
      ["frequency", 20, 20],
      ["monetary", 15, 15],
      ["engagementTrend", 20, 20],
      ["service", 10, 10],
      ["sentiment", 10, 10],
    ]);
  });

  // A prospect scores engagement 20 + service 10 + sentiment NPS: the 40 line sits between NPS 9 and 10.
  // Three small orders (R 5, F 3, M 1) add recency 25 + frequency 10: the 70 line sits between NPS 4 and 5.
  const prospect = { recentEvents: 3 };
  const smallBuyer = { recentEvents: 3, orders: ordersEvery(10, 3, 1, 50) };
  it.each([
    ["a prospect with NPS 9", prospect, 9, 39, "AT_RISK"],
    ["a prospect with NPS 10", prospect, 10, 40, "NEUTRAL"],
    ["a small buyer with NPS 4", smallBuyer, 4, 69, "NEUTRAL"],
    ["a small buyer with NPS 5", smallBuyer, 5, 70, "HEALTHY"],
  ])("%s scores %i: %s", (_name, overrides, nps, score, grade) => {
    expect(health({ ...overrides, latestNps: { score: nps, at: daysAgo(1) } })).toMatchObject({ score, grade });
  });

  it.each([
    ["within one cycle", [order(30)], 1],
    ["two cycles ago", [order(60)], 0.5],
    ["at the churn line", [order(90)], 0],
    ["never", [], 0],
  ])("scores recency of a last order %s as %s", (_name, orders, score) => {
    expect(component({ orders }, "recency").score).toBe(score);
  });

  it.each([
    ["keeping pace", 10, 30, 1],
    ["at half the baseline", 5, 30, 0.5],
    ["new activity without a baseline", 3, 0, 1],
    ["no activity at all", 0, 0, 0],
  ])("scores engagement %s as %s", (_name, recentEvents, baselineEvents, score) => {
    expect(component({ recentEvents, baselineEvents }, "engagementTrend").score).toBe(score);
  });

  it.each<[string, Partial<CustomerFeatures>, number]>([
    ["no tickets", {}, 1],
    ["an open URGENT ticket", { openTickets: { URGENT: 1 } }, 0],
    ["an open NORMAL ticket", { openTickets: { NORMAL: 2 } }, 0.5],
    ["CSAT 3", { latestCsat: { score: 3, at: daysAgo(3) } }, 0.5],
    ["an open LOW ticket and CSAT 1", { openTickets: { LOW: 1 }, latestCsat: { score: 1, at: daysAgo(3) } }, 0],
  ])("scores service with %s as %s", (_name, overrides, score) => {
    expect(component(overrides, "service").score).toBe(score);
  });

  it.each([
    [null, 0.5],
    [7, 0.7],
    [0, 0],
  ])("scores sentiment with NPS %s as %s", (nps, score) => {
    expect(component({ latestNps: nps === null ? null : { score: nps, at: daysAgo(1) } }, "sentiment").score).toBe(score);
  });

  it("explains each component with its numbers", () => {
    const result = health({ orders: [order(60)], openTickets: { HIGH: 1 } });
    expect(component({ orders: [order(60)] }, "recency").reason).toBe("last order 60 days ago: 2 × the 30-day cycle");
    expect(result.components.find((c) => c.name === "service")!.reason).toBe("open tickets: 1 HIGH");
  });
});
