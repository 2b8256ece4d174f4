import { churnRisk, type ChurnRisk } from "./churn.js";
import { expectedCycle, type PurchaseCycle } from "./cycle.js";
import type { CustomerFeatures, PopulationStats } from "./features.js";
import { healthScore, type Health } from "./health.js";
import { classifyLifecycle, type Lifecycle } from "./lifecycle.js";
import { loyaltyStatus, type LoyaltyStatus } from "./loyalty.js";
import { nextBestActions, preferredChannel, type NextBestAction } from "./next-best-action.js";
import { DEFAULT_POLICY, type Policy } from "./policy.js";
import { rfmProfile, type Rfm } from "./rfm.js";
import { customerValue, type CustomerValue } from "./value.js";
import type { Channel } from "../../db/schema/enums.js";

export * from "./churn.js";
export * from "./cycle.js";
export * from "./features.js";
export * from "./health.js";
export * from "./lifecycle.js";
export * from "./loyalty.js";
export * from "./next-best-action.js";
export * from "./policy.js";
export * from "./rfm.js";
export * from "./value.js";
export * from "./vocabulary.js";

export interface CustomerScores {
  customerId: string;
  asOf: Date;
  policyVersion: string;
  cycle: PurchaseCycle;
  lifecycle: Lifecycle;
  rfm: Rfm;
  health: Health;
  churnRisk: ChurnRisk;
  loyalty: LoyaltyStatus;
  value: CustomerValue;
  preferredChannel: Channel | null;
  nextBestActions: NextBestAction[];
}

/**
 * Every computed field of SPEC §3 for one customer as of `asOf`: a pure function of its arguments, so the
 * same inputs always give the same result (and a past `asOf` replays history for back-tests).
 */
export function scoreCustomer(
  features: CustomerFeatures,
  population: PopulationStats,
  asOf: Date,
  policy: Policy = DEFAULT_POLICY,
): CustomerScores {
  const cycle = expectedCycle(features, population, asOf, policy);
  const cycleDays = cycle.days;
  const loyalty = loyaltyStatus(features, asOf, policy);
  const lifecycle = classifyLifecycle(features, { cycleDays, tier: loyalty.tier }, asOf, policy);
  const rfm = rfmProfile(features, population, asOf, policy);
  const churn = churnRisk(features, { cycleDays }, asOf, policy);
  return {
    customerId: features.customerId,
    asOf,
    policyVersion: policy.version,
    cycle,
    lifecycle,
    rfm,
    health: healthScore(features, { cycleDays, rfm }, asOf, policy),
    churnRisk: churn,
    loyalty,
    value: customerValue(features, { cycleDays, churnProbability: churn.probability }, asOf, policy),
    preferredChannel: preferredChannel(features, policy),
    nextBestActions: nextBestActions(features, { lifecycle, loyalty }, asOf, policy),
  };
}
