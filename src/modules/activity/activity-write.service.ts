import { eq, inArray, sql } from "drizzle-orm";
import { isUuid } from "../../db/rows.js";
import { events, orders, pointsLedger } from "../../db/schema/index.js";
import { isEventType, EVENT_TYPES } from "../../domain/activity/event-types.js";
import { loyaltyStatus, pointsForOrder, type LoyaltyTier } from "../../domain/scoring/index.js";
import { addMonths, DAY_MS, round2 } from "../../domain/scoring/time.js";
import type { Context } from "../../graphql/context.js";
import { badInput, type ErrorCode } from "../../graphql/errors.js";
import { findScoringInputs } from "../intelligence/intelligence.repository.js";
import { toFeatures } from "../intelligence/intelligence.service.js";
import { queueForRefresh } from "../intelligence/score-refresh.service.js";
import type { BatchOutcome, BatchResult, EventInput, OrderInput } from "./activity.input.js";

export const MAX_BATCH = 1000;
const MAX_KEY_LENGTH = 200;

// One batch item on its way through validation: an error sticks to it, the rest of the batch goes on.
interface Item<T> {
  input: T;
  key: string;
  customerId: string | null;
  outcome: BatchOutcome | null;
  error: { code: ErrorCode; message: string } | null;
}

function startItems<T>(inputs: readonly T[], keyOf: (t: T) => string, field: string): Item<T>[] {
  if (inputs.length > MAX_BATCH) throw badInput(field, `At most ${MAX_BATCH} ${field} a call (got ${inputs.length}); split the batch`);
  return inputs.map((input) => ({ input, key: keyOf(input), customerId: null, outcome: null, error: null }));
}

const fail = (item: Item<unknown>, code: ErrorCode, message: string) => {
  item.error ??= { code, message };
};
const pending = <T>(items: Item<T>[]) => items.filter((i) => i.error === null && i.outcome === null);

function toBatchResult(items: Item<unknown>[]): BatchResult {
  return {
    results: items.map((i) => ({
      key: i.key,
      customerId: i.error ? null : i.customerId,
      outcome: i.error ? null : i.outcome,
      error: i.error?.message ?? null,
      code: i.error?.code ?? null,
    })),
    accepted: items.filter((i) => !i.error).length,
    rejected: items.filter((i) => i.error).length,
  };
}

// Checks shared by every item kind: the key, the time, and the customer (an absorbed id answers its survivor).
async function checkCommon<T>(ctx: Context, items: Item<T>[], at: (t: T) => Date, customerIdOf: (t: T) => string, keyName: string) {
  const latest = ctx.now.getTime() + DAY_MS;
  for (const item of items) {
    if (item.key.trim() === "" || item.key.length > MAX_KEY_LENGTH) fail(item, "BAD_USER_INPUT", `\`${keyName}\` must be 1–${MAX_KEY_LENGTH} characters`);
    if (at(item.input).getTime() > latest) fail(item, "BAD_USER_INPUT", "The time may be at most one day in the future");
    if (!isUuid(customerIdOf(item.input))) fail(item, "NOT_FOUND", `No customer ${customerIdOf(item.input)}`);
  }
  const live = pending(items);
  const rows = await ctx.loaders.customer.liveById.loadMany(live.map((i) => customerIdOf(i.input)));
  live.forEach((item, n) => {
    const row = rows[n];
    if (!row || row instanceof Error) fail(item, "NOT_FOUND", `No customer ${customerIdOf(item.input)}`);
    else if (row.erasedAt) fail(item, "BAD_USER_INPUT", `Customer ${row.id} was erased`);
    else item.customerId = row.id;
  });
}

// A key sent twice in one batch: identical copies count once, differing copies are a conflict.
function dedupeWithinBatch<T>(items: Item<T>[], same: (a: T, b: T) => boolean) {
  const first = new Map<string, Item<T>>();
  for (const item of pending(items)) {
    const earlier = first.get(item.key);
    if (!earlier) first.set(item.key, item);
    else if (same(earlier.input, item.input)) item.outcome = "UNCHANGED";
    else fail(item, "CONFLICT", `\`${item.key}\` appears twice in this batch with different contents`);
  }
}

const sameInstant = (a: Date, b: Date) => a.getTime() === b.getTime();

/**
 * Records orders (SPEC §4 recordOrders): idempotent by order id (a re-sent order changes nothing; a new status
 * or item count updates it; another customer, total, currency, channel or time is a CONFLICT), earns PURCHASE
 * points at the customer's current tier multiplier, takes them back when an order is cancelled or refunded,
 * and queues the customers for the incremental score refresh. Valid orders land in one transaction.
 */
export async function recordOrders(ctx: Context, inputs: readonly OrderInput[]): Promise<BatchResult> {
  const { db, policy } = ctx;
  const items = startItems(inputs, (o) => o.orderId, "orders");
  for (const item of items) {
    const o = item.input;
    if (!Number.isFinite(o.total) || o.total < 0) fail(item, "BAD_USER_INPUT", `\`total\` must be ≥ 0 (got ${o.total})`);
    else if (round2(o.total) !== o.total) fail(item, "BAD_USER_INPUT", `\`total\` has more than two decimals (got ${o.total})`);
    if (!/^[A-Za-z]{3}$/.test(o.currency)) fail(item, "BAD_USER_INPUT", `\`currency\` must be an ISO 4217 code like CNY (got ${o.currency})`);
    if (!Number.isInteger(o.itemCount) || o.itemCount < 0) fail(item, "BAD_USER_INPUT", "`itemCount` must be a whole number ≥ 0");
  }
  await checkCommon(ctx, items, (o) => o.placedAt, (o) => o.customerId, "orderId");
  const sameOrder = (a: OrderInput, b: OrderInput) =>
    a.customerId === b.customerId && a.total === b.total && a.currency.toUpperCase() === b.currency.toUpperCase() &&
    a.channel === b.channel && sameInstant(a.placedAt, b.placedAt);
  dedupeWithinBatch(items, (a, b) => sameOrder(a, b) && a.status === b.status && a.itemCount === b.itemCount);

  const candidates = pending(items);
  const existing = new Map(
    candidates.length
      ? (await db.select().from(orders).where(inArray(orders.id, candidates.map((i) => i.key)))).map((o) => [o.id, o])
      : [],
  );
  for (const item of candidates) {
    const o = item.input;
    const stored = existing.get(item.key);
    if (!stored) item.outcome = "CREATED";
    else if (!sameOrder({ ...o, customerId: item.customerId! }, { ...o, customerId: stored.customerId, total: Number(stored.total), currency: stored.currency, channel: stored.channel, placedAt: stored.placedAt })) {
      fail(item, "CONFLICT", `Order ${item.key} was recorded with another customer, total, currency, channel or time`);
    } else item.outcome = stored.status === o.status && stored.itemCount === o.itemCount ? "UNCHANGED" : "UPDATED";
  }

  const writes = items.filter((i) => !i.error && (i.outcome === "CREATED" || i.outcome === "UPDATED")) ;
  if (writes.length) {
    const tiers = await currentTiers(ctx, writes.map((i) => i.customerId!));
    const counted = new Set<string>(policy.orders.countedStatuses);
    await db.transaction(async (tx) => {
      const created = writes.filter((i) => i.outcome === "CREATED");
      if (created.length) {
        const rows = await tx
          .insert(orders)
          .values(created.map((i) => ({ id: i.key, customerId: i.customerId!, channel: i.input.channel, placedAt: i.input.placedAt, status: i.input.status, total: i.input.total.toFixed(2), currency: i.input.currency.toUpperCase(), itemCount: i.input.itemCount })))
          // A concurrent call recording the same order won the race: it is stored once, and here it is UNCHANGED.
          .onConflictDoNothing({ target: orders.id })
          .returning({ id: orders.id });
        const inserted = new Set(rows.map((r) => r.id));
        for (const i of created) if (!inserted.has(i.key)) i.outcome = "UNCHANGED";
      }
      for (const i of writes.filter((w) => w.outcome === "UPDATED")) {
        await tx.update(orders).set({ status: i.input.status, itemCount: i.input.itemCount }).where(eq(orders.id, i.key));
      }
      const earning = writes.filter((i) => counted.has(i.input.status));
      if (earning.length) {
        await tx
          .insert(pointsLedger)
          .values(earning.map((i) => ({
            customerId: i.customerId!, reason: "PURCHASE" as const, orderId: i.key, sourceKey: i.key,
            delta: pointsForOrder(i.input.total, tiers.get(i.customerId!) ?? "BRONZE", policy),
            earnedAt: i.input.placedAt, expiresAt: addMonths(i.input.placedAt, policy.loyalty.pointsExpiryMonths),
          })))
          .onConflictDoNothing();
      }
      const voided = writes.filter((i) => !counted.has(i.input.status)).map((i) => i.key);
      if (voided.length) {
        // Points of a cancelled or refunded order go back, once: an ADJUST row mirrors its PURCHASE row.
        await tx.execute(sql`insert into points_ledger (id, customer_id, delta, reason, order_id, source_key, earned_at, expires_at)
          select gen_random_uuid(), customer_id, -delta, 'ADJUST', order_id, source_key, ${ctx.now.toISOString()}::timestamptz, null
          from points_ledger where reason = 'PURCHASE' and source_key in (${sql.join(voided.map((k) => sql`${k}`), sql`, `)})
          on conflict do nothing`);
      }
      await queueForRefresh(tx, writes.map((i) => i.customerId!));
    });
  }
  return toBatchResult(items);
}

// The tier each customer holds now: points earn at its multiplier.
async function currentTiers(ctx: Context, customerIds: string[]): Promise<Map<string, LoyaltyTier>> {
  const ids = [...new Set(customerIds)];
  const [rows, inputs] = await Promise.all([ctx.loaders.customer.liveById.loadMany(ids), findScoringInputs(ctx.db, ids, ctx.now, ctx.policy)]);
  const tiers = new Map<string, LoyaltyTier>();
  rows.forEach((row) => {
    if (!row || row instanceof Error) return;
    const history = inputs.histories.get(row.id);
    if (history) tiers.set(row.id, loyaltyStatus(toFeatures(row, history, [], ctx.now, ctx.policy), ctx.now, ctx.policy).tier);
  });
  return tiers;
}

const BONUS_EVENTS = { SIGN_IN: "SIGN_IN", REVIEW: "REVIEW", REFERRAL: "REFERRAL" } as const;

/**
 * Records behavioural events (SPEC §4 recordEvents): the idempotency key dedupes (the same key with other
 * contents is a CONFLICT); an unknown type is refused; SIGN_IN (once a day), REVIEW and REFERRAL earn their
 * bonus points; the customers are queued for the incremental score refresh.
 */
export async function recordEvents(ctx: Context, inputs: readonly EventInput[]): Promise<BatchResult> {
  const { db, policy } = ctx;
  const items = startItems(inputs, (e) => e.idempotencyKey, "events");
  const typeOf = (e: EventInput) => e.type.trim().toUpperCase();
  for (const item of items) {
    if (!isEventType(typeOf(item.input))) {
      fail(item, "BAD_USER_INPUT", `Unknown event type ${item.input.type}; known types: ${EVENT_TYPES.join(", ")}`);
    }
  }
  await checkCommon(ctx, items, (e) => e.occurredAt, (e) => e.customerId, "idempotencyKey");
  const props = (e: EventInput) => JSON.stringify(e.properties ?? {});
  const sameEvent = (a: EventInput, b: EventInput) =>
    a.customerId === b.customerId && typeOf(a) === typeOf(b) && a.channel === b.channel && sameInstant(a.occurredAt, b.occurredAt) && props(a) === props(b);
  dedupeWithinBatch(items, sameEvent);

  const candidates = pending(items);
  const existing = new Map(
    candidates.length
      ? (await db.select().from(events).where(inArray(events.idempotencyKey, candidates.map((i) => i.key)))).map((e) => [e.idempotencyKey, e])
      : [],
  );
  for (const item of candidates) {
    const stored = existing.get(item.key);
    if (!stored) item.outcome = "CREATED";
    else if (
      stored.customerId !== item.customerId || stored.type !== typeOf(item.input) || stored.channel !== item.input.channel ||
      !sameInstant(stored.occurredAt, item.input.occurredAt) || JSON.stringify(stored.properties) !== props(item.input)
    ) fail(item, "CONFLICT", `Event ${item.key} was recorded with other contents`);
    else item.outcome = "UNCHANGED";
  }

  const created = items.filter((i) => !i.error && i.outcome === "CREATED");
  if (created.length) {
    await db.transaction(async (tx) => {
      const rows = await tx
        .insert(events)
        .values(created.map((i) => ({ customerId: i.customerId!, channel: i.input.channel, type: typeOf(i.input), occurredAt: i.input.occurredAt, properties: i.input.properties ?? {}, idempotencyKey: i.key })))
        .onConflictDoNothing({ target: events.idempotencyKey })
        .returning({ key: events.idempotencyKey });
      const inserted = new Set(rows.map((r) => r.key));
      for (const i of created) if (!inserted.has(i.key)) i.outcome = "UNCHANGED";
      const bonuses = created.flatMap((i) => {
        const reason = BONUS_EVENTS[typeOf(i.input) as keyof typeof BONUS_EVENTS];
        if (!reason) return [];
        // One sign-in bonus a day whatever the number of sign-ins; reviews and referrals earn per event.
        const sourceKey = reason === "SIGN_IN" ? `sign-in:${i.customerId}:${i.input.occurredAt.toISOString().slice(0, 10)}` : `event:${i.key}`;
        const earnedAt = i.input.occurredAt;
        return [{ customerId: i.customerId!, reason, sourceKey, delta: policy.loyalty.bonusPoints[reason], earnedAt, expiresAt: addMonths(earnedAt, policy.loyalty.pointsExpiryMonths) }];
      });
      if (bonuses.length) await tx.insert(pointsLedger).values(bonuses).onConflictDoNothing();
      await queueForRefresh(tx, created.map((i) => i.customerId!));
    });
  }
  return toBatchResult(items);
}

