import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { GraphQLObjectType } from "graphql";
import { getSchema, printPublicSchema } from "../../src/graphql/schema.js";

describe("schema.graphql", () => {
  it("is the schema the code builds (run `npm run schema:emit` after changing the API)", async () => {
    const committed = readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8");
    expect(committed).toBe(await printPublicSchema());
  });

  // The names partners build on (SPEC §4), checked on the built schema, argument by argument.
  it.each([
    ["Query", "customer", ["id", "asOf"]],
    ["Query", "customerByIdentifier", ["type", "value", "asOf"]],
    ["Query", "customers", ["filter", "orderBy", "first", "after"]],
    ["Customer", "timeline", ["first", "after", "channels", "types"]],
    ["Customer", "orders", ["first", "after"]],
    ["Customer", "nextBestActions", ["limit"]],
  ])("keeps %s.%s(%j) of the contract", async (type, field, args) => {
    const fields = ((await getSchema()).getType(type) as GraphQLObjectType).getFields();
    expect(fields[field]?.args.map((a) => a.name)).toEqual(expect.arrayContaining(args));
  });

  it("keeps the Customer fields of the contract", async () => {
    const fields = Object.keys(((await getSchema()).getType("Customer") as GraphQLObjectType).getFields());
    expect(fields).toEqual(
      expect.arrayContaining([
        "id", "displayName", "birthDate", "city", "identities", "sourceRecords", "lifecycle", "health", "rfm",
        "loyalty", "value", "nextBestActions", "timeline", "orders", "tickets", "consents", "preferredChannel",
      ]),
    );
  });
});
