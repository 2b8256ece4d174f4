import { and, asc, count, desc, eq, exists, getTableColumns, gte, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { CustomerSortField } from "./customer-sort.js";
import type { Db } from "../../db/client.js";
import { customers, customerScores, identities, sourceRecords, type Channel, type IdentifierType } from "../../db/schema/index.js";

export type CustomerRow = typeof customers.$inferSelect;
// A listed row also carries its sort key as the database computed it, for the cursor.
export type ListedCustomerRow = CustomerRow & { sortKey: SortKey };

export async function findCustomersByIds(db: Db, ids: readonly string[]): Promise<CustomerRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(customers).where(inArray(customers.id, [...ids]));
}

export async function findCustomerIdsByIdentifier(
  db: Db,
  key: { type: IdentifierType; value: string; namespace?: string },
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ customerId: identities.customerId })
    .from(identities)
    .where(
      and(
        eq(identities.type, key.type),
        eq(identities.value, key.value),
        key.namespace === undefined ? undefined : eq(identities.namespace, key.namespace),
      ),
    );
  return rows.map((r) => r.customerId);
}

export interface CustomerListQuery {
  channels?: Channel[];
  cities?: string[];
  // Name prefix, lower-cased; and exact identifiers the search text could be.
  namePrefix?: string;
  identifierMatches?: { type: IdentifierType; value: string }[];
  createdAfter?: Date;
  createdBefore?: Date;
  // Conditions on the score snapshot (customer_scores); any of them limits the list to scored customers.
  lifecycleStages?: string[];
  loyaltyTiers?: string[];
  healthGrades?: string[];
  churnRiskLevels?: string[];
  minHealth?: number;
  maxHealth?: number;
}

export type { CustomerSortField };
export type SortKey = string | number;

// Sort expressions, each matching an index (customers_*_idx, customer_scores_*_idx); id breaks ties.
const sortExpression: Record<CustomerSortField, SQL> = {
  CREATED_AT: sql`${customers.createdAt}`,
  UPDATED_AT: sql`${customers.updatedAt}`,
  DISPLAY_NAME: sql`(lower(coalesce(${customers.displayName}, '')) collate "C")`,
  HEALTH: sql`${customerScores.healthScore}`,
  CHURN_RISK: sql`${customerScores.churnProbability}`,
  VALUE: sql`${customerScores.predictedValue}`,
  RECENCY: sql`${customerScores.recencyDays}`,
};
const SCORE_SORTS = new Set<CustomerSortField>(["HEALTH", "CHURN_RISK", "VALUE", "RECENCY"]);
const isTimeSort = (field: CustomerSortField) => field === "CREATED_AT" || field === "UPDATED_AT";

/** The sort key of a row, as its cursor stores it. */
export function sortKeyOf(row: ListedCustomerRow, field: CustomerSortField): SortKey {
  if (field === "CREATED_AT") return row.createdAt.getTime();
  if (field === "UPDATED_AT") return row.updatedAt.getTime();
  // Everything else as the database computed it: lower() follows its ctype, which JavaScript cannot
  // reproduce, and float8 keys round-trip exactly through JSON.
  return row.sortKey;
}

function sortKeyParam(field: CustomerSortField, key: SortKey): SQL {
  if (isTimeSort(field)) return sql`${new Date(Number(key)).toISOString()}::timestamptz`;
  return field === "DISPLAY_NAME" ? sql`(${String(key)}::text collate "C")` : sql`${Number(key)}::float8`;
}

function scoreCondition(q: CustomerListQuery): SQL | undefined {
  const any = (column: PgColumn, values?: string[]) => (values?.length ? inArray(column, values) : undefined);
  return and(
    any(customerScores.lifecycleStage, q.lifecycleStages),
    any(customerScores.loyaltyTier, q.loyaltyTiers),
    any(customerScores.healthGrade, q.healthGrades),
    any(customerScores.churnLevel, q.churnRiskLevels),
    q.minHealth !== undefined ? gte(customerScores.healthScore, q.minHealth) : undefined,
    q.maxHealth !== undefined ? lte(customerScores.healthScore, q.maxHealth) : undefined,
  );
}

function filterCondition(db: Db, q: CustomerListQuery): SQL | undefined {
  const seenOn = q.channels?.length
    ? exists(
        db
          .select({ one: sql`1` })
          .from(sourceRecords)
          .where(and(eq(sourceRecords.customerId, customers.id), inArray(sourceRecords.channel, q.channels))),
      )
    : undefined;
  const search =
    q.namePrefix !== undefined
      ? or(
          sql`${sortExpression.DISPLAY_NAME} like ${`${escapeLike(q.namePrefix)}%`}`,
          q.identifierMatches?.length
            ? inArray(
                customers.id,
                db
                  .select({ id: identities.customerId })
                  .from(identities)
                  .where(or(...q.identifierMatches.map((m) => and(eq(identities.type, m.type), eq(identities.value, m.value))))),
              )
            : undefined,
        )
      : undefined;
  return and(
    isNull(customers.mergedInto),
    seenOn,
    q.cities?.length ? inArray(customers.city, q.cities) : undefined,
    search,
    q.createdAfter ? gte(customers.createdAt, q.createdAfter) : undefined,
    q.createdBefore ? lt(customers.createdAt, q.createdBefore) : undefined,
  );
}

/** One page of live (not merged) customers in keyset order; fetches `limit` rows (callers ask one extra). */
export async function listCustomers(
  db: Db,
  q: CustomerListQuery,
  sort: { field: CustomerSortField; direction: "ASC" | "DESC" },
  after: { key: SortKey; id: string } | null,
  limit: number,
): Promise<ListedCustomerRow[]> {
  const expr = sortExpression[sort.field];
  const keyset = after
    ? sort.direction === "ASC"
      ? sql`(${expr}, ${customers.id}) > (${sortKeyParam(sort.field, after.key)}, ${after.id}::uuid)`
      : sql`(${expr}, ${customers.id}) < (${sortKeyParam(sort.field, after.key)}, ${after.id}::uuid)`
    : undefined;
  const dir = sort.direction === "ASC" ? asc : desc;
  const scores = scoreCondition(q);
  const query = db
    .select({ ...getTableColumns(customers), sortKey: sql<SortKey>`${isTimeSort(sort.field) ? sql`0` : expr}` })
    .from(customers)
    .$dynamic();
  // Score filters and sorts read the snapshot: customers not yet scored are not in such a list.
  const joined = scores || SCORE_SORTS.has(sort.field) ? query.innerJoin(customerScores, eq(customerScores.customerId, customers.id)) : query;
  return joined
    .where(and(filterCondition(db, q), scores, keyset))
    .orderBy(dir(expr), dir(customers.id))
    .limit(limit);
}

export async function countCustomers(db: Db, q: CustomerListQuery): Promise<number> {
  const scores = scoreCondition(q);
  const query = db.select({ n: count() }).from(customers).$dynamic();
  const joined = scores ? query.innerJoin(customerScores, eq(customerScores.customerId, customers.id)) : query;
  const [row] = await joined.where(and(filterCondition(db, q), scores));
  return row?.n ?? 0;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
