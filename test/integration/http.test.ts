import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import type { Database } from "../../src/db/client.js";
import { DEFAULT_POLICY } from "../../src/domain/scoring/index.js";
import { createApiKey } from "../../src/modules/access/api-key.service.js";
import { createApp, type App } from "../../src/server/app.js";
import { createLogger } from "../../src/server/logger.js";
import { makeCustomer, testProtector } from "../factories/customer.factory.js";
import { createTestDatabase } from "../support/database.js";

type WireResult = { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] };

// The real HTTP server: health, readiness, API keys, request ids, errors on the wire.
describe("HTTP server", () => {
  let database: Database;
  let app: App;
  let url: string;
  let key: string;
  const adminKey = "operator-bootstrap-key-0123456789";

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: "test", C360_ADMIN_KEY: adminKey, LOG_LEVEL: "silent" });
    app = await createApp({ config, database, protector: testProtector, policy: DEFAULT_POLICY, log: createLogger(config) });
    url = (await app.listen(0, "127.0.0.1")).replace("/graphql", "");
    ({ key } = await createApiKey(database.db, { name: "support desk", role: "SUPPORT" }));
    await makeCustomer(database.db, { displayName: "王芳", identities: [{ type: "PHONE", raw: "13912345678" }] });
  });
  afterAll(async () => {
    await app.stop();
    await database.close();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  it("answers /health and /ready", async () => {
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", database: database.kind });
  });

  it("refuses a request without a key or with an unknown key", async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: "Bearer c360_nope" }, { authorization: "Basic abc" }];
    for (const headers of attempts) {
      const res = await post({ query: "{ customers { nodes { id } } }" }, headers);
      expect(res.status).toBe(401);
      const body = (await res.json()) as WireResult;
      expect(body.errors![0]!.extensions.code).toBe("UNAUTHENTICATED");
      expect(body.data).toBeUndefined();
    }
  });

  it.each([
    ["a stored key", () => key],
    ["C360_ADMIN_KEY", () => adminKey],
  ])("serves a support lookup by phone with %s, echoing the request id", async (_name, keyOf) => {
    const res = await post(
      { query: `{ customerByIdentifier(type: PHONE, value: "+86 139-1234-5678") { displayName } }` },
      { authorization: `Bearer ${keyOf()}`, "x-request-id": "req-42" },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("req-42");
    expect(await res.json()).toEqual({ data: { customerByIdentifier: { displayName: "王芳" } } });
  });

  it("answers bad input with BAD_USER_INPUT on the wire", async () => {
    const res = await post(
      { query: `{ customerByIdentifier(type: EMAIL, value: "nope") { id } }` },
      { authorization: `Bearer ${key}` },
    );
    const body = (await res.json()) as WireResult;
    expect(body.errors![0]).toMatchObject({ message: "`value` is not a valid email address (type EMAIL)", extensions: { code: "BAD_USER_INPUT", field: "value" } });
  });
});
