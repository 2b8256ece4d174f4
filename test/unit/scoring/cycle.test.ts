import { describe, expect, it } from "vitest";
import { expectedCycle } from "../../../src/domain/scoring/cycle.js";
import { DEFAULT_POLICY as P } from "../../../src/domain/scoring/policy.js";
import { AS_OF, makeFeatures, makePopulation, order, ordersEvery } from "./features.factory.js";

const cycleOf = (orders = ordersEvery(20, 3, 1), median: number | null = 30) =>
  expectedCycle(makeFeatures({ orders }), makePopulation({ medianInterPurchaseDays: median }), AS_OF, P);

describe("expectedCycle", () => {
  it.each([
    ["2 orders use the population median", ordersEvery(20, 2, 1), { days: 30, source: "POPULATION" }],
    ["3 orders use their own mean interval", ordersEvery(20, 3, 1), { days: 20, source: "OWN" }],
    ["uneven intervals average", [order(50), order(40), order(10)], { days: 20, source: "OWN" }],
  ])("%s", (_name, orders, expected) => {
    expect(cycleOf(orders)).toMatchObject(expected);
  });

  it.each([
    [6.99, 7],
    [7, 7],
    [7.01, 7.01],
    [179.99, 179.99],
    [180, 180],
    [180.01, 180],
  ])("clamps an own interval of %s days to %s", (interval, days) => {
    const cycle = cycleOf(ordersEvery(interval, 3, 1));
    expect(cycle.days).toBeCloseTo(days, 9);
    expect(cycle.unclampedDays).toBeCloseTo(interval, 9);
  });

  it.each([
    [3, 7],
    [400, 180],
  ])("clamps a population median of %s days to %s", (median, days) => {
    expect(cycleOf([], median)).toMatchObject({ days, source: "POPULATION" });
  });

  it("falls back to the policy default while nobody has bought twice", () => {
    expect(cycleOf([], null)).toMatchObject({ days: P.cycle.fallbackDays, source: "DEFAULT" });
  });

  it("ignores cancelled, refunded and unpaid orders and orders after asOf", () => {
    const ignored = [order(5, 100, "CANCELLED"), order(3, 100, "REFUNDED"), order(2, 100, "PLACED"), order(-5)];
    const orders = [...ordersEvery(20, 2, 1), ...ignored];
    expect(cycleOf(orders)).toMatchObject({ source: "POPULATION" });
  });
});
