import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers } from "../../src/db/schema/index.js";
import { makeCustomer } from "../factories/customer.factory.js";
import { createHarness, type GraphQLResult, type Harness } from "../support/harness.js";

const LIST = /* GraphQL */ `
  query List($filter: CustomerFilter, $orderBy: CustomerOrder, $first: Int, $after: String) {
    customers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      edges { cursor node { id displayName city createdAt } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

type Page = {
  customers: {
    edges: { cursor: string; node: { id: string; displayName: string | null; city: string | null; createdAt: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
};

describe("customers (list)", () => {
  let h: Harness;
  const names = ["alice", "Bob", "carol", "王芳", "李娜", null, "bob", "Ärger", "dave", "Eve", "张伟", "zed"];
  const created: { id: string }[] = [];

  beforeAll(async () => {
    h = await createHarness();
    for (const [i, name] of names.entries()) {
      created.push(
        await makeCustomer(h.db, {
          displayName: name,
          city: i % 3 === 0 ? "北京" : "上海",
          // Two customers share a creation instant: the id must break the tie.
          createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i === 5 ? 4 : i)),
          sourceRecords: [{ channel: i % 2 === 0 ? "WECHAT" : "POS" }],
          identities: i === 1 ? [{ type: "PHONE", raw: "139 1234 5678" }, { type: "EMAIL", raw: "bob@example.com" }] : [],
        }),
      );
    }
  });
  afterAll(() => h.close());

  async function walk(variables: Record<string, unknown>, first: number) {
    const seen: Page["customers"]["edges"][number]["node"][] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const { data, errors }: GraphQLResult<Page> = await h.run<Page>(LIST, { ...variables, first, after });
      expect(errors).toBeUndefined();
      seen.push(...data!.customers.edges.map((e) => e.node));
      expect(data!.customers.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!data!.customers.pageInfo.hasNextPage) return seen;
      after = data!.customers.pageInfo.endCursor;
    }
    throw new Error("pagination did not end");
  }

  it.each([1, 2, 5, 500])("walks every customer exactly once, newest first, %i a page", async (first) => {
    const seen = await walk({}, first);
    expect(seen.map((c) => c.id).sort()).toEqual(created.map((c) => c.id).sort());
    const keys = seen.map((c) => c.createdAt);
    expect(keys).toEqual([...keys].sort().reverse());
  });

  it.each(["ASC", "DESC"] as const)("orders by display name %s, case-insensitive, stable across pages", async (direction) => {
    const seen = await walk({ orderBy: { field: "DISPLAY_NAME", direction } }, 3);
    expect(seen).toHaveLength(names.length);
    const keys = seen.map((c) => (c.displayName ?? "").toLowerCase());
    const sorted = [...keys].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : a === b ? 0 : 1));
    expect(keys).toEqual(direction === "ASC" ? sorted : sorted.reverse());
  });

  it("filters by city and channel (AND), lists by any of their values (OR)", async () => {
    const seen = await walk({ filter: { cities: ["北京"], channels: ["WECHAT", "APP"] } }, 10);
    // Indexes 0, 6 (北京 and even) — 3 and 9 are 北京 but POS.
    expect(seen.map((c) => c.id).sort()).toEqual([created[0]!.id, created[6]!.id].sort());
  });

  it.each([
    ["bo", ["Bob", "bob"]],
    ["王", ["王芳"]],
    ["139-1234-5678", ["Bob"]],
    ["BOB@EXAMPLE.COM", ["Bob"]],
    ["100%", []],
  ])("searches %j by name prefix or exact identifier", async (search, expected) => {
    const seen = await walk({ filter: { search } }, 10);
    expect(seen.map((c) => c.displayName).sort()).toEqual([...expected].sort());
  });

  it("filters by creation time and counts the matches", async () => {
    const { data } = await h.run(
      `query($f: CustomerFilter) { customers(filter: $f, first: 2) { totalCount edges { node { id } } } }`,
      { f: { createdAfter: "2025-01-01T00:00:08Z" } },
    );
    expect(data!.customers.totalCount).toBe(4);
    expect(data!.customers.edges).toHaveLength(2);
  });

  it("leaves merged-away customers out", async () => {
    const gone = await makeCustomer(h.db, { displayName: "merged away" });
    await h.db.update(customers).set({ mergedInto: created[0]!.id }).where(eq(customers.id, gone.id));
    const seen = await walk({ filter: { search: "merged" } }, 10);
    expect(seen).toEqual([]);
  });

  it.each([0, -1, 501])("refuses first: %i", async (first) => {
    const { data, errors } = await h.run(LIST, { first });
    expect(data).toBeNull();
    expect(errors![0]).toMatchObject({
      message: `\`first\` must be between 1 and 500 (got ${first})`,
      extensions: { code: "BAD_USER_INPUT", field: "first" },
    });
  });

  it("refuses a damaged cursor, and a cursor of another order", async () => {
    const damaged = await h.run(LIST, { after: "not-a-cursor" });
    expect(damaged.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    const { data } = await h.run<Page>(LIST, { first: 1 });
    const foreign = await h.run(LIST, { after: data!.customers.pageInfo.endCursor, orderBy: { field: "DISPLAY_NAME" } });
    expect(foreign.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("refuses an empty creation window", async () => {
    const { errors } = await h.run(LIST, { filter: { createdAfter: "2025-02-01T00:00:00Z", createdBefore: "2025-01-01T00:00:00Z" } });
    expect(errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.createdAfter" });
  });
});
