import DataLoader from "dataloader";
import type { Db } from "../../db/client.js";
import { isUuid } from "../../db/rows.js";
import { findCustomersByIds, type CustomerRow } from "./customer.repository.js";

// Merges path-compress their tombstones (merged_into names a live customer), so one hop is the norm;
// a few more are followed defensively, one statement per hop for the whole batch.
const MAX_MERGE_HOPS = 5;

/** The live customer each id answers to: itself, or the survivor that absorbed it; null if unknown. */
export async function loadLiveCustomers(db: Db, ids: readonly string[]): Promise<(CustomerRow | null)[]> {
  const known = new Map<string, CustomerRow>();
  let wanted = [...new Set(ids.filter(isUuid))];
  for (let hop = 0; hop <= MAX_MERGE_HOPS && wanted.length > 0; hop++) {
    for (const row of await findCustomersByIds(db, wanted)) known.set(row.id, row);
    wanted = [...known.values()].map((r) => r.mergedInto).filter((id): id is string => id !== null && !known.has(id));
  }
  const live = (id: string): CustomerRow | null => {
    let row = known.get(id) ?? null;
    for (let hop = 0; row?.mergedInto && hop <= MAX_MERGE_HOPS; hop++) row = known.get(row.mergedInto) ?? null;
    return row?.mergedInto ? null : row;
  };
  return ids.map(live);
}

export function createCustomerLoaders(db: Db) {
  return {
    liveById: new DataLoader<string, CustomerRow | null>((ids) => loadLiveCustomers(db, ids), { maxBatchSize: 1000 }),
  };
}

