import { desc, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";
import { scoreRefreshRuns } from "../../db/schema/index.js";

export interface SnapshotCounts {
  byStage: Map<string, number>;
  byTier: Map<string, number>;
  byGrade: Map<string, number>;
  byChurnLevel: Map<string, number>;
  scored: number;
}

/** Counts of live scored customers by stage, tier, grade and churn level, in one statement (grouping sets). */
export async function countSnapshot(db: Db): Promise<SnapshotCounts> {
  const rows = await queryRows<{ stage: string | null; tier: string | null; grade: string | null; churn: string | null; n: number; g: number }>(
    db,
    sql`select s.lifecycle_stage as stage, s.loyalty_tier as tier, s.health_grade as grade, s.churn_level as churn,
               count(*)::int as n,
               grouping(s.lifecycle_stage, s.loyalty_tier, s.health_grade, s.churn_level)::int as g
        from customer_scores s join customers c on c.id = s.customer_id and c.merged_into is null
        group by grouping sets ((s.lifecycle_stage), (s.loyalty_tier), (s.health_grade), (s.churn_level), ())`,
  );
  const counts: SnapshotCounts = { byStage: new Map(), byTier: new Map(), byGrade: new Map(), byChurnLevel: new Map(), scored: 0 };
  // grouping() sets a bit per column left out: 7 = only the stage kept, 11 tier, 13 grade, 14 churn, 15 total.
  for (const r of rows) {
    const n = Number(r.n);
    if (Number(r.g) === 15) counts.scored = n;
    else if (r.stage !== null) counts.byStage.set(r.stage, n);
    else if (r.tier !== null) counts.byTier.set(r.tier, n);
    else if (r.grade !== null) counts.byGrade.set(r.grade, n);
    else if (r.churn !== null) counts.byChurnLevel.set(r.churn, n);
  }
  return counts;
}

export interface SnapshotFreshnessRow {
  live: number;
  queued: number;
  oldestAsOf: Date | null;
  newestAsOf: Date | null;
}

export async function snapshotFreshness(db: Db): Promise<SnapshotFreshnessRow> {
  const [row] = await queryRows<{ live: number; queued: number; oldest_ms: number | null; newest_ms: number | null }>(
    db,
    sql`select (select count(*) from customers where merged_into is null)::int as live,
               (select count(*) from score_refresh_queue)::int as queued,
               (select extract(epoch from min(as_of)) * 1000 from customer_scores)::float8 as oldest_ms,
               (select extract(epoch from max(as_of)) * 1000 from customer_scores)::float8 as newest_ms`,
  );
  const date = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(Number(ms)));
  return { live: Number(row?.live ?? 0), queued: Number(row?.queued ?? 0), oldestAsOf: date(row?.oldest_ms), newestAsOf: date(row?.newest_ms) };
}

export async function lastRefreshRun(db: Db) {
  const [run] = await db.select().from(scoreRefreshRuns).orderBy(desc(scoreRefreshRuns.finishedAt), desc(scoreRefreshRuns.id)).limit(1);
  return run ?? null;
}
