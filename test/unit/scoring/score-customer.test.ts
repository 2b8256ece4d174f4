import { describe, expect, it } from "vitest";
import { definePolicy, scoreCustomer } from "../../../src/domain/scoring/index.js";
import { AS_OF, daysAgo, makeFeatures, makePopulation, ordersEvery } from "./features.factory.js";

const regular = makeFeatures({
  birthDate: "1988-06-20",
  orders: ordersEvery(20, 8, 3, 600),
  recentEvents: 6,
  baselineEvents: 15,
  recentHighIntentEvents: 1,
  lastInteractionAt: daysAgo(1),
  channelEngagement: { APP: 9, EMAIL: 2 },
  consents: [
    { purpose: "EMAIL", granted: true },
    { purpose: "PUSH", granted: true },
  ],
  latestNps: { score: 9, at: daysAgo(20) },
});

describe("scoreCustomer", () => {
  it("computes every section of SPEC §3 consistently", () => {
    const result = scoreCustomer(regular, makePopulation(), AS_OF);
    expect(result).toMatchObject({
      customerId: "customer-1",
      asOf: AS_OF,
      policyVersion: "2025.1",
      cycle: { days: 20, source: "OWN" },
      lifecycle: { stage: "STABLE", rule: "lifecycle.stable" },
      rfm: { recencyDays: 3, frequency: 8, monetary: 4_800, segment: "Champions" },
      health: { grade: "HEALTHY" },
      churnRisk: { level: "LOW" },
      loyalty: { tier: "SILVER", qualifyingSpend: 4_800, nextTier: "GOLD", amountToNextTier: 3_200 },
      value: { lifetimeRevenue: 4_800, orderCount: 8, averageOrderValue: 600 },
      preferredChannel: "APP",
    });
    const { value, churnRisk } = result;
    expect(value.predictedValue).toBeCloseTo(600 * (365 / 20) * (1 - churnRisk.probability), 2);
    const actions = result.nextBestActions.map((a) => a.action);
    expect(actions).toEqual(["BIRTHDAY_GREETING", "REVIEW_REQUEST", "REFERRAL_INVITE", "CROSS_SELL"]);
    expect(result.nextBestActions.every((a) => a.channel === "APP")).toBe(true);
  });

  it("reports the version of the policy it used", () => {
    const policy = definePolicy({ version: "tenant-a/7", loyalty: { tierThresholds: { SILVER: 5_000 } } });
    const result = scoreCustomer(regular, makePopulation(), AS_OF, policy);
    expect(result.policyVersion).toBe("tenant-a/7");
    expect(result.loyalty.tier).toBe("BRONZE");
  });

  it("is a pure function of its arguments", () => {
    const population = makePopulation();
    const snapshot = JSON.stringify(regular);
    expect(scoreCustomer(regular, population, AS_OF)).toEqual(scoreCustomer(regular, population, new Date(AS_OF)));
    expect(JSON.stringify(regular)).toBe(snapshot);
  });
});
