import { describe, expect, it } from "vitest";
import type { PointsEntry } from "../../../src/domain/scoring/features.js";
import { loyaltyStatus, pointsBalance, pointsForOrder, tierForSpend } from "../../../src/domain/scoring/loyalty.js";
import { DEFAULT_POLICY as P } from "../../../src/domain/scoring/policy.js";
import { addMonths } from "../../../src/domain/scoring/time.js";
import { AS_OF, daysAfter, daysAgo, makeFeatures, order, TICK_DAYS } from "./features.factory.js";

const credit = (earnedAgo: number, delta: number, expiresAt: Date | null = null): PointsEntry => ({
  delta,
  reason: "PURCHASE",
  earnedAt: daysAgo(earnedAgo),
  expiresAt,
});
const debit = (ago: number, delta: number, reason: PointsEntry["reason"] = "REDEEM"): PointsEntry => ({
  delta: -delta,
  reason,
  earnedAt: daysAgo(ago),
  expiresAt: null,
});
const balance = (ledger: PointsEntry[]) => pointsBalance(ledger, AS_OF, P);

describe("tierForSpend", () => {
  it.each([
    [0, "BRONZE"],
    [1_999.99, "BRONZE"],
    [2_000, "SILVER"],
    [7_999.99, "SILVER"],
    [8_000, "GOLD"],
    [19_999.99, "GOLD"],
    [20_000, "PLATINUM"],
  ])("%s → %s", (spend, tier) => {
    expect(tierForSpend(spend, P)).toBe(tier);
  });
});

describe("loyaltyStatus", () => {
  it.each([
    ["a penny short of SILVER", [order(10, 1_000), order(100, 999.99)], { tier: "BRONZE", amountToNextTier: 0.01 }],
    ["exactly SILVER", [order(10, 1_000), order(100, 1_000)], { tier: "SILVER", nextTier: "GOLD", progress: 0 }],
    ["half way to GOLD", [order(10, 5_000)], { tier: "SILVER", amountToNextTier: 3_000, progress: 0.5 }],
    ["PLATINUM", [order(10, 25_000)], { tier: "PLATINUM", nextTier: null, amountToNextTier: 0, progress: 1 }],
    [
      "cancelled and refunded orders do not qualify",
      [order(10, 5_000, "CANCELLED"), order(10, 5_000, "REFUNDED")],
      { tier: "BRONZE", qualifyingSpend: 0 },
    ],
  ])("%s", (_name, orders, expected) => {
    expect(loyaltyStatus(makeFeatures({ orders }), AS_OF, P)).toMatchObject(expected);
  });

  it("counts spend in the rolling 12 months only", () => {
    const yearAgo = addMonths(AS_OF, -12);
    const at = (placedAt: Date) => ({ placedAt, total: 2_000, status: "COMPLETED" as const });
    expect(loyaltyStatus(makeFeatures({ orders: [at(yearAgo)] }), AS_OF, P).tier).toBe("BRONZE");
    expect(loyaltyStatus(makeFeatures({ orders: [at(new Date(yearAgo.getTime() + 1))] }), AS_OF, P).tier).toBe("SILVER");
  });
});

describe("pointsForOrder", () => {
  it.each([
    [100, "BRONZE", 100],
    [100, "SILVER", 125],
    [100, "GOLD", 150],
    [100, "PLATINUM", 200],
    [99.99, "BRONZE", 99],
    [19.99, "GOLD", 29],
    [-5, "GOLD", 0],
  ] as const)("%s at %s earns %s", (total, tier, points) => {
    expect(pointsForOrder(total, tier, P)).toBe(points);
  });
});

describe("pointsBalance", () => {
  it("expires points 12 months after they were earned", () => {
    const earned = addMonths(AS_OF, -12);
    const lot = (earnedAt: Date): PointsEntry => ({ delta: 100, reason: "SIGN_IN", earnedAt, expiresAt: null });
    expect(balance([lot(earned)]).balance).toBe(0);
    expect(balance([lot(new Date(earned.getTime() + 1))]).balance).toBe(100);
  });

  it("spends the oldest points first, so the newer ones survive the older ones' expiry", () => {
    // The redemption takes the 100 that expired a month later first, then 100 of the 300 (which expire in
    // under 30 days); 50 earned last month stay.
    const ledger = [credit(395, 100), credit(340, 300), debit(300, 200), credit(30, 50)];
    expect(balance(ledger)).toEqual({ balance: 250, expiringSoon: 200 });
  });

  it("does not let a redemption draw on points that expired before it", () => {
    const ledger = [credit(400, 100), debit(10, 100), credit(5, 40)];
    // The 100 expired 35 days ago; the redemption leaves a deficit the later 40 only partly repay.
    expect(balance(ledger).balance).toBe(-60);
  });

  it("ignores EXPIRE rows: expiry is derived, not subtracted twice", () => {
    const earned = addMonths(AS_OF, -13);
    const ledger: PointsEntry[] = [
      { delta: 100, reason: "PURCHASE", earnedAt: earned, expiresAt: null },
      { delta: -100, reason: "EXPIRE", earnedAt: addMonths(earned, 12), expiresAt: null },
      credit(10, 30),
    ];
    expect(balance(ledger).balance).toBe(30);
  });

  it.each([
    ["expiring in exactly 30 days", 30, 100],
    ["expiring just after 30 days", 30 + TICK_DAYS, 0],
    ["expiring tomorrow", 1, 100],
  ])("counts points %s as expiring soon: %s", (_name, inDays, soon) => {
    expect(balance([credit(100, 100, daysAfter(inDays))]).expiringSoon).toBe(soon);
  });

  it("reports the window end", () => {
    expect(loyaltyStatus(makeFeatures(), AS_OF, P).expiringSoonBy).toEqual(daysAfter(30));
  });
});
