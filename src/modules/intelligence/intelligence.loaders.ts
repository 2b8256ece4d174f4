import DataLoader from "dataloader";
import type { Db } from "../../db/client.js";
import type { CustomerScores, Policy } from "../../domain/scoring/index.js";
import type { CustomerRow } from "../customer/customer.repository.js";
import { findScoringInputs } from "./intelligence.repository.js";
import { scoreAll } from "./intelligence.service.js";
import type { PopulationStatsCache } from "./population-stats.js";

export interface IntelligenceDeps {
  db: Db;
  policy: Policy;
  population: PopulationStatsCache;
  // The request's customer loader: the rows are already loaded by the time scores are asked for.
  customers: DataLoader<string, CustomerRow | null>;
}

// One loader per asOf: every customer of a request scored at the same instant shares one batch.
export function createIntelligenceLoaders({ db, policy, population, customers }: IntelligenceDeps) {
  const byAsOf = new Map<number, DataLoader<string, CustomerScores | null>>();
  return {
    // After a write within the request: later reads compute from fresh data.
    clear(): void {
      byAsOf.clear();
    },
    scoresAt(asOf: Date): DataLoader<string, CustomerScores | null> {
      let loader = byAsOf.get(asOf.getTime());
      if (!loader) {
        loader = new DataLoader<string, CustomerScores | null>(
          async (ids) => {
            const [rows, inputs, stats] = await Promise.all([
              customers.loadMany(ids),
              findScoringInputs(db, ids, asOf, policy),
              population.get(asOf),
            ]);
            // scoreAll keeps key order: one result per id.
            return scoreAll(rows.map((r) => (r instanceof Error ? null : r)), inputs, stats, asOf, policy);
          },
          { maxBatchSize: 1000 },
        );
        byAsOf.set(asOf.getTime(), loader);
      }
      return loader;
    },
  };
}
