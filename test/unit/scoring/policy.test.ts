import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, definePolicy, type DeepPartial, type Policy } from "../../../src/domain/scoring/policy.js";

describe("DEFAULT_POLICY", () => {
  // The numbers SPEC §3 fixes, read back from the one place that holds them.
  it.each<[string, (p: Policy) => unknown, unknown]>([
    ["cycle clamp", (p) => [p.cycle.minDays, p.cycle.maxDays], [7, 180]],
    ["own cycle from", (p) => p.cycle.minOrdersForOwnCycle, 3],
    ["decline / churn multiples", (p) => [p.lifecycle.decliningAfterCycles, p.lifecycle.churnedAfterCycles], [1.5, 3]],
    ["engagement window and events", (p) => [p.lifecycle.recentDays, p.lifecycle.considerationMinEvents], [30, 3]],
    ["high-intent events", (p) => p.lifecycle.highIntentEventTypes, ["ADD_TO_CART", "INQUIRY", "TRIAL_START"]],
    ["activity drop", (p) => [p.lifecycle.activityDropRatio, p.lifecycle.baselineDays], [0.7, 90]],
    ["AOV drop", (p) => [p.lifecycle.aovDropRatio, p.lifecycle.aovWindowCycles], [0.2, 2]],
    ["core customers", (p) => [p.lifecycle.coreMinTier, p.lifecycle.coreSilentDays], ["GOLD", 15]],
    [
      "health weights",
      (p) => p.health.weights,
      { recency: 25, frequency: 20, monetary: 15, engagementTrend: 20, service: 10, sentiment: 10 },
    ],
    ["health grades", (p) => [p.health.healthyMin, p.health.neutralMin], [70, 40]],
    ["churn levels", (p) => [p.churn.mediumMin, p.churn.highMin], [0.3, 0.6]],
    ["tier multipliers", (p) => p.loyalty.tierMultipliers, { BRONZE: 1, SILVER: 1.25, GOLD: 1.5, PLATINUM: 2 }],
    ["tier thresholds", (p) => p.loyalty.tierThresholds, { BRONZE: 0, SILVER: 2_000, GOLD: 8_000, PLATINUM: 20_000 }],
    ["points", (p) => [p.loyalty.pointsPerCurrencyUnit, p.loyalty.pointsExpiryMonths, p.loyalty.expiringWithinDays], [1, 12, 30]],
    ["value horizon", (p) => p.value.horizonDays, 365],
    ["RFM quintiles", (p) => p.rfm.quantiles, [0.2, 0.4, 0.6, 0.8]],
    ["NPS bands", (p) => [p.nps.detractorMax, p.nps.promoterMin], [6, 9]],
    ["service recovery", (p) => [p.service.urgentTicketPriorities, p.service.poorCsatMax], [["HIGH", "URGENT"], 2]],
    [
      "next-best-action windows",
      (p) => {
        const n = p.nextBestAction;
        return [n.tierNudgeWithinRatio, n.reviewWindowDays, n.birthdayWithinDays, n.frequencyCapDays, n.channelWindowDays];
      },
      [0.2, 14, 7, 7, 90],
    ],
  ])("%s", (_name, read, expected) => {
    expect(read(DEFAULT_POLICY)).toEqual(expected);
  });

  it("is frozen all the way down", () => {
    expect(Object.isFrozen(DEFAULT_POLICY.health.weights)).toBe(true);
    expect(() => {
      (DEFAULT_POLICY.loyalty.tierThresholds as { SILVER: number }).SILVER = 1;
    }).toThrow();
  });
});

describe("definePolicy", () => {
  it("deep-merges overrides and keeps every other default", () => {
    const policy = definePolicy({ loyalty: { tierThresholds: { SILVER: 3_000 } }, lifecycle: { coreSilentDays: 20 } });
    expect(policy.loyalty.tierThresholds).toEqual({ BRONZE: 0, SILVER: 3_000, GOLD: 8_000, PLATINUM: 20_000 });
    expect(policy.lifecycle.coreSilentDays).toBe(20);
    expect(policy.lifecycle.decliningAfterCycles).toBe(1.5);
    expect(policy.loyalty.tierMultipliers).toEqual(DEFAULT_POLICY.loyalty.tierMultipliers);
  });

  it("replaces arrays whole", () => {
    const policy = definePolicy({ lifecycle: { highIntentEventTypes: ["WISHLIST"] } });
    expect(policy.lifecycle.highIntentEventTypes).toEqual(["WISHLIST"]);
  });

  it("reports a content-derived version unless one is given", () => {
    expect(definePolicy({}).version).toBe(DEFAULT_POLICY.version);
    const a = definePolicy({ cycle: { maxDays: 120 } });
    expect(a.version).toMatch(new RegExp(`^${DEFAULT_POLICY.version}\\+[0-9a-f]{8}$`));
    expect(definePolicy({ cycle: { maxDays: 120 } }).version).toBe(a.version);
    expect(definePolicy({ cycle: { maxDays: 150 } }).version).not.toBe(a.version);
    expect(definePolicy({ version: "tenant-a/3", cycle: { maxDays: 120 } }).version).toBe("tenant-a/3");
  });

  it.each<[string, DeepPartial<Policy>, RegExp]>([
    ["health weights off 100", { health: { weights: { recency: 30 } } }, /health.weights must sum to 100, got 105/],
    ["a negative weight", { health: { weights: { recency: -5, frequency: 50 } } }, /health.weights.recency must not be negative/],
    ["tier thresholds out of order", { loyalty: { tierThresholds: { GOLD: 1_500 } } }, /tierThresholds must ascend/],
    ["a non-zero base tier", { loyalty: { tierThresholds: { BRONZE: 10 } } }, /BRONZE must be 0/],
    ["churn bands crossed", { churn: { mediumMin: 0.7 } }, /0 < mediumMin < highMin ≤ 1/],
    ["grade bands crossed", { health: { neutralMin: 80 } }, /neutralMin < healthyMin/],
    ["cycle clamp inverted", { cycle: { minDays: 200 } }, /minDays ≤ maxDays/],
    ["decline after churn", { lifecycle: { decliningAfterCycles: 4 } }, /decliningAfterCycles < churnedAfterCycles/],
    ["a ratio over 1", { lifecycle: { activityDropRatio: 1.5 } }, /activityDropRatio must be ≤ 1/],
    ["three quantiles", { rfm: { quantiles: [0.25, 0.5, 0.75] } }, /rfm.quantiles must be four values/],
    ["not a number", { value: { horizonDays: Number.NaN } }, /value.horizonDays must be a finite number/],
    ["an unknown setting", { cycle: { maxDayz: 100 } } as DeepPartial<Policy>, /cycle.maxDayz is not a policy setting/],
  ])("rejects %s", (_name, overrides, message) => {
    expect(() => definePolicy(overrides)).toThrow(message);
  });

  it("lists every problem at once", () => {
    const overrides = { health: { weights: { recency: 30 } }, churn: { highMin: 0.2 } };
    expect(() => definePolicy(overrides)).toThrow(/sum to 100.*; .*mediumMin < highMin/);
  });

  it("accepts a negative churn intercept but no negative coefficient", () => {
    expect(definePolicy({ churn: { intercept: -5 } }).churn.intercept).toBe(-5);
    expect(() => definePolicy({ churn: { coefficients: { aovDrop: -1 } } })).toThrow(/coefficients.aovDrop must not be negative/);
  });
});
