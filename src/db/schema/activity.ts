import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, numeric, pgTable, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns.js";
import { customers } from "./customers.js";
import { channelEnum, orderStatusEnum, pointsReasonEnum, ticketPriorityEnum, ticketStatusEnum } from "./enums.js";

// Every table here is customer-owned: `customer_id` first in each index, so a batch of customers is one range
// scan per customer, and so the table can be distributed by it (SPEC §7).

export const orders = pgTable(
  "orders",
  {
    // The caller's order id: recording the same order twice is an update, never a second order.
    id: text("id").primaryKey(),
    customerId: uuid("customer_id").notNull().references(() => customers.id),
    channel: channelEnum("channel").notNull(),
    placedAt: at("placed_at").notNull(),
    status: orderStatusEnum("status").notNull(),
    total: numeric("total", { precision: 14, scale: 2 }).notNull(),
    currency: text("currency").notNull().default("CNY"),
    itemCount: integer("item_count").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index("orders_customer_placed_idx").on(t.customerId, t.placedAt, t.id),
    check("orders_total_nonnegative", sql`${t.total} >= 0`),
  ],
);

export const events = pgTable(
  "events",
  {
    id: id(),
    customerId: uuid("customer_id").notNull().references(() => customers.id),
    channel: channelEnum("channel").notNull(),
    type: text("type").notNull(),
    occurredAt: at("occurred_at").notNull(),
    properties: jsonb("properties").$type<Record<string, unknown>>().notNull().default({}),
    idempotencyKey: text("idempotency_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("events_idempotency_uq").on(t.idempotencyKey),
    index("events_customer_occurred_idx").on(t.customerId, t.occurredAt, t.id),
  ],
);

export const tickets = pgTable(
  "tickets",
  {
    id: id(),
    customerId: uuid("customer_id").notNull().references(() => customers.id),
    channel: channelEnum("channel").notNull(),
    subject: text("subject").notNull(),
    openedAt: at("opened_at").notNull(),
    resolvedAt: at("resolved_at"),
    status: ticketStatusEnum("status").notNull(),
    priority: ticketPriorityEnum("priority").notNull().default("NORMAL"),
    csat: smallint("csat"),
  },
  (t) => [
    index("tickets_customer_opened_idx").on(t.customerId, t.openedAt, t.id),
    check("tickets_csat_range", sql`${t.csat} between 1 and 5`),
  ],
);

export const npsResponses = pgTable(
  "nps_responses",
  {
    id: id(),
    customerId: uuid("customer_id").notNull().references(() => customers.id),
    channel: channelEnum("channel").notNull(),
    score: smallint("score").notNull(),
    comment: text("comment"),
    respondedAt: at("responded_at").notNull(),
  },
  (t) => [
    index("nps_customer_responded_idx").on(t.customerId, t.respondedAt, t.id),
    check("nps_score_range", sql`${t.score} between 0 and 10`),
  ],
);

export const pointsLedger = pgTable(
  "points_ledger",
  {
    id: id(),
    customerId: uuid("customer_id").notNull().references(() => customers.id),
    delta: integer("delta").notNull(),
    reason: pointsReasonEnum("reason").notNull(),
    orderId: text("order_id"),
    // What earned or adjusted the points (an order id, an event's idempotency key): with the reason, the
    // key that makes recording the same order or event twice award its points once.
    sourceKey: text("source_key"),
    earnedAt: at("earned_at").notNull(),
    expiresAt: at("expires_at"),
  },
  (t) => [
    index("points_customer_earned_idx").on(t.customerId, t.earnedAt),
    uniqueIndex("points_source_uq").on(t.sourceKey, t.reason),
  ],
);
