import { describe, expect, it } from "vitest";
import { createIdentifierProtector, DEVELOPMENT_KEY } from "../../../src/modules/identity/identifier-protection.js";

describe("identifier protection", () => {
  const protector = createIdentifierProtector(DEVELOPMENT_KEY);
  const id = "11010519491231002X";

  it("round-trips and never shows the plain value", () => {
    const sealed = protector.encrypt(id);
    expect(sealed).not.toContain(id);
    expect(sealed.startsWith("v1:")).toBe(true);
    expect(protector.decrypt(sealed)).toBe(id);
  });

  it("encrypts the same value differently each time (random IV)", () => {
    expect(protector.encrypt(id)).not.toBe(protector.encrypt(id));
  });

  it("gives a stable blind index that depends on the key", () => {
    const other = createIdentifierProtector("ab".repeat(32));
    expect(protector.blindIndex(id)).toBe(protector.blindIndex(id));
    expect(protector.blindIndex(id)).not.toBe(other.blindIndex(id));
    expect(protector.blindIndex(id)).not.toContain(id);
  });

  it("rejects tampered ciphertext and foreign keys", () => {
    const sealed = protector.encrypt(id);
    const flipped = `v1:${Buffer.from(Buffer.from(sealed.slice(3), "base64").map((b, i) => (i === 30 ? b ^ 1 : b))).toString("base64")}`;
    expect(() => protector.decrypt(flipped)).toThrow();
    expect(() => createIdentifierProtector("ab".repeat(32)).decrypt(sealed)).toThrow();
    expect(() => protector.decrypt(`v0:${sealed.slice(3)}`)).toThrow(/key version/);
  });
});
