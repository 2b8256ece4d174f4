import { asc, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { identities, sourceRecords } from "../../db/schema/index.js";

export type IdentityRow = typeof identities.$inferSelect;
export type SourceRecordRow = typeof sourceRecords.$inferSelect;

export function findIdentitiesByCustomers(db: Db, customerIds: readonly string[]): Promise<IdentityRow[]> {
  return db
    .select()
    .from(identities)
    .where(inArray(identities.customerId, [...customerIds]))
    .orderBy(asc(identities.type), asc(identities.firstSeenAt), asc(identities.id));
}

export function findSourceRecordsByCustomers(db: Db, customerIds: readonly string[]): Promise<SourceRecordRow[]> {
  return db
    .select()
    .from(sourceRecords)
    .where(inArray(sourceRecords.customerId, [...customerIds]))
    .orderBy(asc(sourceRecords.observedAt), asc(sourceRecords.id));
}
