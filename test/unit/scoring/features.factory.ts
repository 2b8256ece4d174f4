import type { OrderStatus } from "../../../src/db/schema/enums.js";
import type { CustomerFeatures, OrderFact, PopulationStats } from "../../../src/domain/scoring/features.js";
import { DAY_MS } from "../../../src/domain/scoring/time.js";

// Test data for the scoring functions: a quiet customer known for a long time, with overrides.

export const AS_OF = new Date("2025-06-15T12:00:00.000Z");
// The smallest step past a line: results must flip across it.
export const TICK_DAYS = 1 / DAY_MS;

export const daysAgo = (days: number, asOf: Date = AS_OF) => new Date(asOf.getTime() - days * DAY_MS);
export const daysAfter = (days: number, from: Date = AS_OF) => new Date(from.getTime() + days * DAY_MS);

export function makeFeatures(overrides: Partial<CustomerFeatures> = {}): CustomerFeatures {
  return {
    customerId: "customer-1",
    createdAt: daysAgo(400),
    birthDate: null,
    orders: [],
    recentEvents: 0,
    baselineEvents: 0,
    recentHighIntentEvents: 0,
    channelEngagement: {},
    lastInteractionAt: null,
    openTickets: {},
    latestCsat: null,
    latestNps: null,
    pointsLedger: [],
    consents: [],
    recentActions: [],
    ...overrides,
  };
}

export const order = (ago: number, total = 100, status: OrderStatus = "COMPLETED"): OrderFact => ({
  placedAt: daysAgo(ago),
  total,
  status,
});

/** `count` orders `every` days apart, the latest `lastAgo` days before AS_OF. */
export const ordersEvery = (every: number, count: number, lastAgo: number, total = 100): OrderFact[] =>
  Array.from({ length: count }, (_, i) => order(lastAgo + (count - 1 - i) * every, total));

export function makePopulation(overrides: Partial<PopulationStats> = {}): PopulationStats {
  return {
    medianInterPurchaseDays: 30,
    rfmCutPoints: { recency: [10, 30, 60, 120], frequency: [1, 2, 4, 8], monetary: [200, 500, 1_000, 3_000] },
    computedAt: daysAgo(1),
    ...overrides,
  };
}
