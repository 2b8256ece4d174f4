import type { Channel, ConsentPurpose, OrderStatus, TicketPriority } from "../../db/schema/enums.js";
import {
  CHURN_SIGNALS,
  HEALTH_COMPONENTS,
  LOYALTY_TIERS,
  type ChurnSignalName,
  type HealthComponentName,
  type LoyaltyTier,
  type NextBestActionType,
} from "./vocabulary.js";

// Every threshold and weight of SPEC §3. Scoring code reads these; it never repeats a number.
export interface Policy {
  readonly version: string;
  readonly orders: {
    // Orders that count as purchases everywhere (cycle, lifecycle, RFM, value, tier). PLACED is not paid yet
    // and may still be cancelled; CANCELLED and REFUNDED are no purchase at all.
    readonly countedStatuses: readonly OrderStatus[];
  };
  readonly cycle: {
    readonly minDays: number;
    readonly maxDays: number;
    readonly minOrdersForOwnCycle: number;
    // Used only while the population has no repeat buyer to take a median from.
    readonly fallbackDays: number;
  };
  readonly lifecycle: {
    // One window for CONSIDERATION's engagement and the "last 30 days" of the activity-drop rule.
    readonly recentDays: number;
    // The activity baseline is the `baselineDays` before the recent window, averaged per `recentDays`.
    readonly baselineDays: number;
    readonly considerationMinEvents: number;
    readonly highIntentEventTypes: readonly string[];
    readonly decliningAfterCycles: number;
    readonly churnedAfterCycles: number;
    readonly activityDropRatio: number;
    readonly aovWindowCycles: number;
    readonly aovDropRatio: number;
    readonly coreMinTier: LoyaltyTier;
    readonly coreSilentDays: number;
  };
  readonly rfm: { readonly windowDays: number; readonly quantiles: readonly number[] };
  readonly health: {
    readonly weights: Readonly<Record<HealthComponentName, number>>;
    readonly healthyMin: number;
    readonly neutralMin: number;
    // Service score with an open ticket of ordinary priority (an urgent one scores 0).
    readonly openTicketScore: number;
    // Sentiment score of a customer who never answered NPS: neither promoter nor detractor.
    readonly unknownSentimentScore: number;
  };
  readonly churn: {
    readonly intercept: number;
    readonly coefficients: Readonly<Record<ChurnSignalName, number>>;
    readonly mediumMin: number;
    readonly highMin: number;
  };
  readonly service: {
    readonly urgentTicketPriorities: readonly TicketPriority[];
    readonly poorCsatMax: number;
    // CSAT and NPS answers older than this no longer trigger SERVICE_RECOVERY or REFERRAL_INVITE.
    readonly feedbackWindowDays: number;
  };
  readonly nps: { readonly detractorMax: number; readonly promoterMin: number };
  readonly loyalty: {
    readonly pointsPerCurrencyUnit: number;
    readonly tierMultipliers: Readonly<Record<LoyaltyTier, number>>;
    readonly bonusPoints: { readonly SIGN_IN: number; readonly REVIEW: number; readonly REFERRAL: number };
    readonly pointsExpiryMonths: number;
    readonly qualifyingMonths: number;
    readonly tierThresholds: Readonly<Record<LoyaltyTier, number>>;
    readonly expiringWithinDays: number;
  };
  readonly value: { readonly horizonDays: number };
  readonly nextBestAction: {
    readonly tierNudgeWithinRatio: number;
    readonly reviewWindowDays: number;
    readonly birthdayWithinDays: number;
    readonly welcomeWindowDays: number;
    readonly frequencyCapDays: number;
    readonly channelWindowDays: number;
    // SMS and PHONE both reach the customer's phone, which the channel list calls CALL_CENTER.
    // PROFILING is no channel: it is not a marketing consent.
    readonly consentChannels: Readonly<Partial<Record<ConsentPurpose, Channel>>>;
    // Among equally engaged consented channels, the first in this list wins.
    readonly channelPreference: readonly Channel[];
    // SERVICE_RECOVERY is service, not marketing: it goes out even without marketing consent, here.
    readonly serviceChannel: Channel;
    readonly priorities: Readonly<Record<NextBestActionType, number>>;
  };
}

export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
    : T;

export const DEFAULT_POLICY: Policy = deepFreeze({
  version: "2025.1",
  orders: { countedStatuses: ["PAID", "SHIPPED", "COMPLETED"] },
  cycle: { minDays: 7, maxDays: 180, minOrdersForOwnCycle: 3, fallbackDays: 30 },
  lifecycle: {
    recentDays: 30,
    baselineDays: 90,
    considerationMinEvents: 3,
    highIntentEventTypes: ["ADD_TO_CART", "INQUIRY", "TRIAL_START"],
    decliningAfterCycles: 1.5,
    churnedAfterCycles: 3,
    activityDropRatio: 0.7,
    aovWindowCycles: 2,
    aovDropRatio: 0.2,
    coreMinTier: "GOLD",
    coreSilentDays: 15,
  },
  rfm: { windowDays: 365, quantiles: [0.2, 0.4, 0.6, 0.8] },
  health: {
    weights: { recency: 25, frequency: 20, monetary: 15, engagementTrend: 20, service: 10, sentiment: 10 },
    healthyMin: 70,
    neutralMin: 40,
    openTicketScore: 0.5,
    unknownSentimentScore: 0.5,
  },
  // Hand-set priors, not a fitted model: a customer on cycle with no other signal scores ≈ 0.06, one at the
  // churn line (3 cycles) ≈ 0.65 before any other signal. Refit these from back-tests (`asOf`) when data allows.
  churn: {
    intercept: -3,
    coefficients: {
      recencyCycles: 1.2,
      activityDrop: 1.5,
      aovDrop: 1,
      openTickets: 0.5,
      detractorNps: 1,
      daysWithoutInteraction: 0.01,
    },
    mediumMin: 0.3,
    highMin: 0.6,
  },
  service: { urgentTicketPriorities: ["HIGH", "URGENT"], poorCsatMax: 2, feedbackWindowDays: 90 },
  nps: { detractorMax: 6, promoterMin: 9 },
  loyalty: {
    pointsPerCurrencyUnit: 1,
    tierMultipliers: { BRONZE: 1, SILVER: 1.25, GOLD: 1.5, PLATINUM: 2 },
    bonusPoints: { SIGN_IN: 5, REVIEW: 20, REFERRAL: 200 },
    pointsExpiryMonths: 12,
    qualifyingMonths: 12,
    tierThresholds: { BRONZE: 0, SILVER: 2_000, GOLD: 8_000, PLATINUM: 20_000 },
    expiringWithinDays: 30,
  },
  value: { horizonDays: 365 },
  nextBestAction: {
    tierNudgeWithinRatio: 0.2,
    reviewWindowDays: 14,
    birthdayWithinDays: 7,
    welcomeWindowDays: 30,
    frequencyCapDays: 7,
    channelWindowDays: 90,
    consentChannels: { EMAIL: "EMAIL", SMS: "CALL_CENTER", PHONE: "CALL_CENTER", WECHAT: "WECHAT", PUSH: "APP" },
    channelPreference: ["APP", "WECHAT", "EMAIL", "CALL_CENTER"],
    serviceChannel: "CALL_CENTER",
    priorities: {
      SERVICE_RECOVERY: 100,
      WIN_BACK_OFFER: 90,
      REACTIVATION_CAMPAIGN: 85,
      FIRST_PURCHASE_INCENTIVE: 80,
      POINTS_EXPIRY_REMINDER: 75,
      VIP_CARE: 70,
      BIRTHDAY_GREETING: 65,
      TIER_UPGRADE_NUDGE: 60,
      WELCOME_ONBOARDING: 55,
      REVIEW_REQUEST: 45,
      REFERRAL_INVITE: 40,
      CROSS_SELL: 30,
    },
  },
});

/**
 * The default policy with `overrides` deep-merged in (arrays are replaced whole), validated. Without an
 * explicit `version`, a changed policy reports the default version plus a hash of its content, so every
 * result says which numbers produced it. Throws an Error listing every problem.
 */
export function definePolicy(overrides: DeepPartial<Policy>, base: Policy = DEFAULT_POLICY): Policy {
  const unknown: string[] = [];
  const merged = deepMerge(base, overrides, "", unknown) as Policy;
  const { version: _merged, ...content } = merged;
  const { version: _base, ...baseContent } = base;
  const changed = JSON.stringify(content) !== JSON.stringify(baseContent);
  const version = overrides.version ?? (changed ? `${base.version}+${fnv1a(JSON.stringify(content))}` : base.version);
  const policy = { ...merged, version };
  const problems = [...unknown.map((path) => `${path} is not a policy setting`), ...policyProblems(policy)];
  if (problems.length) throw new Error(`Invalid scoring policy: ${problems.join("; ")}`);
  return deepFreeze(policy);
}

function policyProblems(p: Policy): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const ascending = (xs: readonly number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);
  expect(p.version.trim() !== "", "version must not be empty");
  for (const [path, value] of numbers(p)) {
    // Only the churn intercept may be negative: it is the log-odds of a customer with no signal.
    if (!Number.isFinite(value)) problems.push(`${path} must be a finite number, got ${value}`);
    else if (value < 0 && path !== "churn.intercept") problems.push(`${path} must not be negative, got ${value}`);
  }
  const weightSum = HEALTH_COMPONENTS.reduce((sum, c) => sum + p.health.weights[c], 0);
  expect(Math.abs(weightSum - 100) < 1e-9, `health.weights must sum to 100, got ${weightSum}`);
  expect(p.health.neutralMin < p.health.healthyMin, "health needs neutralMin < healthyMin");
  expect(p.health.healthyMin <= 100, "health.healthyMin must be ≤ 100");
  expect(ascending([0, p.churn.mediumMin, p.churn.highMin]) && p.churn.highMin <= 1, "churn needs 0 < mediumMin < highMin ≤ 1");
  expect(CHURN_SIGNALS.every((s) => s in p.churn.coefficients), "churn.coefficients needs every signal");
  const thresholds = LOYALTY_TIERS.map((t) => p.loyalty.tierThresholds[t]);
  expect(thresholds[0] === 0, "loyalty.tierThresholds.BRONZE must be 0");
  expect(ascending(thresholds), "loyalty.tierThresholds must ascend BRONZE < SILVER < GOLD < PLATINUM");
  expect(0 < p.cycle.minDays && p.cycle.minDays <= p.cycle.maxDays, "cycle needs 0 < minDays ≤ maxDays");
  expect(p.cycle.minOrdersForOwnCycle >= 2, "cycle.minOrdersForOwnCycle must be at least 2 (one interval)");
  const { decliningAfterCycles, churnedAfterCycles } = p.lifecycle;
  expect(decliningAfterCycles < churnedAfterCycles, "lifecycle needs decliningAfterCycles < churnedAfterCycles");
  expect(LOYALTY_TIERS.includes(p.lifecycle.coreMinTier), `lifecycle.coreMinTier must be one of ${LOYALTY_TIERS.join(", ")}`);
  const ratios = {
    "lifecycle.activityDropRatio": p.lifecycle.activityDropRatio,
    "lifecycle.aovDropRatio": p.lifecycle.aovDropRatio,
    "nextBestAction.tierNudgeWithinRatio": p.nextBestAction.tierNudgeWithinRatio,
    "health.openTicketScore": p.health.openTicketScore,
    "health.unknownSentimentScore": p.health.unknownSentimentScore,
  };
  for (const [path, value] of Object.entries(ratios)) expect(value <= 1, `${path} must be ≤ 1`);
  // Four cut points make the five scores the segment map is drawn for.
  const q = p.rfm.quantiles;
  expect(q.length === 4 && ascending([0, ...q, 1]), "rfm.quantiles must be four values ascending strictly inside (0, 1)");
  expect(p.nps.detractorMax < p.nps.promoterMin && p.nps.promoterMin <= 10, "nps needs detractorMax < promoterMin ≤ 10");
  expect(p.orders.countedStatuses.length > 0, "orders.countedStatuses must not be empty");
  return problems;
}

// Every numeric leaf with its dotted path.
function numbers(value: unknown, path = ""): [string, number][] {
  if (typeof value === "number") return [[path, value]];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, v]) => numbers(v, path ? `${path}.${key}` : key));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

// Objects merge key by key; anything else (numbers, strings, arrays) is replaced. Keys the base lacks are
// reported: a typo in configuration must not be silently ignored.
function deepMerge(base: unknown, override: unknown, path: string, unknown: string[]): unknown {
  if (override === undefined) return base;
  if (!isRecord(base) || !isRecord(override)) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const at = path ? `${path}.${key}` : key;
    if (!(key in base)) unknown.push(at);
    else out[key] = deepMerge(base[key], value, at, unknown);
  }
  return out;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

// A short stable content hash (FNV-1a, 32 bits) for policy versions; not for security.
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, "0");
}
