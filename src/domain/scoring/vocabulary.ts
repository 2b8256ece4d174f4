// The named values of SPEC §3. The GraphQL layer registers its enums from these lists, as it does for the
// table enums in db/schema/enums.ts, so the public values and the domain values cannot drift apart.

export const LIFECYCLE_STAGES = [
  "AWARENESS",
  "CONSIDERATION",
  "FIRST_PURCHASE",
  "STABLE",
  "DECLINING",
  "CHURNED",
  "REACTIVATED",
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

// Ascending: a tier's index is its rank.
export const LOYALTY_TIERS = ["BRONZE", "SILVER", "GOLD", "PLATINUM"] as const;
export type LoyaltyTier = (typeof LOYALTY_TIERS)[number];

export const HEALTH_GRADES = ["HEALTHY", "NEUTRAL", "AT_RISK"] as const;
export type HealthGrade = (typeof HEALTH_GRADES)[number];

export const CHURN_RISK_LEVELS = ["LOW", "MEDIUM", "HIGH"] as const;
export type ChurnRiskLevel = (typeof CHURN_RISK_LEVELS)[number];

export const RFM_SEGMENTS = [
  "Champions",
  "Loyal",
  "Potential Loyalist",
  "New",
  "Promising",
  "Need Attention",
  "About to Sleep",
  "At Risk",
  "Can't Lose",
  "Hibernating",
  "Lost",
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

// The catalog of SPEC §3, in the order ties of priority are broken.
export const NEXT_BEST_ACTIONS = [
  "SERVICE_RECOVERY",
  "WIN_BACK_OFFER",
  "REACTIVATION_CAMPAIGN",
  "FIRST_PURCHASE_INCENTIVE",
  "POINTS_EXPIRY_REMINDER",
  "VIP_CARE",
  "BIRTHDAY_GREETING",
  "TIER_UPGRADE_NUDGE",
  "WELCOME_ONBOARDING",
  "REVIEW_REQUEST",
  "REFERRAL_INVITE",
  "CROSS_SELL",
] as const;
export type NextBestActionType = (typeof NEXT_BEST_ACTIONS)[number];

export const HEALTH_COMPONENTS = ["recency", "frequency", "monetary", "engagementTrend", "service", "sentiment"] as const;
export type HealthComponentName = (typeof HEALTH_COMPONENTS)[number];

export const CHURN_SIGNALS = [
  "recencyCycles",
  "activityDrop",
  "aovDrop",
  "openTickets",
  "detractorNps",
  "daysWithoutInteraction",
] as const;
export type ChurnSignalName = (typeof CHURN_SIGNALS)[number];
