import { describe, expect, it } from "vitest";
import type { CustomerFeatures } from "../../../src/domain/scoring/features.js";
import { classifyLifecycle } from "../../../src/domain/scoring/lifecycle.js";
import { DEFAULT_POLICY as P } from "../../../src/domain/scoring/policy.js";
import type { LoyaltyTier } from "../../../src/domain/scoring/vocabulary.js";
import { AS_OF, daysAgo, makeFeatures, order, ordersEvery, TICK_DAYS } from "./features.factory.js";

// Lines are tested with a fixed 30-day cycle: 1.5 × = 45 days, 3 × = 90 days, AOV window 2 × = 60 days.
const CYCLE = 30;
const classify = (overrides: Partial<CustomerFeatures>, tier: LoyaltyTier = "BRONZE") =>
  classifyLifecycle(makeFeatures({ lastInteractionAt: daysAgo(1), ...overrides }), { cycleDays: CYCLE, tier }, AS_OF, P);
const stageOf = (overrides: Partial<CustomerFeatures>, tier?: LoyaltyTier) => classify(overrides, tier).stage;

describe("lifecycle: prospects", () => {
  it.each([
    ["2 events in 30 days", { recentEvents: 2 }, "AWARENESS"],
    ["3 events in 30 days", { recentEvents: 3 }, "CONSIDERATION"],
    ["no high-intent event", { recentEvents: 1, recentHighIntentEvents: 0 }, "AWARENESS"],
    ["1 high-intent event", { recentEvents: 1, recentHighIntentEvents: 1 }, "CONSIDERATION"],
    ["a busy baseline but a quiet month", { recentEvents: 0, baselineEvents: 40 }, "AWARENESS"],
  ] as const)("%s → %s", (_name, overrides, stage) => {
    expect(stageOf(overrides)).toBe(stage);
  });

  it("names the consideration rule that fired", () => {
    expect(classify({ recentEvents: 5 }).rule).toBe("lifecycle.consideration.engagement");
    expect(classify({ recentEvents: 1, recentHighIntentEvents: 1 }).rule).toBe("lifecycle.consideration.high-intent");
  });

  it("dates awareness from when the customer became known", () => {
    const createdAt = daysAgo(12);
    expect(classify({ createdAt })).toMatchObject({ stage: "AWARENESS", since: createdAt, rule: "lifecycle.awareness" });
  });
});

describe("lifecycle: the cycle lines", () => {
  it.each([
    ["one order exactly 1.5 × cycle ago", [order(45)], "FIRST_PURCHASE"],
    ["one order just over 1.5 × cycle ago", [order(45 + TICK_DAYS)], "DECLINING"],
    ["two orders, the last exactly 1.5 × cycle ago", [order(75), order(45)], "STABLE"],
    ["two orders, the last just over 1.5 × cycle ago", [order(75), order(45 + TICK_DAYS)], "DECLINING"],
    ["last order exactly 3 × cycle ago", [order(120), order(90)], "DECLINING"],
    ["last order just over 3 × cycle ago", [order(120), order(90 + TICK_DAYS)], "CHURNED"],
    ["one order just over 3 × cycle ago", [order(90 + TICK_DAYS)], "CHURNED"],
  ])("%s → %s", (_name, orders, stage) => {
    expect(stageOf({ orders })).toBe(stage);
  });

  it.each([
    ["a gap of exactly 3 × cycle", [order(100), order(10)], "STABLE"],
    ["a gap just over 3 × cycle", [order(100 + TICK_DAYS), order(10)], "REACTIVATED"],
    ["the return exactly 1.5 × cycle ago", [order(136), order(45)], "REACTIVATED"],
    ["the return just over 1.5 × cycle ago", [order(136), order(45 + TICK_DAYS)], "DECLINING"],
  ])("%s → %s", (_name, orders, stage) => {
    expect(stageOf({ orders })).toBe(stage);
  });

  it("does not count cancelled or refunded orders", () => {
    expect(stageOf({ orders: [order(200), order(5, 100, "CANCELLED"), order(2, 100, "REFUNDED")] })).toBe("CHURNED");
    expect(stageOf({ orders: [order(3, 100, "CANCELLED")], recentEvents: 4 })).toBe("CONSIDERATION");
  });
});

describe("lifecycle: decline signals", () => {
  const steady = ordersEvery(CYCLE, 4, 5);

  it.each([
    // 90 baseline events are 30 per 30 days: 70 % of that is 21.
    ["21 recent events against a baseline of 30 per window", 21, 90, "STABLE"],
    ["20 recent events against a baseline of 30 per window", 20, 90, "DECLINING"],
    ["no baseline at all", 0, 0, "STABLE"],
  ])("%s → %s", (_name, recentEvents, baselineEvents, stage) => {
    expect(stageOf({ orders: steady, recentEvents, baselineEvents })).toBe(stage);
  });

  it.each([
    ["recent AOV exactly 20 % below the prior", 80, "DECLINING"],
    ["recent AOV just under 20 % below", 80.01, "STABLE"],
  ])("%s → %s", (_name, recentTotal, stage) => {
    // Prior orders 70 and 100 days ago at 100, recent ones 40 and 10 days ago (inside the 60-day window).
    const orders = [order(100), order(70), order(40, recentTotal), order(10, recentTotal)];
    expect(stageOf({ orders })).toBe(stage);
  });

  it.each<[string, LoyaltyTier, number, string]>([
    ["GOLD silent exactly 15 days", "GOLD", 15, "DECLINING"],
    ["GOLD silent just under 15 days", "GOLD", 15 - TICK_DAYS, "STABLE"],
    ["PLATINUM silent 15 days", "PLATINUM", 15, "DECLINING"],
    ["SILVER silent 20 days", "SILVER", 20, "STABLE"],
  ])("%s → %s", (_name, tier, silentDays, stage) => {
    const orders = [order(70), order(40), order(20)];
    expect(stageOf({ orders, lastInteractionAt: daysAgo(silentDays) }, tier)).toBe(stage);
  });

  it("counts the last order as an interaction when the feature is missing", () => {
    expect(stageOf({ orders: [order(40), order(3)], lastInteractionAt: null }, "GOLD")).toBe("STABLE");
  });

  it("lists every signal that holds and names the rule after the first", () => {
    const orders = [order(160), order(130), order(50, 50)];
    const result = classify({ orders, recentEvents: 0, baselineEvents: 9, lastInteractionAt: daysAgo(50) }, "GOLD");
    expect(result.rule).toBe("lifecycle.declining.order-overdue");
    expect(result.since).toEqual(daysAgo(5));
    expect(result.reasons).toHaveLength(4);
    expect(result.reasons.join(" | ")).toMatch(/last order 50 days ago.*in the last 30 days.*average order 50.*GOLD customer/);
  });
});

describe("lifecycle: precedence and explanation", () => {
  it.each([
    ["REACTIVATED over an activity drop", { orders: [order(200), order(5)], recentEvents: 0, baselineEvents: 90 }, "REACTIVATED"],
    ["CHURNED over every decline signal", { orders: [order(200), order(100)], recentEvents: 0, baselineEvents: 90 }, "CHURNED"],
    ["DECLINING over FIRST_PURCHASE", { orders: [order(5)], recentEvents: 0, baselineEvents: 90 }, "DECLINING"],
  ] as const)("%s", (_name, overrides, stage) => {
    expect(stageOf(overrides)).toBe(stage);
  });

  it("reports the numbers it used and the rule", () => {
    const result = classify({ orders: [order(200), order(5)] });
    expect(result).toMatchObject({ stage: "REACTIVATED", rule: "lifecycle.reactivated", since: daysAgo(5) });
    expect(result.inputs).toMatchObject({ cycleDays: 30, orderCount: 2, daysSinceLastOrder: 5, gapBeforeLastOrderDays: 195 });
    expect(result.reasons[0]).toContain("195 days");
  });

  it.each([
    ["the second order of a steady run", ordersEvery(CYCLE, 4, 5), daysAgo(65)],
    ["the second order after the last long gap", [order(400), order(60), order(35), order(5)], daysAgo(35)],
  ])("dates STABLE from %s", (_name, orders, since) => {
    expect(classify({ orders })).toMatchObject({ stage: "STABLE", since });
  });

  it("dates CHURNED from the day the churn line was crossed", () => {
    expect(classify({ orders: [order(100)] }).since).toEqual(daysAgo(10));
  });
});
