import type { CustomerFeatures } from "./features.js";
import type { Policy } from "./policy.js";
import type { Rfm } from "./rfm.js";
import { measureSignals } from "./signals.js";
import { clamp, round2 } from "./time.js";
import { HEALTH_COMPONENTS, type HealthComponentName, type HealthGrade } from "./vocabulary.js";

export interface HealthComponent {
  name: HealthComponentName;
  weight: number;
  // 0–1: how well the customer does on this component.
  score: number;
  // weight × score: its share of the 0–100 total.
  points: number;
  reason: string;
}

export interface Health {
  score: number;
  grade: HealthGrade;
  components: HealthComponent[];
}

type Scored = { score: number; reason: string };
type Deps = { cycleDays: number; rfm: Rfm };

/**
 * Health score 0–100 (SPEC §3): the weighted sum of six component scores, rounded, and its grade. Recency is
 * judged against the customer's own cycle, frequency and monetary value against the population (RFM scores).
 */
export function healthScore(features: CustomerFeatures, deps: Deps, asOf: Date, policy: Policy): Health {
  const scorers: Record<HealthComponentName, () => Scored> = {
    recency: () => recency(features, deps.cycleDays, asOf, policy),
    frequency: () => rfmComponent(deps.rfm, "frequency", `${deps.rfm.frequency} orders in ${policy.rfm.windowDays} days`),
    monetary: () => rfmComponent(deps.rfm, "monetary", `spent ${deps.rfm.monetary} in ${policy.rfm.windowDays} days`),
    engagementTrend: () => engagementTrend(features, deps.cycleDays, asOf, policy),
    service: () => service(features, policy),
    sentiment: () => sentiment(features, policy),
  };
  const components = HEALTH_COMPONENTS.map((name) => {
    const weight = policy.health.weights[name];
    const { score, reason } = scorers[name]();
    return { name, weight, score: round2(score), points: round2(weight * score), reason };
  });
  const score = Math.round(components.reduce((sum, c) => sum + c.weight * c.score, 0));
  return { score, grade: healthGrade(score, policy), components };
}

/** HEALTHY from `healthyMin`, AT_RISK below `neutralMin`, NEUTRAL between. */
export function healthGrade(score: number, policy: Policy): HealthGrade {
  if (score >= policy.health.healthyMin) return "HEALTHY";
  return score >= policy.health.neutralMin ? "NEUTRAL" : "AT_RISK";
}

// Full marks within one cycle, falling linearly to nothing at the churn line.
function recency(features: CustomerFeatures, cycleDays: number, asOf: Date, policy: Policy): Scored {
  const s = measureSignals(features, cycleDays, asOf, policy);
  if (s.daysSinceLastOrder === null) return { score: 0, reason: "no purchase yet" };
  const cycles = s.daysSinceLastOrder / cycleDays;
  const churnAt = policy.lifecycle.churnedAfterCycles;
  return {
    score: cycles <= 1 ? 1 : clamp((churnAt - cycles) / (churnAt - 1), 0, 1),
    reason: `last order ${round2(s.daysSinceLastOrder)} days ago: ${round2(cycles)} × the ${round2(cycleDays)}-day cycle`,
  };
}

function rfmComponent(rfm: Rfm, dimension: "frequency" | "monetary", what: string): Scored {
  if (!rfm.scores) return { score: 0, reason: "no purchase yet" };
  const score = rfm.scores[dimension];
  return { score: (score - 1) / 4, reason: `${what}: quintile score ${score} of 5` };
}

// Recent activity against the baseline's average: full marks when it keeps pace.
function engagementTrend(features: CustomerFeatures, cycleDays: number, asOf: Date, policy: Policy): Scored {
  const s = measureSignals(features, cycleDays, asOf, policy);
  const window = `${s.recentEvents} events in the last ${policy.lifecycle.recentDays} days`;
  if (s.baselineEventsPerWindow === 0) {
    return s.recentEvents > 0
      ? { score: 1, reason: `${window}, none before` }
      : { score: 0, reason: "no recent or baseline activity" };
  }
  return {
    score: clamp(s.recentEvents / s.baselineEventsPerWindow, 0, 1),
    reason: `${window} against a baseline of ${round2(s.baselineEventsPerWindow)}`,
  };
}

// The worse of open tickets and the latest CSAT.
function service(features: CustomerFeatures, policy: Policy): Scored {
  const open = Object.entries(features.openTickets).filter(([, n]) => (n ?? 0) > 0);
  const urgent = open.some(([priority]) => (policy.service.urgentTicketPriorities as readonly string[]).includes(priority));
  const parts: Scored[] = [];
  if (open.length) {
    const listed = open.map(([priority, n]) => `${n} ${priority}`).join(", ");
    parts.push({ score: urgent ? 0 : policy.health.openTicketScore, reason: `open tickets: ${listed}` });
  }
  const csat = features.latestCsat;
  if (csat) parts.push({ score: (csat.score - 1) / 4, reason: `latest CSAT ${csat.score} of 5` });
  if (!parts.length) return { score: 1, reason: "no open ticket, no CSAT" };
  return { score: Math.min(...parts.map((p) => p.score)), reason: parts.map((p) => p.reason).join("; ") };
}

function sentiment(features: CustomerFeatures, policy: Policy): Scored {
  const nps = features.latestNps;
  if (!nps) return { score: policy.health.unknownSentimentScore, reason: "no NPS answer" };
  return { score: nps.score / 10, reason: `latest NPS ${nps.score} of 10` };
}

