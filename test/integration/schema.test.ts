import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { printPublicSchema } from "../../src/graphql/schema.js";

describe("schema.graphql", () => {
  it("is the schema the code builds (run `npm run schema:emit` after changing the API)", async () => {
    const committed = readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8");
    expect(committed).toBe(await printPublicSchema());
  });

  it("keeps the contract names of SPEC §4", async () => {
    const schema = await printPublicSchema();
    for (const line of [
      "customer(id: ID!): Customer",
      "customers(",
      "customerByIdentifier(",
      "type CustomerConnection",
      "type TimelineConnection",
      "type OrderConnection",
    ]) {
      expect(schema).toContain(line);
    }
  });
});
