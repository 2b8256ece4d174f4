import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../../src/config/env.js";
import { loadPolicy } from "../../../src/config/policy.js";
import { DEFAULT_POLICY } from "../../../src/domain/scoring/index.js";

const file = (content: string) => {
  const p = path.join(mkdtempSync(path.join(tmpdir(), "c360-policy-")), "policy.json");
  writeFileSync(p, content);
  return p;
};

describe("loadPolicy", () => {
  it("is the default policy without a file", () => {
    expect(loadPolicy({})).toBe(DEFAULT_POLICY);
  });

  it("applies overrides from C360_POLICY_FILE and reports a version of its own", () => {
    const policy = loadPolicy({ C360_POLICY_FILE: file(JSON.stringify({ loyalty: { tierThresholds: { SILVER: 1500 } } })) });
    expect(policy.loyalty.tierThresholds).toEqual({ ...DEFAULT_POLICY.loyalty.tierThresholds, SILVER: 1500 });
    expect(policy.version).not.toBe(DEFAULT_POLICY.version);
    expect(policy.version.startsWith(`${DEFAULT_POLICY.version}+`)).toBe(true);
  });

  it.each([
    ["not json", /cannot read .* as JSON/],
    [JSON.stringify({ loyalty: { tierTresholds: {} } }), /loyalty.tierTresholds is not a policy setting/],
  ])("refuses %j with a configuration error", (content, message) => {
    expect(() => loadPolicy({ C360_POLICY_FILE: file(content) })).toThrow(ConfigError);
    expect(() => loadPolicy({ C360_POLICY_FILE: file(content) })).toThrow(message);
  });
});
