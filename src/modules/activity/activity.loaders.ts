import DataLoader from "dataloader";
import type { Db } from "../../db/client.js";
import { manyPerKey, onePerKey } from "../../graphql/batch.js";
import {
  findEventsByIds,
  findNpsByIds,
  findOrdersByIds,
  findOrdersPages,
  findTicketsByCustomers,
  findTicketsByIds,
  findTimelinePages,
  type OrderRow,
  type TicketRow,
  type TimelineQuery,
  type TimelineRow,
} from "./activity.repository.js";

const BATCH = { maxBatchSize: 1000 };

// Paginated lists take arguments; customers asking with the same arguments share one loader (one statement),
// so a page of 100 customers each asking `orders(first: 5)` is still one query.
function perArguments<A, V>(make: (args: A) => DataLoader<string, V>) {
  const loaders = new Map<string, DataLoader<string, V>>();
  return (args: A): DataLoader<string, V> => {
    const key = JSON.stringify(args);
    let loader = loaders.get(key);
    if (!loader) loaders.set(key, (loader = make(args)));
    return loader;
  };
}

const byId = <R extends { id: string }>(find: (ids: readonly string[]) => Promise<R[]>) =>
  new DataLoader<string, R | null>(async (ids) => onePerKey(ids, await find(ids), (r) => r.id), BATCH);

export function createActivityLoaders(db: Db) {
  return {
    ordersPage: perArguments(
      (args: { limit: number; after: { at: number; id: string } | null }) =>
        new DataLoader<string, OrderRow[]>(
          async (ids) => manyPerKey(ids, await findOrdersPages(db, ids, args.limit, args.after), (r) => r.customerId),
          BATCH,
        ),
    ),
    timelinePage: perArguments(
      (args: TimelineQuery) =>
        new DataLoader<string, TimelineRow[]>(
          async (ids) => manyPerKey(ids, await findTimelinePages(db, ids, args), (r) => r.customer_id),
          BATCH,
        ),
    ),
    ticketsByCustomer: new DataLoader<string, TicketRow[]>(
      async (ids) => manyPerKey(ids, await findTicketsByCustomers(db, ids), (r) => r.customerId),
      BATCH,
    ),
    orderById: byId((ids) => findOrdersByIds(db, ids)),
    eventById: byId((ids) => findEventsByIds(db, ids)),
    ticketById: byId((ids) => findTicketsByIds(db, ids)),
    npsById: byId((ids) => findNpsByIds(db, ids)),
  };
}
