import type { Channel } from "../../db/schema/enums.js";
import { isUuid } from "../../db/rows.js";
import type { Context } from "../../graphql/context.js";
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from "../../graphql/pagination.js";
import type { OrderRow, TimelineRow } from "./activity.repository.js";
import { TIMELINE_KINDS, type TimelineDetailValue, type TimelineItem, type TimelineKind } from "./activity.type.js";

export const DEFAULT_ORDER_PAGE = 20;
export const DEFAULT_TIMELINE_PAGE = 20;

const isOrderCursor = (v: unknown[]): v is [number, string] =>
  v.length === 2 && typeof v[0] === "number" && Number.isFinite(v[0]) && typeof v[1] === "string";

const isTimelineCursor = (v: unknown[]): v is [number, TimelineKind, string] =>
  v.length === 3 && typeof v[0] === "number" && Number.isFinite(v[0]) &&
  TIMELINE_KINDS.includes(v[1] as TimelineKind) && typeof v[2] === "string" &&
  (v[1] === "ORDER" || isUuid(v[2]));

export async function orderPage(
  ctx: Context,
  customerId: string,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<OrderRow>> {
  const first = pageSize(args.first, DEFAULT_ORDER_PAGE);
  const after = args.after ? decodeCursor(args.after, isOrderCursor) : null;
  const rows = await ctx.loaders.activity
    .ordersPage({ limit: first + 1, after: after && { at: after[0], id: after[1] } })
    .load(customerId);
  return toConnection(rows, first, (o) => encodeCursor([o.placedAt.getTime(), o.id]), after !== null);
}

export async function timelinePage(
  ctx: Context,
  customerId: string,
  args: { first?: number | null; after?: string | null; channels?: Channel[] | null; types?: string[] | null },
): Promise<Connection<TimelineItem>> {
  const first = pageSize(args.first, DEFAULT_TIMELINE_PAGE);
  const after = args.after ? decodeCursor(args.after, isTimelineCursor) : null;
  // Sorted so that the same filter written in another order shares a loader.
  const rows = await ctx.loaders.activity
    .timelinePage({
      limit: first + 1,
      after: after && { at: after[0], kind: after[1], id: after[2] },
      channels: args.channels?.length ? [...new Set(args.channels)].sort() : null,
      types: args.types?.length ? [...new Set(args.types.map((t) => t.trim().toUpperCase()))].sort() : null,
    })
    .load(customerId);
  return toConnection(rows.map(toTimelineItem), first, (i) => encodeCursor([i.occurredAt.getTime(), i.kind, i.sourceId]), after !== null);
}

function toTimelineItem(row: TimelineRow): TimelineItem {
  return {
    id: `${row.kind}:${row.source_id}`,
    kind: row.kind,
    sourceId: row.source_id,
    type: row.type,
    channel: row.channel,
    occurredAt: new Date(row.at_ms),
    summary: row.summary,
  };
}

/** The full row behind a timeline item, through the loader of its kind. */
export async function timelineDetail(ctx: Context, item: TimelineItem): Promise<TimelineDetailValue | null> {
  const { activity } = ctx.loaders;
  switch (item.kind) {
    case "ORDER": {
      const row = await activity.orderById.load(item.sourceId);
      return row && { ...toOrder(row), kind: "ORDER" };
    }
    case "EVENT": {
      const row = await activity.eventById.load(item.sourceId);
      return row && { ...row, kind: "EVENT" };
    }
    case "TICKET": {
      const row = await activity.ticketById.load(item.sourceId);
      return row && { ...row, kind: "TICKET" };
    }
    case "NPS": {
      const row = await activity.npsById.load(item.sourceId);
      return row && { ...row, kind: "NPS" };
    }
  }
}

// numeric arrives as a string from both drivers; GraphQL exposes a Float.
export const toOrder = (row: OrderRow) => ({ ...row, total: Number(row.total) });
