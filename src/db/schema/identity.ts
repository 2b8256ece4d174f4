import { boolean, doublePrecision, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns.js";
import { customers } from "./customers.js";
import { channelEnum, identifierTypeEnum, matchStatusEnum, mergeActionEnum } from "./enums.js";

// One row per record a channel sent; (source_system, source_record_id) is its idempotency key.
export const sourceRecords = pgTable(
  "source_records",
  {
    id: id(),
    customerId: uuid("customer_id").notNull().references(() => customers.id),
    channel: channelEnum("channel").notNull(),
    sourceSystem: text("source_system").notNull(),
    sourceRecordId: text("source_record_id").notNull(),
    observedAt: at("observed_at").notNull(),
    attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("source_records_key_uq").on(t.sourceSystem, t.sourceRecordId),
    // Also answers "seen on channel X" for the customer list filter.
    index("source_records_customer_idx").on(t.customerId, t.channel),
  ],
);

// The identity graph: (type, normalized value, namespace) → customer. The one table not keyed by customer
// (SPEC §7). Namespace: the WeChat app for OpenIDs, the source system for external ids, '' otherwise.
// NATIONAL_ID rows hold an HMAC blind index in `value` and AES-256-GCM ciphertext in `raw_value`.
export const identities = pgTable(
  "identities",
  {
    id: id(),
    customerId: uuid("customer_id").notNull().references(() => customers.id),
    type: identifierTypeEnum("type").notNull(),
    namespace: text("namespace").notNull().default(""),
    value: text("value").notNull(),
    rawValue: text("raw_value").notNull(),
    channel: channelEnum("channel").notNull(),
    sourceSystem: text("source_system").notNull(),
    firstSeenAt: at("first_seen_at").notNull(),
    lastSeenAt: at("last_seen_at").notNull(),
    verified: boolean("verified").notNull().default(false),
  },
  (t) => [
    // Column order (type, value, namespace) also serves look-ups that give no namespace.
    uniqueIndex("identities_key_uq").on(t.type, t.value, t.namespace),
    index("identities_customer_idx").on(t.customerId),
  ],
);

export const mergeLog = pgTable(
  "merge_log",
  {
    id: id(),
    // The survivor: the customer the log entry belongs to.
    customerId: uuid("customer_id").notNull().references(() => customers.id),
    absorbedId: uuid("absorbed_id").notNull().references(() => customers.id),
    action: mergeActionEnum("action").notNull(),
    rule: text("rule").notNull(),
    score: doublePrecision("score"),
    actor: text("actor").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    at: createdAt(),
  },
  (t) => [index("merge_log_customer_idx").on(t.customerId, t.at), index("merge_log_absorbed_idx").on(t.absorbedId)],
);

export const matchCandidates = pgTable(
  "match_candidates",
  {
    id: id(),
    customerId: uuid("customer_id").notNull().references(() => customers.id),
    otherCustomerId: uuid("other_customer_id").notNull().references(() => customers.id),
    score: doublePrecision("score").notNull(),
    reasons: jsonb("reasons").$type<unknown[]>().notNull().default([]),
    status: matchStatusEnum("status").notNull().default("PENDING"),
    createdAt: createdAt(),
    decidedAt: at("decided_at"),
    decidedBy: text("decided_by"),
  },
  (t) => [
    uniqueIndex("match_candidates_pair_uq").on(t.customerId, t.otherCustomerId),
    index("match_candidates_status_idx").on(t.status, t.createdAt, t.id),
    index("match_candidates_other_idx").on(t.otherCustomerId),
  ],
);

export const suppressedIdentifiers = pgTable("suppressed_identifiers", {
  // Salted hash of (type, namespace, normalized value) of an erased customer's identifier.
  hash: text("hash").primaryKey(),
  createdAt: createdAt(),
});
