import { and, asc, count, desc, eq, exists, getTableColumns, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { customers, identities, sourceRecords, type Channel, type IdentifierType } from "../../db/schema/index.js";

export type CustomerRow = typeof customers.$inferSelect;
// A listed row also carries its name sort key as the database computed it, for the cursor.
export type ListedCustomerRow = CustomerRow & { nameKey: string };

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
}

export type CustomerSortField = "CREATED_AT" | "UPDATED_AT" | "DISPLAY_NAME";
export type SortKey = string | number;

// Sort expressions, matching the customers_*_idx indexes; id breaks ties so the order is total.
const sortExpression: Record<CustomerSortField, SQL> = {
  CREATED_AT: sql`${customers.createdAt}`,
  UPDATED_AT: sql`${customers.updatedAt}`,
  DISPLAY_NAME: sql`(lower(coalesce(${customers.displayName}, '')) collate "C")`,
};

/** The sort key of a row, as its cursor stores it. */
export function sortKeyOf(row: ListedCustomerRow, field: CustomerSortField): SortKey {
  switch (field) {
    case "CREATED_AT":
      return row.createdAt.getTime();
    case "UPDATED_AT":
      return row.updatedAt.getTime();
    case "DISPLAY_NAME":
      // lower() follows the database's ctype, which JavaScript cannot reproduce: use its own answer.
      return row.nameKey;
  }
}

function sortKeyParam(field: CustomerSortField, key: SortKey): SQL {
  return field === "DISPLAY_NAME" ? sql`(${String(key)}::text collate "C")` : sql`${new Date(Number(key)).toISOString()}::timestamptz`;
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
  return db
    .select({ ...getTableColumns(customers), nameKey: sql<string>`${sortExpression.DISPLAY_NAME}` })
    .from(customers)
    .where(and(filterCondition(db, q), keyset))
    .orderBy(dir(expr), dir(customers.id))
    .limit(limit);
}

export async function countCustomers(db: Db, q: CustomerListQuery): Promise<number> {
  const [row] = await db.select({ n: count() }).from(customers).where(filterCondition(db, q));
  return row?.n ?? 0;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
