import type { CustomerFeatures, OrderFact } from "./features.js";
import type { Policy } from "./policy.js";
import { addDays, daysBetween } from "./time.js";

// The measurements SPEC §3's decline rules are made of. Lifecycle compares them with the policy's
// thresholds, churn feeds them to its model, health grades them: one definition for all three.

export interface Signals {
  orderCount: number;
  lastOrderAt: Date | null;
  daysSinceLastOrder: number | null;
  // Days between the last two orders; null with fewer than two.
  gapBeforeLastOrderDays: number | null;
  recentEvents: number;
  // The baseline's events per `recentDays`: what the recent window is compared with.
  baselineEventsPerWindow: number;
  // Average order value in the last `aovWindowCycles` cycles, and before; null when either side has no order.
  recentAov: number | null;
  priorAov: number | null;
  daysSinceInteraction: number;
}

/** Purchases (orders of a counted status) placed at or before `asOf`, oldest first. */
export function countedOrders(features: CustomerFeatures, asOf: Date, policy: Policy): OrderFact[] {
  return features.orders
    .filter((o) => o.placedAt <= asOf && policy.orders.countedStatuses.includes(o.status))
    .sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());
}

/** The decline measurements of one customer, for an expected purchase cycle of `cycleDays`. */
export function measureSignals(features: CustomerFeatures, cycleDays: number, asOf: Date, policy: Policy): Signals {
  const orders = countedOrders(features, asOf, policy);
  const last = orders.at(-1) ?? null;
  const previous = orders.at(-2) ?? null;
  const aovFrom = addDays(asOf, -policy.lifecycle.aovWindowCycles * cycleDays);
  // The customer is silent since their latest trace; creation counts when there is none.
  const traces = [features.lastInteractionAt, last?.placedAt, features.createdAt];
  const lastInteraction = Math.max(...traces.map((d) => d?.getTime() ?? -Infinity));
  const { recentDays, baselineDays } = policy.lifecycle;
  return {
    orderCount: orders.length,
    lastOrderAt: last?.placedAt ?? null,
    daysSinceLastOrder: last ? daysBetween(last.placedAt, asOf) : null,
    gapBeforeLastOrderDays: last && previous ? daysBetween(previous.placedAt, last.placedAt) : null,
    recentEvents: features.recentEvents,
    baselineEventsPerWindow: (features.baselineEvents * recentDays) / baselineDays,
    recentAov: averageTotal(orders.filter((o) => o.placedAt > aovFrom)),
    priorAov: averageTotal(orders.filter((o) => o.placedAt <= aovFrom)),
    daysSinceInteraction: Math.max(0, daysBetween(new Date(lastInteraction), asOf)),
  };
}

/** Activity in the recent window fell below `activityDropRatio` of the baseline's average (never without a baseline). */
export function activityDropped(s: Signals, policy: Policy): boolean {
  return s.baselineEventsPerWindow > 0 && s.recentEvents < policy.lifecycle.activityDropRatio * s.baselineEventsPerWindow;
}

/** The recent average order value is at least `aovDropRatio` below the prior one. */
export function aovDropped(s: Signals, policy: Policy): boolean {
  return s.recentAov !== null && s.priorAov !== null && s.recentAov <= s.priorAov * (1 - policy.lifecycle.aovDropRatio);
}

const averageTotal = (orders: readonly OrderFact[]) =>
  orders.length ? orders.reduce((sum, o) => sum + o.total, 0) / orders.length : null;
