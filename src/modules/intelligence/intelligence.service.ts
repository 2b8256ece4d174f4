import {
  featuresFromHistory,
  scoreCustomer,
  type CustomerFeatures,
  type CustomerScores,
  type Policy,
  type PopulationStats,
} from "../../domain/scoring/index.js";
import type { Channel } from "../../db/schema/enums.js";
import type { CustomerRow } from "../customer/customer.repository.js";
import type { EventAggregate, HistoryWithoutEvents } from "./intelligence.repository.js";

/**
 * The feature set of one customer from what the repository loaded: the raw rows go through the domain's
 * reference definition (featuresFromHistory), the event aggregates SQL computed over the same windows are
 * added on top.
 */
export function toFeatures(
  customer: CustomerRow,
  history: HistoryWithoutEvents,
  eventAggregates: readonly EventAggregate[],
  asOf: Date,
  policy: Policy,
): CustomerFeatures {
  const base = featuresFromHistory(
    { customerId: customer.id, createdAt: customer.createdAt, birthDate: customer.birthDate, events: [], ...history },
    asOf,
    policy,
  );
  const channelEngagement: Partial<Record<Channel, number>> = { ...base.channelEngagement };
  let { recentEvents, baselineEvents, recentHighIntentEvents, lastInteractionAt } = base;
  for (const e of eventAggregates) {
    recentEvents += e.recent;
    baselineEvents += e.baseline;
    recentHighIntentEvents += e.recentHighIntent;
    if (e.inChannelWindow > 0) channelEngagement[e.channel] = (channelEngagement[e.channel] ?? 0) + e.inChannelWindow;
    if (e.lastAt && (lastInteractionAt === null || e.lastAt > lastInteractionAt)) lastInteractionAt = e.lastAt;
  }
  return { ...base, recentEvents, baselineEvents, recentHighIntentEvents, channelEngagement, lastInteractionAt };
}

export function scoreAll(
  customers: readonly (CustomerRow | null)[],
  inputs: { histories: Map<string, HistoryWithoutEvents>; events: readonly EventAggregate[] },
  population: PopulationStats,
  asOf: Date,
  policy: Policy,
): (CustomerScores | null)[] {
  const eventsByCustomer = new Map<string, EventAggregate[]>();
  for (const e of inputs.events) {
    const list = eventsByCustomer.get(e.customerId);
    if (list) list.push(e);
    else eventsByCustomer.set(e.customerId, [e]);
  }
  return customers.map((customer) => {
    const history = customer && inputs.histories.get(customer.id);
    if (!customer || !history) return null;
    const features = toFeatures(customer, history, eventsByCustomer.get(customer.id) ?? [], asOf, policy);
    return scoreCustomer(features, population, asOf, policy);
  });
}
