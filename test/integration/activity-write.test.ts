import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers, events, orders, pointsLedger, scoreRefreshQueue } from "../../src/db/schema/index.js";
import { makeCustomer } from "../factories/customer.factory.js";
import { createHarness, type Harness } from "../support/harness.js";

const RECORD_ORDERS = `mutation($orders: [OrderInput!]!) { recordOrders(orders: $orders) {
  accepted rejected results { key customerId outcome error code } } }`;
const RECORD_EVENTS = `mutation($events: [EventInput!]!) { recordEvents(events: $events) {
  accepted rejected results { key customerId outcome error code } } }`;

// Fixed once per run: a re-sent order or event must carry the very same instant.
const NOW = Date.now();
const recent = (daysAgo: number) => new Date(NOW - daysAgo * 86_400_000).toISOString();

describe("recordOrders, recordEvents, setConsent, recordActionOutcome", () => {
  let h: Harness;
  let buyer: { id: string };
  const order = (over: Record<string, unknown> = {}) => ({
    orderId: "w-1", customerId: buyer.id, channel: "POS", placedAt: recent(2), total: 1234.5, ...over,
  });
  const pointsOf = async (id: string) => h.db.select().from(pointsLedger).where(eq(pointsLedger.customerId, id));

  beforeAll(async () => {
    h = await createHarness();
    buyer = await makeCustomer(h.db, { displayName: "买家" });
  });
  afterAll(() => h.close());

  it("creates an order once, earns its points once, and queues the customer for a refresh", async () => {
    const first = await h.run(RECORD_ORDERS, { orders: [order()] });
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordOrders).toEqual({ accepted: 1, rejected: 0, results: [{ key: "w-1", customerId: buyer.id, outcome: "CREATED", error: null, code: null }] });
    const again = await Promise.all([1, 2, 3].map(() => h.run(RECORD_ORDERS, { orders: [order()] })));
    for (const r of again) expect(r.data!.recordOrders.results[0]).toEqual({ key: "w-1", customerId: buyer.id, outcome: "UNCHANGED", error: null, code: null });
    expect(await h.db.select().from(orders).where(eq(orders.id, "w-1"))).toHaveLength(1);
    // 1 point per CNY at BRONZE, rounded down.
    expect((await pointsOf(buyer.id)).map((p) => [p.reason, p.delta])).toEqual([["PURCHASE", 1234]]);
    expect(await h.db.select().from(scoreRefreshQueue).where(eq(scoreRefreshQueue.customerId, buyer.id))).toHaveLength(1);
    const { data } = await h.run(`query($id: ID!) { customer(id: $id) { loyalty { pointsBalance qualifyingSpend } orders { nodes { id total } } } }`, { id: buyer.id });
    expect(data!.customer.loyalty).toEqual({ pointsBalance: 1234, qualifyingSpend: 1234.5 });
  });

  it("stores an order sent three times in parallel once, with one CREATED", async () => {
    const results = await Promise.all([1, 2, 3].map(() => h.run(RECORD_ORDERS, { orders: [order({ orderId: "w-race" })] })));
    const outcomes = results.map((r) => r.data!.recordOrders.results[0].outcome).sort();
    expect(outcomes).toEqual(["CREATED", "UNCHANGED", "UNCHANGED"]);
    expect(await h.db.select().from(orders).where(eq(orders.id, "w-race"))).toHaveLength(1);
    expect(await h.db.select().from(pointsLedger).where(eq(pointsLedger.sourceKey, "w-race"))).toHaveLength(1);
  });

  it("updates the status of a known order and takes back the points of a refund, once", async () => {
    for (let i = 0; i < 2; i++) {
      const { data } = await h.run(RECORD_ORDERS, { orders: [order({ status: "REFUNDED" })] });
      expect(data!.recordOrders.results[0].outcome).toBe(i === 0 ? "UPDATED" : "UNCHANGED");
    }
    const ofOrder = (await pointsOf(buyer.id)).filter((p) => p.sourceKey === "w-1");
    expect(ofOrder.map((p) => [p.reason, p.delta]).sort()).toEqual([["ADJUST", -1234], ["PURCHASE", 1234]]);
  });

  it("reports bad orders one by one and stores the good ones of the same batch", async () => {
    const other = await makeCustomer(h.db);
    const { data } = await h.run(RECORD_ORDERS, {
      orders: [
        order({ orderId: "w-neg", total: -5 }),
        order({ orderId: "w-1", total: 1 }),
        order({ orderId: "w-ghost", customerId: "00000000-0000-4000-8000-000000000000" }),
        order({ orderId: "w-cur", currency: "RMB!" }),
        order({ orderId: "w-future", placedAt: recent(-3) }),
        order({ orderId: "w-ok", customerId: other.id, total: 10 }),
      ],
    });
    const r = data!.recordOrders;
    expect([r.accepted, r.rejected]).toEqual([1, 5]);
    expect(r.results.map((x: { code: string | null }) => x.code)).toEqual(["BAD_USER_INPUT", "CONFLICT", "NOT_FOUND", "BAD_USER_INPUT", "BAD_USER_INPUT", null]);
    expect(r.results[0].error).toBe("`total` must be ≥ 0 (got -5)");
    expect((await h.db.select().from(orders)).map((o) => o.id).sort()).toEqual(["w-1", "w-ok", "w-race"]);
    expect((await h.db.select().from(orders).where(eq(orders.id, "w-1")))[0]!.total).toBe("1234.50");
  });

  it("refuses a batch over 1000 whole, storing nothing", async () => {
    const many = Array.from({ length: 1001 }, (_, i) => order({ orderId: `bulk-${i}` }));
    const { data, errors } = await h.run(RECORD_ORDERS, { orders: many });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "orders" });
    expect(await h.db.select().from(orders).where(eq(orders.id, "bulk-0"))).toEqual([]);
  });

  it("records an order of an absorbed id under its survivor", async () => {
    const absorbed = await makeCustomer(h.db);
    await h.db.update(customers).set({ mergedInto: buyer.id }).where(eq(customers.id, absorbed.id));
    const { data } = await h.run(RECORD_ORDERS, { orders: [order({ orderId: "w-abs", customerId: absorbed.id })] });
    expect(data!.recordOrders.results[0]).toMatchObject({ outcome: "CREATED", customerId: buyer.id });
  });

  const event = (over: Record<string, unknown> = {}) => ({
    idempotencyKey: "e-1", customerId: buyer.id, channel: "APP", type: "add_to_cart", occurredAt: recent(1), properties: { sku: "A1" }, ...over,
  });

  it("dedupes events by idempotency key, refuses other contents under the same key and unknown types", async () => {
    const { data } = await h.run(RECORD_EVENTS, {
      events: [event(), event(), event({ idempotencyKey: "e-2", type: "TELEPORT" }), event({ properties: { sku: "B2" } })],
    });
    const r = data!.recordEvents.results;
    expect(r.map((x: { outcome: string | null; code: string | null }) => x.outcome ?? x.code)).toEqual(["CREATED", "UNCHANGED", "BAD_USER_INPUT", "CONFLICT"]);
    expect(r[2].error).toMatch(/^Unknown event type TELEPORT; known types: PAGE_VIEW, /);
    const again = await h.run(RECORD_EVENTS, { events: [event()] });
    expect(again.data!.recordEvents.results[0].outcome).toBe("UNCHANGED");
    expect(await h.db.select().from(events).where(eq(events.idempotencyKey, "e-1"))).toHaveLength(1);
  });

  it("gives the sign-in bonus once a day and a review bonus per review", async () => {
    const fan = await makeCustomer(h.db);
    const at = new Date(Date.now() - 3 * 86_400_000);
    const day = (h: number) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), h)).toISOString();
    await h.run(RECORD_EVENTS, {
      events: [
        event({ idempotencyKey: "s-1", customerId: fan.id, type: "SIGN_IN", occurredAt: day(1) }),
        event({ idempotencyKey: "s-2", customerId: fan.id, type: "SIGN_IN", occurredAt: day(20) }),
        event({ idempotencyKey: "r-1", customerId: fan.id, type: "REVIEW", occurredAt: day(21) }),
      ],
    });
    expect((await pointsOf(fan.id)).map((p) => p.reason).sort()).toEqual(["REVIEW", "SIGN_IN"]);
  });

  it("sets consent, and next-best-actions follow it", async () => {
    const q = `query($id: ID!) { customer(id: $id) { consents { purpose granted source } nextBestActions(limit: 12) { action channel } } }`;
    const set = await h.run(`mutation($id: ID!) { setConsent(customerId: $id, purpose: WECHAT, granted: true, source: "store form") { id } }`, { id: buyer.id });
    expect(set.errors).toBeUndefined();
    const { data } = await h.run(q, { id: buyer.id });
    expect(data!.customer.consents).toEqual([{ purpose: "WECHAT", granted: true, source: "store form" }]);
    for (const a of data!.customer.nextBestActions) expect(["WECHAT", "CALL_CENTER"]).toContain(a.channel);
    const bad = await h.run(`mutation { setConsent(customerId: "00000000-0000-4000-8000-000000000000", purpose: SMS, granted: true, source: "x") { id } }`);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: "NOT_FOUND" });
    const blank = await h.run(`mutation($id: ID!) { setConsent(customerId: $id, purpose: SMS, granted: true, source: " ") { id } }`, { id: buyer.id });
    expect(blank.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "source" });
  });

  it("caps an offered action for 7 days and refuses an outcome for an action never offered", async () => {
    const q = `query($id: ID!) { customer(id: $id) { nextBestActions(limit: 12) { action } } }`;
    const before = (await h.run(q, { id: buyer.id })).data!.customer.nextBestActions.map((a: { action: string }) => a.action);
    expect(before.length).toBeGreaterThan(0);
    const action = before[0];
    const never = await h.run(`mutation($id: ID!, $a: NextBestActionType!) { recordActionOutcome(customerId: $id, action: $a, outcome: ACCEPTED) { id } }`, { id: buyer.id, a: action });
    expect(never.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "action" });
    const offered = await h.run(`mutation($id: ID!, $a: NextBestActionType!) { recordActionOutcome(customerId: $id, action: $a, outcome: OFFERED) { nextBestActions(limit: 12) { action } } }`, { id: buyer.id, a: action });
    expect(offered.errors).toBeUndefined();
    expect(offered.data!.recordActionOutcome.nextBestActions.map((a: { action: string }) => a.action)).not.toContain(action);
    const accepted = await h.run(`mutation($id: ID!, $a: NextBestActionType!) { recordActionOutcome(customerId: $id, action: $a, outcome: ACCEPTED) { id } }`, { id: buyer.id, a: action });
    expect(accepted.errors).toBeUndefined();
  });
});
