import type { Channel } from "../../db/schema/enums.js";
import type { CustomerFeatures, Feedback } from "./features.js";
import type { Lifecycle } from "./lifecycle.js";
import type { LoyaltyStatus } from "./loyalty.js";
import type { Policy } from "./policy.js";
import { countedOrders } from "./signals.js";
import { addDays, daysBetween, daysUntilBirthday, round2 } from "./time.js";
import { NEXT_BEST_ACTIONS, type LifecycleStage, type NextBestActionType } from "./vocabulary.js";

export interface NextBestAction {
  action: NextBestActionType;
  channel: Channel;
  priority: number;
  reason: string;
  rule: string;
}

interface Context {
  features: CustomerFeatures;
  lifecycle: Lifecycle;
  loyalty: LoyaltyStatus;
  asOf: Date;
  policy: Policy;
}

type Trigger = { reason: string; rule: string };
type Rule = (c: Context) => Trigger | null;

const when = (condition: boolean, reason: () => string, rule: string): Trigger | null =>
  condition ? { reason: reason(), rule } : null;
const inStage = (c: Context, ...stages: LifecycleStage[]) => stages.includes(c.lifecycle.stage);
const why = (c: Context) => c.lifecycle.reasons[0] ?? c.lifecycle.rule;
// CSAT and NPS answers count as current feedback for a while, not forever.
const recent = (c: Context, feedback: Feedback | null): feedback is Feedback =>
  feedback !== null && feedback.at > addDays(c.asOf, -c.policy.service.feedbackWindowDays);

function serviceRecovery(c: Context): Trigger | null {
  const { service, nps } = c.policy;
  const { latestCsat: csat, latestNps: answer, openTickets } = c.features;
  const urgent = service.urgentTicketPriorities.reduce((sum, p) => sum + (openTickets[p] ?? 0), 0);
  if (urgent > 0) {
    const reason = `${urgent} open ${service.urgentTicketPriorities.join("/")} ticket(s)`;
    return { reason, rule: "nba.service-recovery.urgent-ticket" };
  }
  if (recent(c, csat) && csat.score <= service.poorCsatMax)
    return { reason: `latest CSAT ${csat.score} (≤ ${service.poorCsatMax})`, rule: "nba.service-recovery.poor-csat" };
  if (recent(c, answer) && answer.score <= nps.detractorMax)
    return { reason: `latest NPS ${answer.score} (≤ ${nps.detractorMax})`, rule: "nba.service-recovery.detractor" };
  return null;
}

function tierUpgradeNudge(c: Context): Trigger | null {
  const { nextTier, amountToNextTier } = c.loyalty;
  if (nextTier === null || amountToNextTier <= 0) return null;
  const within = c.policy.nextBestAction.tierNudgeWithinRatio * c.policy.loyalty.tierThresholds[nextTier];
  const reason = () => `${amountToNextTier} more spend reaches ${nextTier} (within ${round2(within)})`;
  return when(amountToNextTier <= within, reason, "nba.tier-upgrade.near-next-tier");
}

function birthdayGreeting(c: Context): Trigger | null {
  const days = c.features.birthDate === null ? null : daysUntilBirthday(c.features.birthDate, c.asOf);
  const soon = days !== null && days <= c.policy.nextBestAction.birthdayWithinDays;
  return when(soon, () => (days === 0 ? "birthday today" : `birthday in ${days} days`), "nba.birthday.upcoming");
}

function reviewRequest(c: Context): Trigger | null {
  const last = countedOrders(c.features, c.asOf, c.policy).at(-1);
  const days = last ? daysBetween(last.placedAt, c.asOf) : Infinity;
  const reason = () => `ordered ${round2(days)} days ago`;
  return when(days <= c.policy.nextBestAction.reviewWindowDays, reason, "nba.review-request.recent-order");
}

const RULES: Record<NextBestActionType, Rule> = {
  SERVICE_RECOVERY: serviceRecovery,
  WIN_BACK_OFFER: (c) => when(inStage(c, "DECLINING"), () => `declining: ${why(c)}`, "nba.win-back.declining"),
  REACTIVATION_CAMPAIGN: (c) => when(inStage(c, "CHURNED"), () => `churned: ${why(c)}`, "nba.reactivation.churned"),
  FIRST_PURCHASE_INCENTIVE: (c) => {
    if (!inStage(c, "CONSIDERATION")) return null;
    const cart = c.features.recentHighIntentEvents > 0;
    const rule = cart ? "nba.first-purchase-incentive.abandoned-cart" : "nba.first-purchase-incentive.consideration";
    return { reason: c.lifecycle.reasons.join("; "), rule };
  },
  POINTS_EXPIRY_REMINDER: (c) => {
    const { pointsExpiringSoon: points } = c.loyalty;
    const reason = () => `${points} points expire within ${c.policy.loyalty.expiringWithinDays} days`;
    return when(points > 0, reason, "nba.points-expiry.expiring-soon");
  },
  VIP_CARE: (c) => when(c.loyalty.tier === "PLATINUM", () => "PLATINUM member", "nba.vip-care.platinum"),
  BIRTHDAY_GREETING: birthdayGreeting,
  TIER_UPGRADE_NUDGE: tierUpgradeNudge,
  WELCOME_ONBOARDING: (c) => {
    const known = daysBetween(c.features.createdAt, c.asOf);
    const reason = () => `new customer, known for ${round2(known)} days`;
    return when(known <= c.policy.nextBestAction.welcomeWindowDays, reason, "nba.welcome.new-customer");
  },
  REVIEW_REQUEST: reviewRequest,
  REFERRAL_INVITE: (c) => {
    const answer = c.features.latestNps;
    const promoter = recent(c, answer) && answer.score >= c.policy.nps.promoterMin;
    return when(promoter, () => `promoter: NPS ${answer?.score}`, "nba.referral.promoter");
  },
  CROSS_SELL: (c) => {
    const active = inStage(c, "FIRST_PURCHASE", "STABLE", "REACTIVATED");
    return when(active, () => `active buyer (${c.lifecycle.stage})`, "nba.cross-sell.active-buyer");
  },
};

/**
 * Next-best-actions (SPEC §3), highest priority first. Marketing actions need a consented channel and are
 * suppressed while SERVICE_RECOVERY applies (even when the cap holds SERVICE_RECOVERY itself back); an action
 * offered within the frequency cap is left out.
 */
export function nextBestActions(
  features: CustomerFeatures,
  deps: { lifecycle: Lifecycle; loyalty: LoyaltyStatus },
  asOf: Date,
  policy: Policy,
): NextBestAction[] {
  const context: Context = { features, ...deps, asOf, policy };
  const marketingChannel = preferredChannel(features, policy);
  const capFrom = addDays(asOf, -policy.nextBestAction.frequencyCapDays);
  const capped = (action: NextBestActionType) =>
    features.recentActions.some((a) => a.action === action && a.offeredAt > capFrom && a.offeredAt <= asOf);
  const recovering = serviceRecovery(context) !== null;
  const out: NextBestAction[] = [];
  for (const action of NEXT_BEST_ACTIONS) {
    const marketing = action !== "SERVICE_RECOVERY";
    if (marketing && (recovering || marketingChannel === null)) continue;
    const trigger = RULES[action](context);
    if (!trigger || capped(action)) continue;
    const channel = marketingChannel ?? policy.nextBestAction.serviceChannel;
    out.push({ action, channel, priority: policy.nextBestAction.priorities[action], ...trigger });
  }
  // Stable sort: equal priorities keep catalog order.
  return out.sort((a, b) => b.priority - a.priority);
}

/**
 * The customer's most-engaged channel over the channel window among channels with marketing consent; ties go
 * to the policy's channel preference. Null without any marketing consent.
 */
export function preferredChannel(features: CustomerFeatures, policy: Policy): Channel | null {
  const { consentChannels, channelPreference } = policy.nextBestAction;
  const granted = features.consents.filter((c) => c.granted);
  const consented = new Set(granted.flatMap((c) => consentChannels[c.purpose] ?? []));
  const rank = (channel: Channel) => {
    const i = channelPreference.indexOf(channel);
    return i === -1 ? channelPreference.length : i;
  };
  const engagement = (channel: Channel) => features.channelEngagement[channel] ?? 0;
  return [...consented].sort((a, b) => engagement(b) - engagement(a) || rank(a) - rank(b))[0] ?? null;
}
