import DataLoader from "dataloader";
import type { Db } from "../../db/client.js";
import { manyPerKey } from "../../graphql/batch.js";
import {
  findIdentitiesByCustomers,
  findSourceRecordsByCustomers,
  type IdentityRow,
  type SourceRecordRow,
} from "./identity.repository.js";

export function createIdentityLoaders(db: Db) {
  return {
    byCustomer: new DataLoader<string, IdentityRow[]>(
      async (ids) => manyPerKey(ids, await findIdentitiesByCustomers(db, ids), (r) => r.customerId),
      { maxBatchSize: 1000 },
    ),
    sourceRecordsByCustomer: new DataLoader<string, SourceRecordRow[]>(
      async (ids) => manyPerKey(ids, await findSourceRecordsByCustomers(db, ids), (r) => r.customerId),
      { maxBatchSize: 1000 },
    ),
  };
}
