import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { apiKeys, type ApiKeyRole } from "../../db/schema/index.js";
import { AppError } from "../../graphql/errors.js";

export interface Principal {
  // null for the configured C360_ADMIN_KEY, which has no row.
  keyId: string | null;
  name: string;
  role: ApiKeyRole;
  scopes: string[];
}

const KEY_PREFIX = "c360_";

export const hashApiKey = (key: string): string => createHash("sha256").update(key).digest("hex");

/** Creates a key and stores only its hash; the key itself is returned once and never again. */
export async function createApiKey(
  db: Db,
  input: { name: string; role: ApiKeyRole; scopes?: string[] },
): Promise<{ id: string; key: string }> {
  const key = `${KEY_PREFIX}${randomBytes(24).toString("base64url")}`;
  const [row] = await db
    .insert(apiKeys)
    .values({ name: input.name, role: input.role, scopes: input.scopes ?? [], prefix: key.slice(0, 10), keyHash: hashApiKey(key) })
    .returning({ id: apiKeys.id });
  return { id: row!.id, key };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(hashApiKey(a), "hex");
  const y = Buffer.from(hashApiKey(b), "hex");
  return timingSafeEqual(x, y);
}

/** The caller behind an `Authorization: Bearer <key>` header, or UNAUTHENTICATED. */
export async function authenticate(db: Db, header: string | undefined, adminKey: string | undefined): Promise<Principal> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match) {
    throw new AppError("UNAUTHENTICATED", "Missing API key: send the header `Authorization: Bearer <key>`");
  }
  const key = match[1]!;
  if (adminKey && sameSecret(key, adminKey)) return { keyId: null, name: "C360_ADMIN_KEY", role: "ADMIN", scopes: [] };
  const [row] = await db
    .select({ id: apiKeys.id, name: apiKeys.name, role: apiKeys.role, scopes: apiKeys.scopes })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(key)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row) throw new AppError("UNAUTHENTICATED", "Unknown or revoked API key");
  return { keyId: row.id, name: row.name, role: row.role, scopes: row.scopes };
}
