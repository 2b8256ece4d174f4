import { and, asc, desc, inArray, lte, sql, type SQL } from "drizzle-orm";
import { getTableColumns } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { queryRows, uuidArray } from "../../db/rows.js";
import { events, npsResponses, orders, tickets, type Channel } from "../../db/schema/index.js";
import type { TimelineKind } from "./activity.type.js";

export type OrderRow = typeof orders.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type TicketRow = typeof tickets.$inferSelect;
export type NpsRow = typeof npsResponses.$inferSelect;

/** Newest-first orders of many customers: at most `limit` each, after the (placedAt, id) cursor. */
export async function findOrdersPages(
  db: Db,
  customerIds: readonly string[],
  limit: number,
  after: { at: number; id: string } | null,
): Promise<OrderRow[]> {
  // row_number() over each customer's slice reads only the batch's customers (orders_customer_placed_idx).
  const ranked = db
    .select({
      ...getTableColumns(orders),
      rank: sql<number>`row_number() over (partition by ${orders.customerId} order by ${orders.placedAt} desc, ${orders.id} collate "C" desc)`
        .mapWith(Number)
        .as("rank"),
    })
    .from(orders)
    .where(
      and(
        inArray(orders.customerId, [...customerIds]),
        after
          ? sql`(${orders.placedAt}, ${orders.id} collate "C") < (${new Date(after.at).toISOString()}::timestamptz, ${after.id}::text collate "C")`
          : undefined,
      ),
    )
    .as("ranked");
  const rows = await db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, limit))
    .orderBy(asc(ranked.customerId), asc(ranked.rank));
  return rows.map(({ rank: _rank, ...order }) => order);
}

export function findTicketsByCustomers(db: Db, customerIds: readonly string[]): Promise<TicketRow[]> {
  return db
    .select()
    .from(tickets)
    .where(inArray(tickets.customerId, [...customerIds]))
    .orderBy(desc(tickets.openedAt), desc(tickets.id));
}

export const findOrdersByIds = (db: Db, ids: readonly string[]) =>
  db.select().from(orders).where(inArray(orders.id, [...ids]));
export const findEventsByIds = (db: Db, ids: readonly string[]) =>
  db.select().from(events).where(inArray(events.id, [...ids]));
export const findTicketsByIds = (db: Db, ids: readonly string[]) =>
  db.select().from(tickets).where(inArray(tickets.id, [...ids]));
export const findNpsByIds = (db: Db, ids: readonly string[]) =>
  db.select().from(npsResponses).where(inArray(npsResponses.id, [...ids]));

export interface TimelineQuery {
  limit: number;
  after: { at: number; kind: TimelineKind; id: string } | null;
  channels: Channel[] | null;
  // null: every type. Otherwise ORDER, TICKET, NPS select those kinds; any other value is an event type.
  types: string[] | null;
}

export interface TimelineRow {
  customer_id: string;
  kind: TimelineKind;
  source_id: string;
  type: string;
  channel: Channel;
  at_ms: number;
  summary: string;
}

const NON_EVENT_TYPES: Record<string, TimelineKind> = { ORDER: "ORDER", TICKET: "TICKET", NPS: "NPS" };

/**
 * Newest-first timeline (orders, events, tickets, NPS merged) of many customers in one statement: for each
 * customer a LATERAL union of four index range scans, each cut at `limit`, then cut again after merging.
 * Order is (at desc, kind desc, source id desc), the same total order the cursor encodes.
 */
export async function findTimelinePages(db: Db, customerIds: readonly string[], q: TimelineQuery): Promise<TimelineRow[]> {
  const kinds = q.types === null ? ["ORDER", "EVENT", "TICKET", "NPS"] : [...new Set(q.types.map((t) => NON_EVENT_TYPES[t] ?? "EVENT"))];
  const eventTypes = q.types?.filter((t) => !(t in NON_EVENT_TYPES)) ?? null;
  const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

  const branch = (kind: TimelineKind, t: { table: SQL; id: SQL; at: SQL; type: SQL; summary: SQL; extra?: SQL }) => {
    const conditions: SQL[] = [sql`x.customer_id = k.customer_id`];
    if (q.channels) conditions.push(sql`x.channel::text in (${list(q.channels)})`);
    if (t.extra) conditions.push(t.extra);
    if (q.after) {
      const at = sql`${new Date(q.after.at).toISOString()}::timestamptz`;
      // Within one branch the kind is fixed, so the (at, kind, id) comparison reduces to one of three forms.
      if (kind < q.after.kind) conditions.push(sql`${t.at} <= ${at}`);
      else if (kind > q.after.kind) conditions.push(sql`${t.at} < ${at}`);
      else conditions.push(sql`(${t.at}, ${t.id} collate "C") < (${at}, ${q.after.id}::text collate "C")`);
    }
    return sql`(select ${kind}::text as kind, ${t.id} as source_id, ${t.type} as type, x.channel, ${t.at} as at, ${t.summary} as summary
      from ${t.table} x where ${sql.join(conditions, sql` and `)}
      order by ${t.at} desc, ${t.id} collate "C" desc limit ${q.limit})`;
  };

  const branches: SQL[] = [];
  if (kinds.includes("ORDER"))
    branches.push(
      branch("ORDER", {
        table: sql`orders`, id: sql`x.id`, at: sql`x.placed_at`, type: sql`'ORDER'`,
        summary: sql`format('Order %s %s: %s %s, %s item(s)', x.id, x.status, x.total, x.currency, x.item_count)`,
      }),
    );
  if (kinds.includes("EVENT") && (eventTypes === null || eventTypes.length > 0))
    branches.push(
      branch("EVENT", {
        table: sql`events`, id: sql`x.id::text`, at: sql`x.occurred_at`, type: sql`x.type`,
        summary: sql`initcap(replace(x.type, '_', ' '))`,
        extra: eventTypes ? sql`x.type in (${list(eventTypes)})` : undefined,
      }),
    );
  if (kinds.includes("TICKET"))
    branches.push(
      branch("TICKET", {
        table: sql`tickets`, id: sql`x.id::text`, at: sql`x.opened_at`, type: sql`'TICKET'`,
        summary: sql`format('Ticket (%s, %s): %s', x.priority, x.status, x.subject)`,
      }),
    );
  if (kinds.includes("NPS"))
    branches.push(
      branch("NPS", {
        table: sql`nps_responses`, id: sql`x.id::text`, at: sql`x.responded_at`, type: sql`'NPS'`,
        summary: sql`format('NPS %s%s', x.score, coalesce(': ' || x.comment, ''))`,
      }),
    );
  if (branches.length === 0 || customerIds.length === 0) return [];

  return queryRows<TimelineRow>(
    db,
    sql`select k.customer_id::text as customer_id, t.kind, t.source_id, t.type, t.channel::text as channel,
          (extract(epoch from t.at) * 1000)::float8 as at_ms, t.summary
        from unnest(${uuidArray(customerIds)}::uuid[]) as k(customer_id)
        cross join lateral (
          select * from (${sql.join(branches, sql` union all `)}) u
          order by u.at desc, u.kind collate "C" desc, u.source_id collate "C" desc
          limit ${q.limit}
        ) t
        order by k.customer_id, t.at desc, t.kind collate "C" desc, t.source_id collate "C" desc`,
  );
}
