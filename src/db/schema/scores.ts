import { bigserial, doublePrecision, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, createdAt } from "./columns.js";
import { customers } from "./customers.js";

// The score snapshot population views read (SPEC §3): one row per customer, written by refreshScores with
// the same pure functions a single customer's view computes fresh.
export const customerScores = pgTable(
  "customer_scores",
  {
    customerId: uuid("customer_id").primaryKey().references(() => customers.id),
    asOf: at("as_of").notNull(),
    policyVersion: text("policy_version").notNull(),
    lifecycleStage: text("lifecycle_stage").notNull(),
    loyaltyTier: text("loyalty_tier").notNull(),
    healthScore: doublePrecision("health_score").notNull(),
    healthGrade: text("health_grade").notNull(),
    churnProbability: doublePrecision("churn_probability").notNull(),
    churnLevel: text("churn_level").notNull(),
    predictedValue: doublePrecision("predicted_value").notNull(),
    lifetimeRevenue: doublePrecision("lifetime_revenue").notNull(),
    // Days since the last purchase; a large sentinel for customers who never bought, so the sort is total.
    recencyDays: doublePrecision("recency_days").notNull(),
    rfmSegment: text("rfm_segment"),
  },
  (t) => [
    index("customer_scores_stage_idx").on(t.lifecycleStage),
    index("customer_scores_tier_idx").on(t.loyaltyTier),
    index("customer_scores_grade_idx").on(t.healthGrade),
    index("customer_scores_health_idx").on(t.healthScore, t.customerId),
    index("customer_scores_churn_idx").on(t.churnProbability, t.customerId),
    index("customer_scores_value_idx").on(t.predictedValue, t.customerId),
    index("customer_scores_recency_idx").on(t.recencyDays, t.customerId),
    index("customer_scores_as_of_idx").on(t.asOf),
  ],
);

// Customers whose data changed since their snapshot row was written: the incremental refresh's work list.
export const scoreRefreshQueue = pgTable("score_refresh_queue", {
  customerId: uuid("customer_id").primaryKey().references(() => customers.id),
  queuedAt: createdAt(),
});

// One row per refresh run: how fresh the snapshot is.
export const scoreRefreshRuns = pgTable(
  "score_refresh_runs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    mode: text("mode", { enum: ["FULL", "INCREMENTAL"] }).notNull(),
    asOf: at("as_of").notNull(),
    policyVersion: text("policy_version").notNull(),
    startedAt: at("started_at").notNull(),
    finishedAt: at("finished_at").notNull(),
    customersScored: integer("customers_scored").notNull(),
  },
  (t) => [index("score_refresh_runs_finished_idx").on(t.finishedAt, t.id)],
);

export const NEVER_BOUGHT_RECENCY_DAYS = 1e9;
