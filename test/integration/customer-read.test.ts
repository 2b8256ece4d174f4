import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers } from "../../src/db/schema/index.js";
import { makeCustomer } from "../factories/customer.factory.js";
import { createHarness, type Harness } from "../support/harness.js";

const PROFILE = /* GraphQL */ `
  query Profile($id: ID!) {
    customer(id: $id) {
      id displayName birthDate gender city
      identities { type value namespace channel verified }
      sourceRecords { channel sourceSystem sourceRecordId attributes }
      tickets { subject status priority }
      consents { purpose granted source }
    }
  }
`;

describe("customer and customerByIdentifier", () => {
  let h: Harness;
  let zhang: { id: string };

  beforeAll(async () => {
    h = await createHarness();
    zhang = await makeCustomer(h.db, {
      displayName: "张伟",
      birthDate: "1990-05-17",
      gender: "M",
      identities: [
        { type: "PHONE", raw: "+86 138-0013-8000", channel: "POS" },
        { type: "EMAIL", raw: "Zhang.Wei@Example.com" },
        { type: "WECHAT_OPENID", raw: "oOpenId-zw", namespace: "wx-app-1", channel: "WECHAT" },
        { type: "NATIONAL_ID", raw: "11010519491231002X", channel: "CALL_CENTER" },
        { type: "LOYALTY_CARD", raw: "LC-0001" },
      ],
      sourceRecords: [{ channel: "POS", sourceSystem: "pos-sh", sourceRecordId: "p-1", attributes: { name: "张伟" } }],
      tickets: [{ subject: "Late delivery", priority: "HIGH" }],
      consents: [{ purpose: "SMS" }, { purpose: "EMAIL", granted: false }],
    });
  });
  afterAll(() => h.close());

  it("answers the golden record with identities, source records, tickets and consents", async () => {
    const { data, errors } = await h.run(PROFILE, { id: zhang.id });
    expect(errors).toBeUndefined();
    expect(data!.customer).toMatchObject({ id: zhang.id, displayName: "张伟", birthDate: "1990-05-17", city: "上海" });
    expect(data!.customer.identities).toEqual(
      expect.arrayContaining([
        { type: "PHONE", value: "+8613800138000", namespace: "", channel: "POS", verified: false },
        { type: "EMAIL", value: "zhang.wei@example.com", namespace: "", channel: "WEB", verified: false },
        { type: "WECHAT_OPENID", value: "oOpenId-zw", namespace: "wx-app-1", channel: "WECHAT", verified: false },
        { type: "NATIONAL_ID", value: "110105********002X", namespace: "", channel: "CALL_CENTER", verified: false },
      ]),
    );
    expect(data!.customer.sourceRecords).toEqual([
      { channel: "POS", sourceSystem: "pos-sh", sourceRecordId: "p-1", attributes: { name: "张伟" } },
    ]);
    expect(data!.customer.tickets).toEqual([{ subject: "Late delivery", status: "OPEN", priority: "HIGH" }]);
    expect(data!.customer.consents).toEqual([
      { purpose: "EMAIL", granted: false, source: "factory" },
      { purpose: "SMS", granted: true, source: "factory" },
    ]);
  });

  it.each(["not-a-uuid", "00000000-0000-4000-8000-000000000000"])("answers null for the unknown id %s", async (id) => {
    const { data, errors } = await h.run(PROFILE, { id });
    expect(errors).toBeUndefined();
    expect(data!.customer).toBeNull();
  });

  it("answers an absorbed id with its survivor", async () => {
    const absorbed = await makeCustomer(h.db, { displayName: "张伟 (dup)" });
    await h.db.update(customers).set({ mergedInto: zhang.id }).where(eq(customers.id, absorbed.id));
    const { data } = await h.run(`query($id: ID!) { customer(id: $id) { id displayName } }`, { id: absorbed.id });
    expect(data!.customer).toEqual({ id: zhang.id, displayName: "张伟" });
  });

  const BY_IDENTIFIER = `query($type: IdentifierType!, $value: String!, $namespace: String) {
    customerByIdentifier(type: $type, value: $value, namespace: $namespace) { id }
  }`;

  it.each([
    ["PHONE", "138 0013 8000"],
    ["PHONE", "+86-13800138000"],
    ["PHONE", "8613800138000"],
    ["PHONE", "１３８００１３８０００"],
    ["EMAIL", "  ZHANG.WEI@example.COM"],
    ["WECHAT_OPENID", "oOpenId-zw"],
    ["NATIONAL_ID", "11010519491231002x"],
    ["LOYALTY_CARD", "lc 0001"],
  ])("finds the customer by %s given as %j", async (type, value) => {
    const { data, errors } = await h.run(BY_IDENTIFIER, { type, value });
    expect(errors).toBeUndefined();
    expect(data!.customerByIdentifier).toEqual({ id: zhang.id });
  });

  it("answers null for a well-formed identifier nobody has", async () => {
    const { data, errors } = await h.run(BY_IDENTIFIER, { type: "PHONE", value: "139 0000 0000" });
    expect(errors).toBeUndefined();
    expect(data!.customerByIdentifier).toBeNull();
  });

  it.each([
    ["EMAIL", "zhang.wei@", "`value` is not a valid email address (type EMAIL)"],
    ["PHONE", "12345", "`value` is not a valid phone number (type PHONE)"],
    ["NATIONAL_ID", "110105194912310021", "`value` is not a valid national ID: it has a wrong check digit (type NATIONAL_ID)"],
    ["PHONE", "   ", "`value` is empty (type PHONE)"],
  ])("refuses a malformed %s %j with BAD_USER_INPUT naming the field", async (type, value, message) => {
    const { data, errors } = await h.run(BY_IDENTIFIER, { type, value });
    expect(data?.customerByIdentifier ?? null).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0]!.message).toBe(message);
    expect(errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "value" });
  });

  it("asks for a namespace when an OpenID exists in two WeChat apps, and finds it with one", async () => {
    const other = await makeCustomer(h.db, {
      identities: [{ type: "WECHAT_OPENID", raw: "oShared", namespace: "wx-app-2" }],
    });
    await makeCustomer(h.db, { identities: [{ type: "WECHAT_OPENID", raw: "oShared", namespace: "wx-app-3" }] });
    const ambiguous = await h.run(BY_IDENTIFIER, { type: "WECHAT_OPENID", value: "oShared" });
    expect(ambiguous.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "namespace" });
    const exact = await h.run(BY_IDENTIFIER, { type: "WECHAT_OPENID", value: "oShared", namespace: "wx-app-2" });
    expect(exact.data!.customerByIdentifier).toEqual({ id: other.id });
  });

  it("refuses an unknown identifier type before running anything", async () => {
    const { errors, statements } = await h.run(BY_IDENTIFIER, { type: "PASSPORT", value: "x" });
    expect(errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(statements).toBe(0);
  });
});
