import type { Db } from "../../db/client.js";
import type { Policy, PopulationStats } from "../../domain/scoring/index.js";
import { DAY_MS } from "../../domain/scoring/time.js";
import { computePopulationStats } from "./intelligence.repository.js";

// Population cut points are recalibrated per UTC day: every asOf within a day scores against the stats as of
// that day's start, so a result can be reproduced later and one day's stats are computed once per process.
const MAX_DAYS_CACHED = 64;

export interface PopulationStatsCache {
  get(asOf: Date): Promise<PopulationStats>;
}

export function createPopulationStatsCache(db: Db, policy: Policy): PopulationStatsCache {
  const byDay = new Map<number, Promise<PopulationStats>>();
  return {
    get(asOf) {
      const day = Math.floor(asOf.getTime() / DAY_MS) * DAY_MS;
      let stats = byDay.get(day);
      if (!stats) {
        stats = computePopulationStats(db, new Date(day), policy);
        // A failed computation is not cached: the next request tries again.
        stats.catch(() => byDay.delete(day));
        byDay.set(day, stats);
        if (byDay.size > MAX_DAYS_CACHED) byDay.delete(byDay.keys().next().value!);
      }
      return stats;
    },
  };
}
