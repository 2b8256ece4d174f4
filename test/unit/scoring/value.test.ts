import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY as P } from "../../../src/domain/scoring/policy.js";
import { customerValue } from "../../../src/domain/scoring/value.js";
import { AS_OF, makeFeatures, order } from "./features.factory.js";

describe("customerValue", () => {
  const excluded = [order(5, 500, "CANCELLED"), order(4, 500, "REFUNDED"), order(3, 500, "PLACED")];
  it.each([
    // AOV 100 × 365 / 30 orders a year × (1 − 0.2) = 973.33
    ["three orders", [order(60, 50), order(30, 100), order(1, 150)], 30, 0.2, [300, 3, 100, 973.33]],
    ["a certain churner", [order(400, 80)], 60, 1, [80, 1, 80, 0]],
    ["no order", [], 30, 0.1, [0, 0, 0, 0]],
    ["cancelled, refunded and unpaid orders", [...excluded, order(3, 100)], 365, 0, [100, 1, 100, 100]],
  ])("%s", (_name, orders, cycleDays, churnProbability, [lifetimeRevenue, orderCount, averageOrderValue, predictedValue]) => {
    expect(customerValue(makeFeatures({ orders }), { cycleDays, churnProbability }, AS_OF, P)).toEqual({
      lifetimeRevenue,
      orderCount,
      averageOrderValue,
      predictedValue,
    });
  });
});
