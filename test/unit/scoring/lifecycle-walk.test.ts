import { describe, expect, it } from "vitest";
import type { Channel } from "../../../src/db/schema/enums.js";
import { featuresFromHistory, type CustomerHistory } from "../../../src/domain/scoring/features.js";
import { scoreCustomer } from "../../../src/domain/scoring/index.js";
import { DEFAULT_POLICY as P } from "../../../src/domain/scoring/policy.js";
import { DAY_MS } from "../../../src/domain/scoring/time.js";
import { makePopulation } from "./features.factory.js";

// One customer's whole history, scored at different dates: only `asOf` moves, the data never changes.
const START = Date.UTC(2024, 0, 1);
const day = (n: number) => new Date(START + n * DAY_MS);
const event = (n: number, type = "PRODUCT_VIEW", channel: Channel = "WEB") => ({ occurredAt: day(n), type, channel });

// Browses from day 2, buys every 20 days from day 30 to 130, lapses, and comes back on day 280. The gap of 150
// days exceeds 3 × the cycle even with the gap counted in the mean: (5 × 20 + 150) / 6 ≈ 41.7 days.
const buyingDays = [30, 50, 70, 90, 110, 130, 280];
const history: CustomerHistory = {
  customerId: "walker",
  createdAt: day(0),
  birthDate: "1990-05-20",
  orders: buyingDays.map((n) => ({ placedAt: day(n), total: 100, status: "COMPLETED" as const, channel: "WEB" as const })),
  events: [event(2, "PAGE_VIEW"), event(20), event(22), event(25), ...buyingDays.map((n) => event(n - 1))],
  tickets: [],
  nps: [],
  pointsLedger: [],
  consents: [{ purpose: "EMAIL", granted: true, at: day(0) }],
  actions: [],
};
const population = makePopulation({ medianInterPurchaseDays: 20 });
const scoreOn = (n: number) => scoreCustomer(featuresFromHistory(history, day(n), P), population, day(n), P);

describe("one customer's lifecycle, replayed by moving asOf", () => {
  it.each([
    [10, "AWARENESS", "one page view, no order"],
    [27, "CONSIDERATION", "four events in 30 days"],
    [35, "FIRST_PURCHASE", "one order 5 days ago, population cycle 20"],
    [135, "STABLE", "six orders on a 20-day cycle, the last 5 days ago"],
    [165, "DECLINING", "last order 35 days ago, over 1.5 × 20"],
    [200, "CHURNED", "last order 70 days ago, over 3 × 20"],
    [285, "REACTIVATED", "back after 150 days, over 3 × 41.7"],
  ])("day %i: %s (%s)", (n, stage) => {
    expect(scoreOn(n).lifecycle.stage).toBe(stage);
  });

  it("dates each stage from the history", () => {
    expect(scoreOn(10).lifecycle.since).toEqual(day(0));
    expect(scoreOn(35).lifecycle.since).toEqual(day(30));
    expect(scoreOn(135).lifecycle.since).toEqual(day(50));
    expect(scoreOn(165).lifecycle.since).toEqual(day(160));
    expect(scoreOn(200).lifecycle.since).toEqual(day(190));
    expect(scoreOn(285).lifecycle.since).toEqual(day(280));
  });

  it("gives the same answer for the same asOf", () => {
    expect(scoreOn(165)).toEqual(scoreOn(165));
  });
});
