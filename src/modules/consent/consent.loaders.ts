import DataLoader from "dataloader";
import type { Db } from "../../db/client.js";
import { manyPerKey } from "../../graphql/batch.js";
import { findConsentsByCustomers, type ConsentRow } from "./consent.repository.js";

export function createConsentLoaders(db: Db) {
  return {
    byCustomer: new DataLoader<string, ConsentRow[]>(
      async (ids) => manyPerKey(ids, await findConsentsByCustomers(db, ids), (r) => r.customerId),
      { maxBatchSize: 1000 },
    ),
  };
}
