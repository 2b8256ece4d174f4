import type { CustomerFeatures, PopulationStats } from "./features.js";
import type { Policy } from "./policy.js";
import { countedOrders } from "./signals.js";
import { clamp, daysBetween } from "./time.js";

export interface PurchaseCycle {
  days: number;
  // OWN: the customer's mean interval; POPULATION: the population median; DEFAULT: no median yet.
  source: "OWN" | "POPULATION" | "DEFAULT";
  // Before clamping to [minDays, maxDays].
  unclampedDays: number;
}

/**
 * Expected purchase cycle (SPEC §3): the customer's own mean inter-purchase interval with enough orders,
 * else the population median, clamped to the policy's [minDays, maxDays].
 */
export function expectedCycle(
  features: CustomerFeatures,
  population: PopulationStats,
  asOf: Date,
  policy: Policy,
): PurchaseCycle {
  const orders = countedOrders(features, asOf, policy);
  const first = orders[0];
  const last = orders.at(-1);
  const { minDays, maxDays, minOrdersForOwnCycle, fallbackDays } = policy.cycle;
  const [source, unclampedDays]: [PurchaseCycle["source"], number] =
    first && last && orders.length >= minOrdersForOwnCycle
      ? // The mean of consecutive intervals telescopes to (last − first) / (n − 1).
        ["OWN", daysBetween(first.placedAt, last.placedAt) / (orders.length - 1)]
      : population.medianInterPurchaseDays !== null
        ? ["POPULATION", population.medianInterPurchaseDays]
        : ["DEFAULT", fallbackDays];
  return { days: clamp(unclampedDays, minDays, maxDays), source, unclampedDays };
}
