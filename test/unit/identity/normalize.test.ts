import { describe, expect, it } from "vitest";
import { nationalIdCheckChar, nationalIdProblem } from "../../../src/domain/identity/national-id.js";
import {
  foldText,
  normalizeEmail,
  normalizeIdentifier,
  normalizePhone,
} from "../../../src/domain/identity/normalize.js";

describe("normalizePhone", () => {
  it.each([
    "138 0013 8000",
    "13800138000",
    "+86-13800138000",
    "+86 138 0013 8000",
    "8613800138000",
    "008613800138000",
    "(+86) 138-0013-8000",
    "１３８００１３８０００",
    "＋８６ １３８ ００１３ ８０００",
  ])("%s is +8613800138000", (raw) => {
    expect(normalizePhone(raw)).toBe("+8613800138000");
  });

  it("keeps a foreign number in its own country", () => {
    expect(normalizePhone("+1 (415) 555-2671")).toBe("+14155552671");
  });

  it("accepts a Beijing landline written nationally", () => {
    expect(normalizePhone("010 6552 9988")).toBe("+861065529988");
  });

  it.each(["", "12345", "abc", "138001380001234", "+86 238 0013 8000", "phone: 138"])("%j is not a phone", (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });
});

describe("normalizeEmail", () => {
  it.each([
    ["  Zhang.Wei@Example.COM ", "zhang.wei@example.com"],
    ["ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ", "zhang@example.com"],
    ["a+tag@sub.example.cn", "a+tag@sub.example.cn"],
  ])("%j → %s", (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  it.each(["", "zhang", "zhang@", "@example.com", "zhang@example", "zh ang@exa mple", "a@b@c.com", "a@.com"])(
    "%j is not an email",
    (raw) => {
      expect(normalizeEmail(raw)).toBeNull();
    },
  );
});

describe("national ID", () => {
  // 11010519491231002X is the standard's own worked example.
  it("computes the GB 11643 check character", () => {
    expect(nationalIdCheckChar("11010519491231002")).toBe("X");
    expect(nationalIdProblem("11010519491231002X")).toBeNull();
  });

  it.each([
    ["11010519491231002", "must be 18 characters: 17 digits and a check digit or X"],
    ["110105194912310021", "has a wrong check digit"],
    ["110105194902300020", "has no valid birth date"],
    ["11010518991231002X", "has no valid birth date"],
  ])("%s: %s", (id, problem) => {
    expect(nationalIdProblem(id)).toBe(problem);
  });

  it("is normalized: full-width, lower-case x and spaces", () => {
    expect(normalizeIdentifier("NATIONAL_ID", " １１０１０５ 19491231002x ")).toEqual({
      ok: true,
      type: "NATIONAL_ID",
      value: "11010519491231002X",
      namespace: "",
    });
  });
});

describe("normalizeIdentifier", () => {
  it.each([
    ["EMAIL", " A@B.CO ", "", "a@b.co", ""],
    ["PHONE", "+86 139-1234-5678", "", "+8613912345678", ""],
    ["WECHAT_OPENID", " oAbC123-xyz ", " wx-app-1 ", "oAbC123-xyz", "wx-app-1"],
    ["WECHAT_UNIONID", "uNiOn42", "", "uNiOn42", ""],
    ["DEVICE_ID", "6D92078A-8246-4BA4-AE5B-76104861E7DC", "", "6d92078a-8246-4ba4-ae5b-76104861e7dc", ""],
    ["LOYALTY_CARD", "ld 0012-3456", "", "LD00123456", ""],
    ["EXTERNAL_ID", " crm-77 ", "salesforce", "crm-77", "salesforce"],
  ] as const)("%s %j", (type, raw, namespace, value, ns) => {
    expect(normalizeIdentifier(type, raw, namespace)).toEqual({ ok: true, type, value, namespace: ns });
  });

  it("drops the namespace of types that have none", () => {
    expect(normalizeIdentifier("EMAIL", "a@b.co", "ignored")).toMatchObject({ namespace: "" });
  });

  it.each(["EMAIL", "PHONE", "WECHAT_OPENID", "DEVICE_ID", "NATIONAL_ID"] as const)("%s refuses a blank value", (type) => {
    expect(normalizeIdentifier(type, " \u3000 ")).toEqual({ ok: false, type, reason: "is empty" });
  });

  it("explains a malformed email and phone", () => {
    expect(normalizeIdentifier("EMAIL", "not-an-email")).toMatchObject({ ok: false, reason: "is not a valid email address" });
    expect(normalizeIdentifier("PHONE", "12")).toMatchObject({ ok: false, reason: "is not a valid phone number" });
  });
});

describe("foldText", () => {
  it("folds full-width forms and whitespace", () => {
    expect(foldText("  Ｚｈａｎｇ\u3000\tWei  ")).toBe("Zhang Wei");
  });
});
