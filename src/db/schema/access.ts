import { bigserial, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns.js";
import { apiKeyRoleEnum } from "./enums.js";

// Only the SHA-256 of a key is stored; `prefix` (its first characters) lets a person tell keys apart.
export const apiKeys = pgTable("api_keys", {
  id: id(),
  name: text("name").notNull(),
  prefix: text("prefix").notNull(),
  keyHash: text("key_hash").notNull().unique("api_keys_hash_uq"),
  role: apiKeyRoleEnum("role").notNull(),
  scopes: text("scopes").array().notNull().default([]),
  createdAt: createdAt(),
  revokedAt: at("revoked_at"),
});

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: createdAt(),
    apiKeyId: uuid("api_key_id"),
    customerId: uuid("customer_id"),
    action: text("action").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("audit_log_customer_idx").on(t.customerId, t.at), index("audit_log_at_idx").on(t.at)],
);
