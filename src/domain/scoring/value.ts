import type { CustomerFeatures } from "./features.js";
import type { Policy } from "./policy.js";
import { countedOrders } from "./signals.js";
import { round2 } from "./time.js";

export interface CustomerValue {
  lifetimeRevenue: number;
  orderCount: number;
  averageOrderValue: number;
  // Expected spend over the policy's horizon (365 days by default).
  predictedValue: number;
}

/**
 * Lifetime revenue, order count and average order value over counted orders, and the predicted value
 * AOV × (horizon / cycle) × (1 − churn probability) (SPEC §3).
 */
export function customerValue(
  features: CustomerFeatures,
  deps: { cycleDays: number; churnProbability: number },
  asOf: Date,
  policy: Policy,
): CustomerValue {
  const orders = countedOrders(features, asOf, policy);
  const revenue = orders.reduce((sum, o) => sum + o.total, 0);
  const aov = orders.length ? revenue / orders.length : 0;
  const expectedOrders = policy.value.horizonDays / deps.cycleDays;
  return {
    lifetimeRevenue: round2(revenue),
    orderCount: orders.length,
    averageOrderValue: round2(aov),
    predictedValue: round2(aov * expectedOrders * (1 - deps.churnProbability)),
  };
}
