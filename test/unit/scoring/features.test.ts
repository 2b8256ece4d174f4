import { describe, expect, it } from "vitest";
import type { Channel } from "../../../src/db/schema/enums.js";
import { featuresFromHistory, type CustomerHistory } from "../../../src/domain/scoring/features.js";
import { DEFAULT_POLICY as P } from "../../../src/domain/scoring/policy.js";
import { AS_OF, daysAfter, daysAgo, TICK_DAYS } from "./features.factory.js";

const history = (overrides: Partial<CustomerHistory> = {}): CustomerHistory => ({
  customerId: "c",
  createdAt: daysAgo(500),
  birthDate: null,
  orders: [],
  events: [],
  tickets: [],
  nps: [],
  pointsLedger: [],
  consents: [],
  actions: [],
  ...overrides,
});
const eventAt = (ago: number, type = "PAGE_VIEW", channel: Channel = "WEB") => ({ occurredAt: daysAgo(ago), type, channel });
const features = (overrides: Partial<CustomerHistory>) => featuresFromHistory(history(overrides), AS_OF, P);

describe("featuresFromHistory", () => {
  // Windows are half-open, (start, end]: an event exactly 30 days ago belongs to the baseline.
  it.each([
    ["now", 0, { recentEvents: 1, baselineEvents: 0 }],
    ["just inside 30 days", 30 - TICK_DAYS, { recentEvents: 1, baselineEvents: 0 }],
    ["exactly 30 days ago", 30, { recentEvents: 0, baselineEvents: 1 }],
    ["exactly 120 days ago", 120 - TICK_DAYS, { recentEvents: 0, baselineEvents: 1 }],
    ["past the baseline", 120, { recentEvents: 0, baselineEvents: 0 }],
    ["in the future", -1, { recentEvents: 0, baselineEvents: 0 }],
  ])("counts an event %s", (_name, ago, counts) => {
    expect(features({ events: [eventAt(ago)] })).toMatchObject(counts);
  });

  it("counts high-intent events and per-channel engagement in their windows", () => {
    const f = features({
      events: [
        eventAt(1, "ADD_TO_CART", "APP"),
        eventAt(2, "INQUIRY", "WECHAT"),
        eventAt(40, "ADD_TO_CART", "APP"),
        eventAt(95, "PAGE_VIEW", "EMAIL"),
      ],
      orders: [{ placedAt: daysAgo(10), total: 50, status: "COMPLETED", channel: "APP" }],
    });
    expect(f.recentHighIntentEvents).toBe(2);
    expect(f.channelEngagement).toEqual({ APP: 3, WECHAT: 1 });
  });

  it("sees tickets open and CSAT given as of asOf", () => {
    const ticket = (openedAgo: number, resolvedAgo: number | null, csat: number | null, priority: "HIGH" | "LOW" = "HIGH") => ({
      openedAt: daysAgo(openedAgo),
      resolvedAt: resolvedAgo === null ? null : daysAgo(resolvedAgo),
      priority,
      csat,
    });
    const f = features({ tickets: [ticket(10, null, null), ticket(10, -2, 1, "LOW"), ticket(30, 20, 2), ticket(60, 50, 5)] });
    expect(f.openTickets).toEqual({ HIGH: 1, LOW: 1 });
    expect(f.latestCsat).toEqual({ score: 2, at: daysAgo(20) });
  });

  it("takes the latest interaction of any kind and the latest NPS", () => {
    const f = features({
      orders: [{ placedAt: daysAgo(9), total: 10, status: "CANCELLED", channel: "WEB" }],
      events: [eventAt(12)],
      nps: [
        { score: 9, respondedAt: daysAgo(30) },
        { score: 4, respondedAt: daysAgo(3) },
        { score: 10, respondedAt: daysAfter(1) },
      ],
    });
    expect(f.lastInteractionAt).toEqual(daysAgo(3));
    expect(f.latestNps).toEqual({ score: 4, at: daysAgo(3) });
  });

  it("drops rows after asOf, including consents given later", () => {
    const f = features({
      orders: [{ placedAt: daysAfter(1), total: 10, status: "COMPLETED", channel: "WEB" }],
      consents: [{ purpose: "EMAIL", granted: true, at: daysAfter(1) }, { purpose: "PUSH", granted: true, at: daysAgo(1) }],
      pointsLedger: [{ delta: 10, reason: "SIGN_IN", earnedAt: daysAfter(1), expiresAt: null }],
      actions: [{ action: "CROSS_SELL", offeredAt: daysAfter(1) }],
    });
    expect(f).toMatchObject({ orders: [], pointsLedger: [], recentActions: [], consents: [{ purpose: "PUSH", granted: true }] });
    expect(f.lastInteractionAt).toBeNull();
  });
});
