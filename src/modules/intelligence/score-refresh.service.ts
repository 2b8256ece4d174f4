import { and, asc, count, eq, exists, gt, inArray, isNull, lte, notExists, or, sql } from "drizzle-orm";
import { jsonRows, type FullRow } from "../../db/bulk.js";
import type { Db } from "../../db/client.js";
import { customers, customerScores, NEVER_BOUGHT_RECENCY_DAYS, scoreRefreshQueue, scoreRefreshRuns } from "../../db/schema/index.js";
import type { CustomerScores, Policy } from "../../domain/scoring/index.js";
import { AppError } from "../../graphql/errors.js";
import { findScoringInputs } from "./intelligence.repository.js";
import { scoreAll } from "./intelligence.service.js";
import type { PopulationStatsCache } from "./population-stats.js";

export type RefreshMode = "FULL" | "INCREMENTAL";

export interface RefreshResult {
  mode: RefreshMode;
  asOf: Date;
  policyVersion: string;
  customersScored: number;
  durationMs: number;
}

export interface RefreshDeps {
  db: Db;
  policy: Policy;
  population: PopulationStatsCache;
}

const DEFAULT_BATCH = 1000;
// One refresh at a time per process; a second caller is told, not queued.
const running = new WeakSet<Db>();

/**
 * Writes the score snapshot (SPEC §3) with the same pure functions a customer's own view uses. FULL rescores
 * every live customer (time alone changes stages); INCREMENTAL only those queued by new data and those with
 * no snapshot row yet. Customers go in id order, a batch at a time: memory stays flat whatever the population.
 */
export async function refreshScores(
  deps: RefreshDeps,
  options: { full: boolean; asOf?: Date; batchSize?: number; onProgress?: (done: number, total: number) => void },
): Promise<RefreshResult> {
  const { db, policy } = deps;
  if (running.has(db)) throw new AppError("CONFLICT", "A score refresh is already running; try again when it has finished");
  running.add(db);
  try {
    const mode: RefreshMode = options.full ? "FULL" : "INCREMENTAL";
    const asOf = options.asOf ?? new Date();
    const startedAt = new Date();
    const batchSize = options.batchSize ?? DEFAULT_BATCH;
    const population = await deps.population.get(asOf);

    const needsScore = options.full
      ? isNull(customers.mergedInto)
      : and(
          isNull(customers.mergedInto),
          or(
            notExists(db.select({ one: sql`1` }).from(customerScores).where(eq(customerScores.customerId, customers.id))),
            exists(db.select({ one: sql`1` }).from(scoreRefreshQueue).where(eq(scoreRefreshQueue.customerId, customers.id))),
          ),
        );
    const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(customers).where(needsScore);

    // The next batch loads while this one is scored and written: the database and Node work side by side.
    const load = async (after: string | null) => {
      const batch = await db
        .select()
        .from(customers)
        .where(and(needsScore, after ? gt(customers.id, after) : undefined))
        .orderBy(asc(customers.id))
        .limit(batchSize);
      const inputs = batch.length ? await findScoringInputs(db, batch.map((c) => c.id), asOf, policy) : null;
      return { batch, inputs };
    };
    let done = 0;
    let next = load(null);
    for (;;) {
      const { batch, inputs } = await next;
      if (batch.length === 0 || !inputs) break;
      const ids = batch.map((c) => c.id);
      next = load(ids.at(-1)!);
      // A failed prefetch surfaces when awaited; until then it must not count as unhandled.
      next.catch(() => {});
      const scores = scoreAll(batch, inputs, population, asOf, policy).filter((s): s is CustomerScores => s !== null);
      await db.transaction(async (tx) => {
        await tx
          .insert(customerScores)
          .select(jsonRows(customerScores, scores.map(toSnapshotRow)))
          .onConflictDoUpdate({ target: customerScores.customerId, set: EXCLUDED });
        // Only entries queued before this refresh began: newer data waits for the next refresh.
        await tx.delete(scoreRefreshQueue).where(and(inArray(scoreRefreshQueue.customerId, ids), lte(scoreRefreshQueue.queuedAt, startedAt)));
      });
      done += batch.length;
      options.onProgress?.(done, Math.max(total, done));
    }
    if (options.full) {
      // Customers merged away since their last snapshot leave the population views.
      await db.delete(customerScores).where(
        inArray(customerScores.customerId, db.select({ id: customers.id }).from(customers).where(sql`${customers.mergedInto} is not null`)),
      );
    }
    const finishedAt = new Date();
    await db.insert(scoreRefreshRuns).values({ mode, asOf, policyVersion: policy.version, startedAt, finishedAt, customersScored: done });
    return { mode, asOf, policyVersion: policy.version, customersScored: done, durationMs: finishedAt.getTime() - startedAt.getTime() };
  } finally {
    running.delete(db);
  }
}

/** Marks customers for the next incremental refresh (their data changed). */
export async function queueForRefresh(db: Db, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await db
    .insert(scoreRefreshQueue)
    .values([...new Set(customerIds)].map((customerId) => ({ customerId })))
    .onConflictDoUpdate({ target: scoreRefreshQueue.customerId, set: { queuedAt: sql`now()` } });
}

const EXCLUDED = Object.fromEntries(
  (
    ["asOf", "policyVersion", "lifecycleStage", "loyaltyTier", "healthScore", "healthGrade", "churnProbability",
      "churnLevel", "predictedValue", "lifetimeRevenue", "recencyDays", "rfmSegment"] as const
  ).map((key) => [key, sql.raw(`excluded.${customerScores[key].name}`)]),
);

function toSnapshotRow(s: CustomerScores): FullRow<typeof customerScores> {
  return {
    customerId: s.customerId,
    asOf: s.asOf,
    policyVersion: s.policyVersion,
    lifecycleStage: s.lifecycle.stage,
    loyaltyTier: s.loyalty.tier,
    healthScore: s.health.score,
    healthGrade: s.health.grade,
    churnProbability: s.churnRisk.probability,
    churnLevel: s.churnRisk.level,
    predictedValue: s.value.predictedValue,
    lifetimeRevenue: s.value.lifetimeRevenue,
    recencyDays: s.rfm.recencyDays ?? NEVER_BOUGHT_RECENCY_DAYS,
    rfmSegment: s.rfm.segment,
  };
}
