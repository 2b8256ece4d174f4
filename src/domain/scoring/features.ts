import type { Channel, ConsentPurpose, OrderStatus, PointsReason, TicketPriority } from "../../db/schema/enums.js";
import type { Policy } from "./policy.js";
import { addDays } from "./time.js";

// What the scoring functions know about one customer as of a point in time. Every field is a list or an
// aggregate a single SQL statement can produce for a whole batch of customers (array_agg / count(*) filter /
// max / DISTINCT ON, grouped by customer_id), with the windows taken from the policy. `featuresFromHistory`
// below is the reference definition each field's SQL must match.

export interface OrderFact {
  placedAt: Date;
  total: number;
  // Every status is listed; which ones count as purchases is policy (`orders.countedStatuses`).
  status: OrderStatus;
}

export interface Feedback {
  score: number;
  at: Date;
}

export interface PointsEntry {
  delta: number;
  reason: PointsReason;
  earnedAt: Date;
  // null on debits; a credit without one expires `loyalty.pointsExpiryMonths` after it was earned.
  expiresAt: Date | null;
}

export interface ConsentFact {
  purpose: ConsentPurpose;
  granted: boolean;
}

export interface OfferedAction {
  // action_log.action is text: unknown actions are simply never matched.
  action: string;
  offeredAt: Date;
}

export interface CustomerFeatures {
  customerId: string;
  createdAt: Date;
  // YYYY-MM-DD, as the `date` column reads.
  birthDate: string | null;
  // Orders placed at or before asOf, any status, any order.
  orders: readonly OrderFact[];
  // Events in (asOf − recentDays, asOf].
  recentEvents: number;
  // Events in (asOf − recentDays − baselineDays, asOf − recentDays]: the baseline the activity drop compares to.
  baselineEvents: number;
  // Events of a high-intent type in (asOf − recentDays, asOf].
  recentHighIntentEvents: number;
  // Events and orders per channel in (asOf − channelWindowDays, asOf].
  channelEngagement: Readonly<Partial<Record<Channel, number>>>;
  // The latest order, event, ticket opened or NPS answer at or before asOf.
  lastInteractionAt: Date | null;
  // Tickets opened at or before asOf and not resolved by then, counted by priority.
  openTickets: Readonly<Partial<Record<TicketPriority, number>>>;
  // The latest CSAT given (at the ticket's resolution) at or before asOf.
  latestCsat: Feedback | null;
  latestNps: Feedback | null;
  // Ledger entries earned at or before asOf.
  pointsLedger: readonly PointsEntry[];
  // Consents as they stood at asOf; a purpose missing here is not granted.
  consents: readonly ConsentFact[];
  // Actions offered in the frequency-cap window (older ones may be present and are ignored).
  recentActions: readonly OfferedAction[];
}

// Population aggregates every customer's score is relative to; refreshed by the score job and cached.
export interface PopulationStats {
  // Median of all inter-purchase intervals (days) across the population; null until anyone bought twice.
  medianInterPurchaseDays: number | null;
  rfmCutPoints: RfmCutPoints;
  computedAt: Date;
}

// Ascending cut points per dimension (four for quintiles), as PostgreSQL percentile_cont gives them.
export interface RfmCutPoints {
  recency: readonly number[];
  frequency: readonly number[];
  monetary: readonly number[];
}

// The raw rows one customer owns, as the tables hold them.
export interface CustomerHistory {
  customerId: string;
  createdAt: Date;
  birthDate: string | null;
  orders: readonly (OrderFact & { channel: Channel })[];
  events: readonly { occurredAt: Date; type: string; channel: Channel }[];
  tickets: readonly { openedAt: Date; resolvedAt: Date | null; priority: TicketPriority; csat: number | null }[];
  nps: readonly { score: number; respondedAt: Date }[];
  pointsLedger: readonly PointsEntry[];
  consents: readonly (ConsentFact & { at: Date })[];
  actions: readonly OfferedAction[];
}

/**
 * The feature set of one customer's raw history as of `asOf`: nothing after `asOf` is seen, so the same
 * history scored at different dates replays the customer's past. The batch SQL must produce the same values.
 */
export function featuresFromHistory(history: CustomerHistory, asOf: Date, policy: Policy): CustomerFeatures {
  const { recentDays, baselineDays, highIntentEventTypes } = policy.lifecycle;
  const seen = <T>(items: readonly T[], at: (item: T) => Date) => items.filter((item) => at(item) <= asOf);
  // In the `days` ending `endDaysAgo` before asOf: (start, end].
  const within = (at: Date, days: number, endDaysAgo = 0) =>
    at > addDays(asOf, -(days + endDaysAgo)) && at <= addDays(asOf, -endDaysAgo);

  const orders = seen(history.orders, (o) => o.placedAt);
  const events = seen(history.events, (e) => e.occurredAt);
  const tickets = seen(history.tickets, (t) => t.openedAt);
  const nps = seen(history.nps, (n) => n.respondedAt);
  const recent = events.filter((e) => within(e.occurredAt, recentDays));

  const channelEngagement: Partial<Record<Channel, number>> = {};
  const touches = [
    ...events.map((e) => ({ channel: e.channel, at: e.occurredAt })),
    ...orders.map((o) => ({ channel: o.channel, at: o.placedAt })),
  ];
  for (const { channel } of touches.filter((t) => within(t.at, policy.nextBestAction.channelWindowDays))) {
    channelEngagement[channel] = (channelEngagement[channel] ?? 0) + 1;
  }

  const openTickets: Partial<Record<TicketPriority, number>> = {};
  for (const t of tickets) {
    if (t.resolvedAt === null || t.resolvedAt > asOf) openTickets[t.priority] = (openTickets[t.priority] ?? 0) + 1;
  }
  const rated = tickets.filter((t) => t.csat !== null && t.resolvedAt !== null && t.resolvedAt <= asOf);

  return {
    customerId: history.customerId,
    createdAt: history.createdAt,
    birthDate: history.birthDate,
    orders: orders.map(({ placedAt, total, status }) => ({ placedAt, total, status })),
    recentEvents: recent.length,
    baselineEvents: events.filter((e) => within(e.occurredAt, baselineDays, recentDays)).length,
    recentHighIntentEvents: recent.filter((e) => highIntentEventTypes.includes(e.type)).length,
    channelEngagement,
    lastInteractionAt: latest([
      ...orders.map((o) => o.placedAt),
      ...events.map((e) => e.occurredAt),
      ...tickets.map((t) => t.openedAt),
      ...nps.map((n) => n.respondedAt),
    ]),
    openTickets,
    latestCsat: latestBy(rated, (t) => t.resolvedAt!, (t) => ({ score: t.csat!, at: t.resolvedAt! })),
    latestNps: latestBy(nps, (n) => n.respondedAt, (n) => ({ score: n.score, at: n.respondedAt })),
    pointsLedger: seen(history.pointsLedger, (p) => p.earnedAt),
    consents: seen(history.consents, (c) => c.at).map(({ purpose, granted }) => ({ purpose, granted })),
    recentActions: seen(history.actions, (a) => a.offeredAt),
  };
}

const latest = (dates: readonly Date[]): Date | null =>
  dates.reduce<Date | null>((max, d) => (max === null || d > max ? d : max), null);

function latestBy<T, R>(items: readonly T[], at: (item: T) => Date, pick: (item: T) => R): R | null {
  const newest = items.reduce<T | null>((max, item) => (max === null || at(item) > at(max) ? item : max), null);
  return newest === null ? null : pick(newest);
}
