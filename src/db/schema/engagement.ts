import { boolean, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, id } from "./columns.js";
import { customers } from "./customers.js";
import { channelEnum, consentPurposeEnum } from "./enums.js";

// The current consent per customer and purpose; changes are audited (audit_log), not versioned here.
export const consents = pgTable(
  "consents",
  {
    id: id(),
    customerId: uuid("customer_id").notNull().references(() => customers.id),
    purpose: consentPurposeEnum("purpose").notNull(),
    granted: boolean("granted").notNull(),
    at: at("at").notNull(),
    source: text("source").notNull(),
  },
  (t) => [uniqueIndex("consents_customer_purpose_uq").on(t.customerId, t.purpose)],
);

// Next-best-actions offered and their outcome: the frequency cap reads it.
export const actionLog = pgTable(
  "action_log",
  {
    id: id(),
    customerId: uuid("customer_id").notNull().references(() => customers.id),
    action: text("action").notNull(),
    channel: channelEnum("channel"),
    offeredAt: at("offered_at").notNull(),
    outcome: text("outcome"),
    outcomeAt: at("outcome_at"),
  },
  (t) => [index("action_log_customer_offered_idx").on(t.customerId, t.offeredAt)],
);
