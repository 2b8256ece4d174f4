import type { Context } from "../../graphql/context.js";
import type { IdentityRow } from "./identity.repository.js";
import type { Identity } from "./identity.type.js";

/** An identity as the API shows it: a NATIONAL_ID is decrypted only to be masked (first 6 and last 4 kept). */
export function toIdentity(ctx: Pick<Context, "protector">, row: IdentityRow): Identity {
  if (row.type !== "NATIONAL_ID") return row;
  const plain = ctx.protector.decrypt(row.rawValue);
  return { ...row, value: `${plain.slice(0, 6)}${"*".repeat(plain.length - 10)}${plain.slice(-4)}` };
}
