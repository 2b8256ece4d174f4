import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCustomer } from "../factories/customer.factory.js";
import { createHarness, type GraphQLResult, type Harness } from "../support/harness.js";

const TIMELINE = /* GraphQL */ `
  query Timeline($id: ID!, $first: Int, $after: String, $channels: [Channel!], $types: [String!]) {
    customer(id: $id) {
      timeline(first: $first, after: $after, channels: $channels, types: $types) {
        edges { cursor node { id kind type channel occurredAt summary
          detail { __typename ... on Order { total status } ... on CustomerEvent { type } ... on Ticket { subject } ... on NpsResponse { score } } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;

type Item = { id: string; kind: string; type: string; channel: string; occurredAt: string; summary: string; detail: Record<string, unknown> };
type TimelineData = { customer: { timeline: { edges: { node: Item }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };

const t = (minute: number) => new Date(Date.UTC(2026, 9, 1, 12, minute));

describe("Customer.timeline and Customer.orders", () => {
  let h: Harness;
  let id: string;

  beforeAll(async () => {
    h = await createHarness();
    // Interleaved in time across kinds and channels, with ties on the same instant.
    ({ id } = await makeCustomer(h.db, {
      orders: [
        { id: "o-1", placedAt: t(1), channel: "WEB", total: "88.50" },
        { id: "o-2", placedAt: t(5), channel: "POS", total: "1200.00", itemCount: 3 },
        { id: "o-3", placedAt: t(5), channel: "APP", status: "REFUNDED" },
      ],
      events: [
        { type: "PAGE_VIEW", occurredAt: t(0), channel: "WEB" },
        { type: "ADD_TO_CART", occurredAt: t(2), channel: "APP" },
        { type: "PAGE_VIEW", occurredAt: t(5), channel: "WECHAT" },
        { type: "SIGN_IN", occurredAt: t(8), channel: "APP" },
      ],
      tickets: [{ subject: "Wrong size", openedAt: t(6), priority: "HIGH" }],
      nps: [{ score: 3, comment: "slow", respondedAt: t(7) }],
    }));
  });
  afterAll(() => h.close());

  async function walk(vars: Record<string, unknown>, first: number): Promise<Item[]> {
    const items: Item[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const { data, errors }: GraphQLResult<TimelineData> = await h.run<TimelineData>(TIMELINE, { id, first, after, ...vars });
      expect(errors).toBeUndefined();
      items.push(...data!.customer.timeline.edges.map((e) => e.node));
      if (!data!.customer.timeline.pageInfo.hasNextPage) return items;
      after = data!.customer.timeline.pageInfo.endCursor;
    }
    throw new Error("timeline pagination did not end");
  }

  it("merges orders, events, tickets and NPS newest first, the same at every page size", async () => {
    const all = await walk({}, 50);
    expect(all.map((i) => `${i.kind}:${i.type}@${new Date(i.occurredAt).getUTCMinutes()}`)).toEqual([
      "EVENT:SIGN_IN@8",
      "NPS:NPS@7",
      "TICKET:TICKET@6",
      // Same instant: ORDER before EVENT (kind descending), then id descending.
      "ORDER:ORDER@5",
      "ORDER:ORDER@5",
      "EVENT:PAGE_VIEW@5",
      "EVENT:ADD_TO_CART@2",
      "ORDER:ORDER@1",
      "EVENT:PAGE_VIEW@0",
    ]);
    for (const size of [1, 2, 4]) expect(await walk({}, size)).toEqual(all);
  });

  it("gives each item a summary and its full detail", async () => {
    const [, nps, ticket, order] = await walk({}, 4);
    expect(nps).toMatchObject({ summary: "NPS 3: slow", detail: { __typename: "NpsResponse", score: 3 } });
    expect(ticket).toMatchObject({ summary: "Ticket (HIGH, OPEN): Wrong size", detail: { __typename: "Ticket", subject: "Wrong size" } });
    expect(order).toMatchObject({ id: "ORDER:o-3", summary: "Order o-3 REFUNDED: 100.00 CNY, 1 item(s)", detail: { __typename: "Order", status: "REFUNDED", total: 100 } });
  });

  it("filters by channel and by type", async () => {
    const app = await walk({ channels: ["APP"] }, 2);
    expect(app.map((i) => i.id.split(":")[0] + ":" + i.type)).toEqual(["EVENT:SIGN_IN", "ORDER:ORDER", "EVENT:ADD_TO_CART"]);
    const some = await walk({ types: ["order", "PAGE_VIEW"] }, 2);
    expect(some.map((i) => i.type)).toEqual(["ORDER", "ORDER", "PAGE_VIEW", "ORDER", "PAGE_VIEW"]);
    expect(await walk({ types: ["NO_SUCH_TYPE"] }, 5)).toEqual([]);
  });

  it("pages orders newest first with a total as a number", async () => {
    const q = `query($id: ID!, $after: String) { customer(id: $id) { orders(first: 2, after: $after) {
      nodes { id total currency itemCount } pageInfo { hasNextPage endCursor } } } }`;
    const first = await h.run(q, { id });
    expect(first.data!.customer.orders.nodes.map((o: { id: string }) => o.id)).toEqual(["o-3", "o-2"]);
    expect(first.data!.customer.orders.nodes[1]).toEqual({ id: "o-2", total: 1200, currency: "CNY", itemCount: 3 });
    const second = await h.run(q, { id, after: first.data!.customer.orders.pageInfo.endCursor });
    expect(second.data!.customer.orders).toEqual({
      nodes: [{ id: "o-1", total: 88.5, currency: "CNY", itemCount: 1 }],
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
    });
  });

  it("refuses a cursor from another list and first outside 1..500", async () => {
    const orders = await h.run(`query($id: ID!) { customer(id: $id) { orders(first: 1) { pageInfo { endCursor } } } }`, { id });
    const foreign = await h.run(TIMELINE, { id, after: orders.data!.customer.orders.pageInfo.endCursor });
    expect(foreign.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    const tooMany = await h.run(TIMELINE, { id, first: 501 });
    expect(tooMany.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});
