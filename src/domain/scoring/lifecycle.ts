import type { CustomerFeatures } from "./features.js";
import type { Policy } from "./policy.js";
import { activityDropped, aovDropped, countedOrders, measureSignals, type Signals } from "./signals.js";
import { addDays, DAY_MS, round2 } from "./time.js";
import { LOYALTY_TIERS, type LifecycleStage, type LoyaltyTier } from "./vocabulary.js";

export interface Lifecycle {
  stage: LifecycleStage;
  // Best estimate of when the stage began; null when the aggregates cannot tell.
  since: Date | null;
  // Stable id of the rule that fired, e.g. "lifecycle.declining.activity-drop".
  rule: string;
  reasons: string[];
  inputs: Record<string, number | null>;
}

interface Context {
  features: CustomerFeatures;
  signals: Signals;
  cycleDays: number;
  tier: LoyaltyTier;
  asOf: Date;
  policy: Policy;
}

type Verdict = Omit<Lifecycle, "inputs">;
type Rule = (c: Context) => Verdict | null;

const days = (n: number) => `${round2(n)} days`;
const cycle = (n: number) => `${round2(n)}-day cycle`;

const reactivated: Rule = ({ signals: s, cycleDays, policy }) => {
  const { churnedAfterCycles: churnAt, decliningAfterCycles: declineAt } = policy.lifecycle;
  const { gapBeforeLastOrderDays: gap, daysSinceLastOrder: since } = s;
  if (gap === null || since === null || gap <= churnAt * cycleDays || since > declineAt * cycleDays) return null;
  return {
    stage: "REACTIVATED",
    since: s.lastOrderAt,
    rule: "lifecycle.reactivated",
    reasons: [
      `ordered again after a gap of ${days(gap)}, over ${churnAt} × the ${cycle(cycleDays)}`,
      `that order was ${days(since)} ago, within ${declineAt} × the cycle`,
    ],
  };
};

const churned: Rule = ({ signals: s, cycleDays, policy }) => {
  const { churnedAfterCycles: churnAt } = policy.lifecycle;
  if (s.lastOrderAt === null || s.daysSinceLastOrder === null || s.daysSinceLastOrder <= churnAt * cycleDays) return null;
  return {
    stage: "CHURNED",
    since: addDays(s.lastOrderAt, churnAt * cycleDays),
    rule: "lifecycle.churned",
    reasons: [`last order ${days(s.daysSinceLastOrder)} ago, over ${churnAt} × the ${cycle(cycleDays)}`],
  };
};

// Every decline signal that holds is a reason; the first one names the rule.
const declining: Rule = ({ signals: s, cycleDays, tier, policy }) => {
  const p = policy.lifecycle;
  if (s.lastOrderAt === null || s.daysSinceLastOrder === null) return null;
  const overdueAt = p.decliningAfterCycles * cycleDays;
  const core = LOYALTY_TIERS.indexOf(tier) >= LOYALTY_TIERS.indexOf(p.coreMinTier);
  const fired: { rule: string; reason: string; since: Date | null }[] = [];
  if (s.daysSinceLastOrder > overdueAt) {
    const reason = `last order ${days(s.daysSinceLastOrder)} ago, over ${p.decliningAfterCycles} × the ${cycle(cycleDays)}`;
    fired.push({ rule: "order-overdue", reason, since: addDays(s.lastOrderAt, overdueAt) });
  }
  if (activityDropped(s, policy)) {
    const baseline = round2(s.baselineEventsPerWindow);
    const share = `${p.activityDropRatio * 100} %`;
    const reason = `${s.recentEvents} events in the last ${p.recentDays} days, under ${share} of the baseline's ${baseline}`;
    fired.push({ rule: "activity-drop", reason, since: null });
  }
  if (aovDropped(s, policy)) {
    const [recent, prior] = [round2(s.recentAov ?? 0), round2(s.priorAov ?? 0)];
    const drop = `${p.aovDropRatio * 100} %`;
    const reason = `average order ${recent} in the last ${p.aovWindowCycles} cycles, ${drop} or more below the prior ${prior}`;
    fired.push({ rule: "aov-drop", reason, since: null });
  }
  if (core && s.daysSinceInteraction >= p.coreSilentDays) {
    const reason = `${tier} customer without any interaction for ${days(s.daysSinceInteraction)} (limit ${p.coreSilentDays})`;
    fired.push({ rule: "core-silent", reason, since: null });
  }
  const [first] = fired;
  if (!first) return null;
  const reasons = fired.map((f) => f.reason);
  return { stage: "DECLINING", since: first.since, rule: `lifecycle.declining.${first.rule}`, reasons };
};

const stable: Rule = ({ features, signals: s, cycleDays, asOf, policy }) => {
  const { decliningAfterCycles: declineAt } = policy.lifecycle;
  if (s.orderCount < 2 || s.daysSinceLastOrder === null || s.daysSinceLastOrder > declineAt * cycleDays) return null;
  const last = `the last ${days(s.daysSinceLastOrder)} ago`;
  return {
    stage: "STABLE",
    since: stableSince(features, cycleDays, asOf, policy),
    rule: "lifecycle.stable",
    reasons: [`${s.orderCount} orders, ${last} within ${declineAt} × the ${cycle(cycleDays)}, no decline signal`],
  };
};

const firstPurchase: Rule = ({ signals: s, cycleDays, policy }) => {
  const { decliningAfterCycles: declineAt } = policy.lifecycle;
  if (s.orderCount !== 1 || s.daysSinceLastOrder === null || s.daysSinceLastOrder > declineAt * cycleDays) return null;
  return {
    stage: "FIRST_PURCHASE",
    since: s.lastOrderAt,
    rule: "lifecycle.first-purchase",
    reasons: [`first order ${days(s.daysSinceLastOrder)} ago, within ${declineAt} × the ${cycle(cycleDays)}`],
  };
};

const consideration: Rule = ({ features: f, signals: s, policy }) => {
  const { recentDays, considerationMinEvents, highIntentEventTypes } = policy.lifecycle;
  if (s.orderCount > 0) return null;
  const reasons: string[] = [];
  if (f.recentHighIntentEvents > 0) {
    const types = highIntentEventTypes.join(", ");
    reasons.push(`${f.recentHighIntentEvents} high-intent events (${types}) in the last ${recentDays} days`);
  }
  if (f.recentEvents >= considerationMinEvents)
    reasons.push(`${f.recentEvents} engagement events in the last ${recentDays} days (at least ${considerationMinEvents})`);
  if (!reasons.length) return null;
  const rule = f.recentHighIntentEvents > 0 ? "lifecycle.consideration.high-intent" : "lifecycle.consideration.engagement";
  return { stage: "CONSIDERATION", since: null, rule, reasons };
};

const awareness: Rule = ({ features: f, policy }) => {
  const { recentDays, considerationMinEvents } = policy.lifecycle;
  return {
    stage: "AWARENESS",
    since: f.createdAt,
    rule: "lifecycle.awareness",
    reasons: [
      `no order; ${f.recentEvents} events in the last ${recentDays} days (under ${considerationMinEvents}), none high-intent`,
    ],
  };
};

// SPEC §3: evaluated bottom-up, the first rule that holds wins.
const RULES: readonly Rule[] = [reactivated, churned, declining, stable, firstPurchase, consideration, awareness];

/**
 * Lifecycle stage (SPEC §3) with the rule that fired, its reasons and the numbers it used. `cycleDays` is the
 * expected purchase cycle as of `asOf` (also for the REACTIVATED gap); `tier` decides who is a core customer.
 */
export function classifyLifecycle(
  features: CustomerFeatures,
  deps: { cycleDays: number; tier: LoyaltyTier },
  asOf: Date,
  policy: Policy,
): Lifecycle {
  const signals = measureSignals(features, deps.cycleDays, asOf, policy);
  const context: Context = { features, signals, ...deps, asOf, policy };
  for (const rule of RULES) {
    const verdict = rule(context);
    if (verdict) return { ...verdict, inputs: inputsOf(signals, deps.cycleDays, features) };
  }
  throw new Error("unreachable: the AWARENESS rule always holds");
}

function inputsOf(s: Signals, cycleDays: number, f: CustomerFeatures): Record<string, number | null> {
  const r = (n: number | null) => (n === null ? null : round2(n));
  return {
    cycleDays: r(cycleDays),
    orderCount: s.orderCount,
    daysSinceLastOrder: r(s.daysSinceLastOrder),
    gapBeforeLastOrderDays: r(s.gapBeforeLastOrderDays),
    recentEvents: s.recentEvents,
    baselineEventsPerWindow: r(s.baselineEventsPerWindow),
    recentHighIntentEvents: f.recentHighIntentEvents,
    recentAov: r(s.recentAov),
    priorAov: r(s.priorAov),
    daysSinceInteraction: r(s.daysSinceInteraction),
  };
}

// Stable since the second order of the current run: the orders since the last gap longer than the decline line.
function stableSince(features: CustomerFeatures, cycleDays: number, asOf: Date, policy: Policy): Date | null {
  const orders = countedOrders(features, asOf, policy);
  const limitMs = policy.lifecycle.decliningAfterCycles * cycleDays * DAY_MS;
  let start = 0;
  for (let i = 1; i < orders.length; i++) {
    if (orders[i]!.placedAt.getTime() - orders[i - 1]!.placedAt.getTime() > limitMs) start = i;
  }
  return (orders[start + 1] ?? orders[start])?.placedAt ?? null;
}
