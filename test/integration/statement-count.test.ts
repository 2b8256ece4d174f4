import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCustomer } from "../factories/customer.factory.js";
import { createHarness, type Harness } from "../support/harness.js";

// Every nested list loads through per-request DataLoaders: the statements a page costs do not depend on how
// many customers it holds (SPEC §8, STYLE habit 3).
const PAGE = /* GraphQL */ `
  query Page($first: Int!) {
    customers(first: $first) {
      edges { node {
        id displayName
        identities { type value }
        sourceRecords { channel sourceRecordId }
        orders(first: 3) { nodes { id total } pageInfo { hasNextPage } }
        timeline(first: 5) { nodes { kind summary detail { __typename } } }
        tickets { subject }
        consents { purpose granted }
        lifecycle { stage rule } health { score grade churnRisk { level } } rfm { segment }
        loyalty { tier pointsBalance } value { predictedValue } nextBestActions { action } preferredChannel
      } }
    }
  }
`;

const PROFILE = /* GraphQL */ `
  query Profile($value: String!) {
    customerByIdentifier(type: PHONE, value: $value) {
      id displayName
      identities { type value }
      sourceRecords { channel }
      orders(first: 20) { nodes { id } }
      timeline(first: 20) { nodes { kind detail { __typename } } }
      tickets { subject }
      consents { purpose }
    }
  }
`;

describe("SQL statements per operation", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
    for (let i = 0; i < 120; i++) {
      await makeCustomer(h.db, {
        identities: [{ type: "PHONE", raw: `139${String(10_000_000 + i)}` }, { type: "EMAIL", raw: `c${i}@example.com` }],
        sourceRecords: [{ channel: "WEB" }, { channel: "POS", sourceSystem: "pos" }],
        orders: [{}, {}, {}, {}],
        events: [{}, { type: "ADD_TO_CART" }],
        tickets: i % 2 ? [{}] : [],
        nps: [{ score: i % 11 }],
        consents: [{ purpose: "SMS" }],
      });
    }
  });
  afterAll(() => h.close());

  it("a page of 100 customers with every nested list costs what a page of 10 does", async () => {
    // The first request of the day computes the population cut points (one statement, then cached).
    const cold = await h.run(PAGE, { first: 10 });
    const small = await h.run(PAGE, { first: 10 });
    expect(cold.statements).toBe(small.statements + 1);
    const large = await h.run(PAGE, { first: 100 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data!.customers.edges).toHaveLength(100);
    expect(large.data!.customers.edges[0].node.timeline.nodes).toHaveLength(5);
    // list + identities + source records + orders + timeline + tickets + consents + 4 timeline detail kinds
    // + 7 scoring inputs (orders, event aggregates, tickets, NPS, points, consents, action log); the population
    // cut points were computed by the first request and are cached.
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBe(18);
  });

  it("one full 360 profile by phone costs a constant handful of statements", async () => {
    const { data, errors, statements } = await h.run(PROFILE, { value: "139 1000 0007" });
    expect(errors).toBeUndefined();
    expect(data!.customerByIdentifier.orders.nodes).toHaveLength(4);
    // identifier lookup + customer + 6 lists + 4 detail kinds
    expect(statements).toBe(12);
  });
});
