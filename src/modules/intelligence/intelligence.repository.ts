import { and, count, gt, inArray, lte, max, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { queryRows, uuidArray } from "../../db/rows.js";
import { actionLog, consents, events, npsResponses, tickets } from "../../db/schema/index.js";
import type { Channel, OrderStatus, PointsReason } from "../../db/schema/enums.js";
import type { CustomerHistory, Policy, PopulationStats } from "../../domain/scoring/index.js";
import { addDays } from "../../domain/scoring/time.js";

// Everything but events, as raw rows: a customer has tens of them. Events (hundreds each) arrive as
// per-channel aggregates over the policy's windows instead.
export type HistoryWithoutEvents = Omit<CustomerHistory, "customerId" | "createdAt" | "birthDate" | "events">;

export interface EventAggregate {
  customerId: string;
  channel: Channel;
  recent: number;
  baseline: number;
  recentHighIntent: number;
  inChannelWindow: number;
  lastAt: Date | null;
}

/**
 * The scoring inputs of many customers as of `asOf`, in seven statements whatever the batch size: one per
 * table, each an index range scan per customer (customer_id first in every index).
 */
export async function findScoringInputs(
  db: Db,
  customerIds: readonly string[],
  asOf: Date,
  policy: Policy,
): Promise<{ histories: Map<string, HistoryWithoutEvents>; events: EventAggregate[] }> {
  const ids = [...customerIds];
  const idArray = uuidArray(ids);
  const asOfParam = sql`${asOf.toISOString()}::timestamptz`;
  const { recentDays, baselineDays, highIntentEventTypes } = policy.lifecycle;
  const recentFrom = addDays(asOf, -recentDays);
  const baselineFrom = addDays(asOf, -(recentDays + baselineDays));
  const channelFrom = addDays(asOf, -policy.nextBestAction.channelWindowDays);
  const capFrom = addDays(asOf, -policy.nextBestAction.frequencyCapDays);
  const between = (column: typeof events.occurredAt, from: Date, to: Date) =>
    sql`${column} > ${from.toISOString()}::timestamptz and ${column} <= ${to.toISOString()}::timestamptz`;
  const highIntent = highIntentEventTypes.length
    ? sql` and ${events.type} in (${sql.join(highIntentEventTypes.map((t) => sql`${t}`), sql`, `)})`
    : sql` and false`;

  const [orderRows, eventRows, ticketRows, npsRows, pointRows, consentRows, actionRows] = await Promise.all([
    // Orders and points are most of the rows: read raw (times as epoch ms, totals as float8), without the
    // query builder's per-cell mapping, which took a fifth of a full refresh's CPU.
    queryRows<{ customer_id: string; at_ms: number; total: number; status: OrderStatus; channel: Channel }>(
      db,
      sql`select customer_id::text, (extract(epoch from placed_at) * 1000)::float8 as at_ms, total::float8 as total,
            status::text as status, channel::text as channel
          from orders where customer_id = any(${idArray}::uuid[]) and placed_at <= ${asOfParam}`,
    ),
    db
      .select({
        customerId: events.customerId,
        channel: events.channel,
        recent: count(sql`case when ${between(events.occurredAt, recentFrom, asOf)} then 1 end`),
        baseline: count(sql`case when ${between(events.occurredAt, baselineFrom, recentFrom)} then 1 end`),
        recentHighIntent: count(sql`case when ${between(events.occurredAt, recentFrom, asOf)}${highIntent} then 1 end`),
        inChannelWindow: count(sql`case when ${between(events.occurredAt, channelFrom, asOf)} then 1 end`),
        lastAt: max(events.occurredAt),
      })
      .from(events)
      .where(and(inArray(events.customerId, ids), lte(events.occurredAt, asOf)))
      .groupBy(events.customerId, events.channel),
    db
      .select({ customerId: tickets.customerId, openedAt: tickets.openedAt, resolvedAt: tickets.resolvedAt, priority: tickets.priority, csat: tickets.csat })
      .from(tickets)
      .where(and(inArray(tickets.customerId, ids), lte(tickets.openedAt, asOf))),
    db
      .select({ customerId: npsResponses.customerId, score: npsResponses.score, respondedAt: npsResponses.respondedAt })
      .from(npsResponses)
      .where(and(inArray(npsResponses.customerId, ids), lte(npsResponses.respondedAt, asOf))),
    queryRows<{ customer_id: string; delta: number; reason: PointsReason; earned_ms: number; expires_ms: number | null }>(
      db,
      sql`select customer_id::text, delta, reason::text as reason, (extract(epoch from earned_at) * 1000)::float8 as earned_ms,
            (extract(epoch from expires_at) * 1000)::float8 as expires_ms
          from points_ledger where customer_id = any(${idArray}::uuid[]) and earned_at <= ${asOfParam}`,
    ),
    db
      .select({ customerId: consents.customerId, purpose: consents.purpose, granted: consents.granted, at: consents.at })
      .from(consents)
      .where(and(inArray(consents.customerId, ids), lte(consents.at, asOf))),
    db
      .select({ customerId: actionLog.customerId, action: actionLog.action, offeredAt: actionLog.offeredAt })
      .from(actionLog)
      .where(and(inArray(actionLog.customerId, ids), gt(actionLog.offeredAt, capFrom), lte(actionLog.offeredAt, asOf))),
  ]);

  const histories = new Map<string, HistoryWithoutEvents>(
    ids.map((id) => [id, { orders: [], tickets: [], nps: [], pointsLedger: [], consents: [], actions: [] }]),
  );
  const push = <K extends keyof HistoryWithoutEvents>(key: K, customerId: string, row: HistoryWithoutEvents[K][number]) =>
    (histories.get(customerId)?.[key] as HistoryWithoutEvents[K][number][] | undefined)?.push(row);
  for (const o of orderRows) {
    push("orders", o.customer_id, { placedAt: new Date(Number(o.at_ms)), total: Number(o.total), status: o.status, channel: o.channel });
  }
  for (const { customerId, ...t } of ticketRows) push("tickets", customerId, t);
  for (const { customerId, ...n } of npsRows) push("nps", customerId, n);
  for (const p of pointRows) {
    const expiresAt = p.expires_ms === null ? null : new Date(Number(p.expires_ms));
    push("pointsLedger", p.customer_id, { delta: Number(p.delta), reason: p.reason, earnedAt: new Date(Number(p.earned_ms)), expiresAt });
  }
  for (const { customerId, ...c } of consentRows) push("consents", customerId, c);
  for (const { customerId, ...a } of actionRows) push("actions", customerId, a);
  return { histories, events: eventRows };
}

/**
 * Population aggregates as of `asOf` (SPEC §3), computed in SQL over every customer: the median interval
 * between consecutive purchases, and the RFM quintile cut points of customers who bought.
 */
export async function computePopulationStats(db: Db, asOf: Date, policy: Policy): Promise<PopulationStats> {
  const at = sql`${asOf.toISOString()}::timestamptz`;
  const counted = sql.join(policy.orders.countedStatuses.map((s) => sql`${s}`), sql`, `);
  const quantiles = sql.raw(`array[${policy.rfm.quantiles.map(Number).join(",")}]::float8[]`);
  const windowFrom = sql`${addDays(asOf, -policy.rfm.windowDays).toISOString()}::timestamptz`;
  const [row] = await queryRows<{ median_gap: number | null; recency: number[] | null; frequency: number[] | null; monetary: number[] | null }>(
    db,
    sql`with counted as (
          select customer_id, placed_at, total from orders
          where status::text in (${counted}) and placed_at <= ${at}
        ),
        gaps as (
          select extract(epoch from placed_at - lag(placed_at) over (partition by customer_id order by placed_at)) / 86400 as days
          from counted
        ),
        buyers as (
          select extract(epoch from ${at} - max(placed_at)) / 86400 as recency,
                 count(*) filter (where placed_at > ${windowFrom}) as frequency,
                 coalesce(sum(total) filter (where placed_at > ${windowFrom}), 0) as monetary
          from counted group by customer_id
        )
        select (select percentile_cont(0.5) within group (order by days) from gaps where days is not null)::float8 as median_gap,
               (select percentile_cont(${quantiles}) within group (order by recency) from buyers) as recency,
               (select percentile_cont(${quantiles}) within group (order by frequency) from buyers) as frequency,
               (select percentile_cont(${quantiles}) within group (order by monetary) from buyers) as monetary`,
  );
  // float8[] arrives as numbers (postgres.js) or as strings of a Postgres array (PGlite with drizzle's parsers off).
  const numbers = (v: unknown): number[] =>
    v === null || v === undefined ? [] : Array.isArray(v) ? v.map(Number) : String(v).replace(/[{}]/g, "").split(",").filter(Boolean).map(Number);
  return {
    medianInterPurchaseDays: row?.median_gap === null || row?.median_gap === undefined ? null : Number(row.median_gap),
    rfmCutPoints: { recency: numbers(row?.recency), frequency: numbers(row?.frequency), monetary: numbers(row?.monetary) },
    computedAt: asOf,
  };
}
