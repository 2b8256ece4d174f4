import type { CustomerFeatures } from "./features.js";
import type { Policy } from "./policy.js";
import { measureSignals } from "./signals.js";
import { clamp, round2 } from "./time.js";
import { CHURN_SIGNALS, type ChurnRiskLevel, type ChurnSignalName } from "./vocabulary.js";

export interface ChurnSignal {
  name: ChurnSignalName;
  value: number;
  coefficient: number;
  // coefficient × value: its share of the log-odds.
  contribution: number;
}

export interface ChurnRisk {
  probability: number;
  level: ChurnRiskLevel;
  // The signals that raise the risk, largest contribution first.
  signals: ChurnSignal[];
}

/**
 * Churn probability from the policy's logistic model over the decline signals, its level and the signals
 * that contribute to it. A customer who never bought has no purchase rhythm to break: recency counts 0.
 */
export function churnRisk(features: CustomerFeatures, deps: { cycleDays: number }, asOf: Date, policy: Policy): ChurnRisk {
  const s = measureSignals(features, deps.cycleDays, asOf, policy);
  const values: Record<ChurnSignalName, number> = {
    recencyCycles: s.daysSinceLastOrder === null ? 0 : s.daysSinceLastOrder / deps.cycleDays,
    // Shortfall against the baseline and the prior order value, as fractions 0–1.
    activityDrop: s.baselineEventsPerWindow > 0 ? clamp(1 - s.recentEvents / s.baselineEventsPerWindow, 0, 1) : 0,
    aovDrop: s.recentAov !== null && s.priorAov ? clamp(1 - s.recentAov / s.priorAov, 0, 1) : 0,
    openTickets: Object.values(features.openTickets).reduce((sum, n) => sum + (n ?? 0), 0),
    detractorNps: features.latestNps !== null && features.latestNps.score <= policy.nps.detractorMax ? 1 : 0,
    daysWithoutInteraction: s.daysSinceInteraction,
  };
  const signals = CHURN_SIGNALS.map((name) => {
    const coefficient = policy.churn.coefficients[name];
    return { name, value: round2(values[name]), coefficient, contribution: coefficient * values[name] };
  });
  const logit = policy.churn.intercept + signals.reduce((sum, x) => sum + x.contribution, 0);
  // Four decimals, and the level read from the reported number, so the two never disagree at a boundary.
  const probability = Math.round(1e4 / (1 + Math.exp(-logit))) / 1e4;
  return {
    probability,
    level: churnLevel(probability, policy),
    signals: signals
      .filter((x) => x.contribution > 0)
      .sort((a, b) => b.contribution - a.contribution)
      .map((x) => ({ ...x, contribution: round2(x.contribution) })),
  };
}

/** LOW below `mediumMin`, HIGH from `highMin`, MEDIUM between. */
export function churnLevel(probability: number, policy: Policy): ChurnRiskLevel {
  if (probability >= policy.churn.highMin) return "HIGH";
  return probability >= policy.churn.mediumMin ? "MEDIUM" : "LOW";
}
