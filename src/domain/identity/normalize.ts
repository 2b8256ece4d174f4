import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { IdentifierType } from "../../db/schema/enums.js";
import { nationalIdProblem } from "./national-id.js";

export type NormalizedIdentifier =
  | { ok: true; type: IdentifierType; value: string; namespace: string }
  | { ok: false; type: IdentifierType; reason: string };

/** Unicode NFKC (full-width → half-width), trimmed, inner whitespace folded to one space. */
export function foldText(raw: string): string {
  return raw.normalize("NFKC").replace(/\s+/gu, " ").trim();
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/u;

/** Emails: NFKC, trimmed, lower-cased; must look like local@domain.tld. */
export function normalizeEmail(raw: string): string | null {
  const value = foldText(raw).replace(/\s/gu, "").toLowerCase();
  return EMAIL.test(value) ? value : null;
}

/**
 * Phones to E.164 with default region CN: `138 0013 8000`, `+86-13800138000`, `8613800138000`,
 * `0086 138…` and full-width digits are one phone. Returns null for anything that is not a valid number.
 */
export function normalizePhone(raw: string, defaultRegion: "CN" = "CN"): string | null {
  let value = foldText(raw).replace(/[\s\-().]/gu, "");
  if (/^00\d/u.test(value)) value = `+${value.slice(2)}`;
  // A CN mobile written with its country code but no plus: 86 + 11 digits starting with 1.
  if (/^861\d{10}$/u.test(value)) value = `+${value}`;
  if (!/^\+?\d{5,17}$/u.test(value)) return null;
  const phone = parsePhoneNumberFromString(value, defaultRegion);
  return phone?.isValid() ? phone.number : null;
}

/**
 * Normalizes an identifier value of the given type for storage and matching (SPEC §2). The namespace is
 * the WeChat app for OpenIDs, the source system for external ids, and empty for every other type.
 */
export function normalizeIdentifier(type: IdentifierType, raw: string, namespace = ""): NormalizedIdentifier {
  const fail = (reason: string): NormalizedIdentifier => ({ ok: false, type, reason });
  const ok = (value: string, ns = ""): NormalizedIdentifier => ({ ok: true, type, value, namespace: ns });
  const folded = foldText(raw);
  if (folded === "") return fail("is empty");
  switch (type) {
    case "EMAIL": {
      const email = normalizeEmail(raw);
      return email ? ok(email) : fail("is not a valid email address");
    }
    case "PHONE": {
      const phone = normalizePhone(raw);
      return phone ? ok(phone) : fail("is not a valid phone number");
    }
    case "NATIONAL_ID": {
      const id = folded.replace(/\s/gu, "").toUpperCase();
      const problem = nationalIdProblem(id);
      return problem ? fail(`is not a valid national ID: it ${problem}`) : ok(id);
    }
    case "WECHAT_OPENID":
      // OpenIDs are case-sensitive and unique only within the app that issued them.
      return ok(folded, foldText(namespace));
    case "EXTERNAL_ID":
      return ok(folded, foldText(namespace));
    case "WECHAT_UNIONID":
      return ok(folded);
    case "DEVICE_ID":
      return ok(folded.toLowerCase());
    case "LOYALTY_CARD":
      return ok(folded.replace(/[\s-]/gu, "").toUpperCase());
    default:
      return assertUnreachable(type);
  }
}

export function assertUnreachable(value: never): never {
  throw new Error(`Unreachable: ${String(value)}`);
}
