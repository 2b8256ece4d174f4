import { asc, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { consents } from "../../db/schema/index.js";

export type ConsentRow = typeof consents.$inferSelect;

export function findConsentsByCustomers(db: Db, customerIds: readonly string[]): Promise<ConsentRow[]> {
  return db
    .select()
    .from(consents)
    .where(inArray(consents.customerId, [...customerIds]))
    .orderBy(asc(consents.purpose));
}
