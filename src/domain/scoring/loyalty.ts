import type { CustomerFeatures, PointsEntry } from "./features.js";
import type { Policy } from "./policy.js";
import { countedOrders } from "./signals.js";
import { addDays, addMonths, clamp, round2 } from "./time.js";
import { LOYALTY_TIERS, type LoyaltyTier } from "./vocabulary.js";

export interface LoyaltyStatus {
  tier: LoyaltyTier;
  // Spend on counted orders in the rolling `qualifyingMonths` up to asOf.
  qualifyingSpend: number;
  nextTier: LoyaltyTier | null;
  // Spend still needed for the next tier; 0 at the top tier.
  amountToNextTier: number;
  // Progress from the current tier's threshold to the next one, 0–1 (1 at the top tier).
  progress: number;
  pointsBalance: number;
  pointsExpiringSoon: number;
  // The end of the "expiring soon" window.
  expiringSoonBy: Date;
}

/** Tier, qualifying spend, progress and points of one customer as of `asOf` (SPEC §3 Loyalty). */
export function loyaltyStatus(features: CustomerFeatures, asOf: Date, policy: Policy): LoyaltyStatus {
  const from = addMonths(asOf, -policy.loyalty.qualifyingMonths);
  const spend = round2(
    countedOrders(features, asOf, policy)
      .filter((o) => o.placedAt > from)
      .reduce((sum, o) => sum + o.total, 0),
  );
  const tier = tierForSpend(spend, policy);
  const nextTier = LOYALTY_TIERS[LOYALTY_TIERS.indexOf(tier) + 1] ?? null;
  const floor = policy.loyalty.tierThresholds[tier];
  const ceiling = nextTier ? policy.loyalty.tierThresholds[nextTier] : null;
  const points = pointsBalance(features.pointsLedger, asOf, policy);
  return {
    tier,
    qualifyingSpend: spend,
    nextTier,
    amountToNextTier: ceiling === null ? 0 : round2(ceiling - spend),
    progress: ceiling === null ? 1 : clamp((spend - floor) / (ceiling - floor), 0, 1),
    pointsBalance: points.balance,
    pointsExpiringSoon: points.expiringSoon,
    expiringSoonBy: addDays(asOf, policy.loyalty.expiringWithinDays),
  };
}

/** The highest tier whose threshold the qualifying spend reaches. */
export function tierForSpend(spend: number, policy: Policy): LoyaltyTier {
  return LOYALTY_TIERS.reduce<LoyaltyTier>((tier, t) => (spend >= policy.loyalty.tierThresholds[t] ? t : tier), "BRONZE");
}

/** Points an order of `total` earns at `tier`: 1 per currency unit times the tier multiplier, whole points. */
export function pointsForOrder(total: number, tier: LoyaltyTier, policy: Policy): number {
  return Math.floor(Math.max(0, total) * policy.loyalty.pointsPerCurrencyUnit * policy.loyalty.tierMultipliers[tier]);
}

interface Lot {
  left: number;
  expiresAt: Date;
}

/**
 * Points balance replayed from the ledger: each credit is a lot that expires `pointsExpiryMonths` after it was
 * earned (or at its own expiresAt); debits draw on the oldest live lots first. Expiry is derived here, so the
 * ledger's EXPIRE rows (its record of the same expiry) are not subtracted a second time. A debit larger than
 * the live points leaves a deficit that later credits pay off first.
 */
export function pointsBalance(
  ledger: readonly PointsEntry[],
  asOf: Date,
  policy: Policy,
): { balance: number; expiringSoon: number } {
  const entries = ledger
    .filter((e) => e.earnedAt <= asOf && e.reason !== "EXPIRE" && e.delta !== 0)
    // Same instant: credits first, so a redemption can use points earned with it.
    .sort((a, b) => a.earnedAt.getTime() - b.earnedAt.getTime() || b.delta - a.delta);
  let lots: Lot[] = [];
  let deficit = 0;
  for (const e of entries) {
    lots = lots.filter((lot) => lot.expiresAt > e.earnedAt && lot.left > 0);
    if (e.delta > 0) {
      const repaid = Math.min(deficit, e.delta);
      deficit -= repaid;
      const expiresAt = e.expiresAt ?? addMonths(e.earnedAt, policy.loyalty.pointsExpiryMonths);
      if (e.delta > repaid) lots.push({ left: e.delta - repaid, expiresAt });
    } else {
      let need = -e.delta;
      for (const lot of lots) {
        const used = Math.min(need, lot.left);
        lot.left -= used;
        need -= used;
      }
      deficit += need;
    }
  }
  const live = lots.filter((lot) => lot.expiresAt > asOf);
  const soon = addDays(asOf, policy.loyalty.expiringWithinDays);
  return {
    balance: live.reduce((sum, lot) => sum + lot.left, 0) - deficit,
    expiringSoon: live.filter((lot) => lot.expiresAt <= soon).reduce((sum, lot) => sum + lot.left, 0),
  };
}
