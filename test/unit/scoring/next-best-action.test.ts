import { describe, expect, it } from "vitest";
import type { Channel, ConsentPurpose } from "../../../src/db/schema/enums.js";
import type { CustomerFeatures } from "../../../src/domain/scoring/features.js";
import type { Lifecycle } from "../../../src/domain/scoring/lifecycle.js";
import { loyaltyStatus, type LoyaltyStatus } from "../../../src/domain/scoring/loyalty.js";
import { nextBestActions, preferredChannel } from "../../../src/domain/scoring/next-best-action.js";
import { DEFAULT_POLICY as P } from "../../../src/domain/scoring/policy.js";
import type { LifecycleStage, LoyaltyTier, NextBestActionType } from "../../../src/domain/scoring/vocabulary.js";
import { AS_OF, daysAfter, daysAgo, makeFeatures, order, TICK_DAYS } from "./features.factory.js";

const lifecycle = (stage: LifecycleStage): Lifecycle => ({
  stage,
  since: null,
  rule: `test.${stage}`,
  reasons: [`test reason for ${stage}`],
  inputs: {},
});
const loyalty = (overrides: Partial<LoyaltyStatus> = {}): LoyaltyStatus => ({
  tier: "BRONZE",
  qualifyingSpend: 0,
  nextTier: "SILVER",
  amountToNextTier: 2_000,
  progress: 0,
  pointsBalance: 0,
  pointsExpiringSoon: 0,
  expiringSoonBy: daysAfter(30),
  ...overrides,
});
const emailOk = { consents: [{ purpose: "EMAIL" as const, granted: true }] };

interface Case {
  features?: Partial<CustomerFeatures>;
  stage?: LifecycleStage;
  loyalty?: Partial<LoyaltyStatus>;
  asOf?: Date;
}
// A long-known, quiet customer with email consent, in AWARENESS: no action unless the case adds a trigger.
const recommend = ({ features = {}, stage = "AWARENESS", loyalty: l = {}, asOf = AS_OF }: Case = {}) =>
  nextBestActions(makeFeatures({ ...emailOk, ...features }), { lifecycle: lifecycle(stage), loyalty: loyalty(l) }, asOf, P);
const actionsOf = (c: Case = {}) => recommend(c).map((a) => a.action);
const offers = (action: NextBestActionType, c: Case) => actionsOf(c).includes(action);

describe("next-best-action triggers", () => {
  it("offers nothing without a trigger", () => {
    expect(recommend()).toEqual([]);
  });

  it.each<[NextBestActionType, LifecycleStage]>([
    ["WIN_BACK_OFFER", "DECLINING"],
    ["REACTIVATION_CAMPAIGN", "CHURNED"],
    ["FIRST_PURCHASE_INCENTIVE", "CONSIDERATION"],
    ["CROSS_SELL", "FIRST_PURCHASE"],
    ["CROSS_SELL", "STABLE"],
    ["CROSS_SELL", "REACTIVATED"],
  ])("offers %s in %s", (action, stage) => {
    expect(actionsOf({ stage })).toEqual([action]);
  });

  it("calls a consideration with a high-intent event an abandoned cart", () => {
    const [action] = recommend({ stage: "CONSIDERATION", features: { recentHighIntentEvents: 1 } });
    expect(action?.rule).toBe("nba.first-purchase-incentive.abandoned-cart");
  });

  const nps = (score: number, ago = 10): Case => ({ features: { latestNps: { score, at: daysAgo(ago) } } });
  const toNext = (tier: LoyaltyTier, nextTier: LoyaltyTier | null, amountToNextTier: number): Case => ({
    loyalty: { tier, nextTier, amountToNextTier },
  });
  it.each<[string, Case, NextBestActionType, boolean]>([
    ["an order exactly 14 days ago", { features: { orders: [order(14)] } }, "REVIEW_REQUEST", true],
    ["an order just over 14 days ago", { features: { orders: [order(14 + TICK_DAYS)] } }, "REVIEW_REQUEST", false],
    ["a cancelled order yesterday", { features: { orders: [order(1, 100, "CANCELLED")] } }, "REVIEW_REQUEST", false],
    ["NPS 9 answered lately", nps(9), "REFERRAL_INVITE", true],
    ["NPS 8", nps(8), "REFERRAL_INVITE", false],
    ["NPS 10 just inside the 90-day feedback window", nps(10, 90 - TICK_DAYS), "REFERRAL_INVITE", true],
    ["NPS 10 exactly 90 days ago", nps(10, 90), "REFERRAL_INVITE", false],
    ["exactly 20 % of SILVER still to spend", toNext("BRONZE", "SILVER", 400), "TIER_UPGRADE_NUDGE", true],
    ["a cent more than 20 % of SILVER to spend", toNext("BRONZE", "SILVER", 400.01), "TIER_UPGRADE_NUDGE", false],
    ["exactly 20 % of GOLD still to spend", toNext("SILVER", "GOLD", 1_600), "TIER_UPGRADE_NUDGE", true],
    ["a cent more than 20 % of GOLD to spend", toNext("SILVER", "GOLD", 1_600.01), "TIER_UPGRADE_NUDGE", false],
    ["exactly 20 % of PLATINUM still to spend", toNext("GOLD", "PLATINUM", 4_000), "TIER_UPGRADE_NUDGE", true],
    ["the top tier", toNext("PLATINUM", null, 0), "TIER_UPGRADE_NUDGE", false],
    ["PLATINUM", toNext("PLATINUM", null, 0), "VIP_CARE", true],
    ["GOLD", toNext("GOLD", "PLATINUM", 10_000), "VIP_CARE", false],
    ["a customer known for exactly 30 days", { features: { createdAt: daysAgo(30) } }, "WELCOME_ONBOARDING", true],
    ["a customer known for just over 30 days", { features: { createdAt: daysAgo(30 + TICK_DAYS) } }, "WELCOME_ONBOARDING", false],
  ])("%s → %s: %s", (_name, c, action, offered) => {
    expect(offers(action, c)).toBe(offered);
  });

  it.each([
    ["expiring in exactly 30 days", 30, true],
    ["expiring just after 30 days", 30 + TICK_DAYS, false],
  ])("reminds of points %s: %s", (_name, inDays, offered) => {
    const lot = { delta: 100, reason: "PURCHASE" as const, earnedAt: daysAgo(300), expiresAt: daysAfter(inDays) };
    const features = makeFeatures({ ...emailOk, pointsLedger: [lot] });
    expect(offers("POINTS_EXPIRY_REMINDER", { features, loyalty: loyaltyStatus(features, AS_OF, P) })).toBe(offered);
  });
});

describe("BIRTHDAY_GREETING", () => {
  it.each([
    ["today", "1990-06-15", "2025-06-15T12:00:00Z", true],
    ["in 7 days", "1990-06-22", "2025-06-15T12:00:00Z", true],
    ["in 8 days", "1990-06-23", "2025-06-15T12:00:00Z", false],
    ["yesterday (next one is a year away)", "1990-06-14", "2025-06-15T12:00:00Z", false],
    ["in 7 days across the new year", "1990-01-03", "2025-12-27T23:59:59Z", true],
    ["in 8 days across the new year", "1990-01-04", "2025-12-27T00:00:00Z", false],
    ["29 Feb kept on 28 Feb in a common year: 7 days", "2000-02-29", "2025-02-21T08:00:00Z", true],
    ["29 Feb kept on 28 Feb in a common year: 8 days", "2000-02-29", "2025-02-20T08:00:00Z", false],
    ["29 Feb in a leap year: 7 days", "2000-02-29", "2028-02-22T08:00:00Z", true],
    ["29 Feb in a leap year: 8 days", "2000-02-29", "2028-02-21T08:00:00Z", false],
    ["a 28 Feb birthday in a leap year: 7 days", "1999-02-28", "2028-02-21T08:00:00Z", true],
  ])("%s: %s as of %s → %s", (_name, birthDate, asOf, offered) => {
    expect(offers("BIRTHDAY_GREETING", { features: { birthDate }, asOf: new Date(asOf) })).toBe(offered);
  });

  it("ignores a malformed birth date", () => {
    expect(offers("BIRTHDAY_GREETING", { features: { birthDate: "1990-13-40" } })).toBe(false);
  });
});

describe("SERVICE_RECOVERY", () => {
  it.each<[string, Partial<CustomerFeatures>, boolean]>([
    ["an open HIGH ticket", { openTickets: { HIGH: 1 } }, true],
    ["an open URGENT ticket", { openTickets: { URGENT: 1 } }, true],
    ["an open NORMAL ticket", { openTickets: { NORMAL: 3 } }, false],
    ["CSAT 2", { latestCsat: { score: 2, at: daysAgo(5) } }, true],
    ["CSAT 3", { latestCsat: { score: 3, at: daysAgo(5) } }, false],
    ["CSAT 1 long ago", { latestCsat: { score: 1, at: daysAgo(200) } }, false],
    ["NPS 6", { latestNps: { score: 6, at: daysAgo(5) } }, true],
    ["NPS 7", { latestNps: { score: 7, at: daysAgo(5) } }, false],
  ])("%s → %s", (_name, features, offered) => {
    expect(offers("SERVICE_RECOVERY", { features })).toBe(offered);
  });

  it("suppresses every marketing action", () => {
    const c: Case = {
      stage: "DECLINING",
      features: { openTickets: { URGENT: 1 }, birthDate: "1990-06-16" },
      loyalty: { tier: "PLATINUM", nextTier: null, amountToNextTier: 0 },
    };
    expect(recommend(c)).toEqual([
      {
        action: "SERVICE_RECOVERY",
        channel: "EMAIL",
        priority: 100,
        reason: "1 open HIGH/URGENT ticket(s)",
        rule: "nba.service-recovery.urgent-ticket",
      },
    ]);
  });

  it("keeps suppressing marketing while the cap holds SERVICE_RECOVERY back", () => {
    const features = { openTickets: { HIGH: 1 }, recentActions: [{ action: "SERVICE_RECOVERY", offeredAt: daysAgo(2) }] };
    expect(recommend({ stage: "DECLINING", features })).toEqual([]);
  });

  it("reaches a customer without marketing consent through the service channel", () => {
    const result = recommend({ features: { consents: [], openTickets: { HIGH: 1 } } });
    expect(result.map((a) => [a.action, a.channel])).toEqual([["SERVICE_RECOVERY", "CALL_CENTER"]]);
  });
});

describe("consent, channel and frequency cap", () => {
  it.each<[string, CustomerFeatures["consents"]]>([
    ["no consent at all", []],
    ["a refused consent", [{ purpose: "EMAIL", granted: false }]],
    ["only PROFILING", [{ purpose: "PROFILING", granted: true }]],
  ])("offers no marketing with %s", (_name, consents) => {
    expect(recommend({ stage: "DECLINING", features: { consents } })).toEqual([]);
  });

  const granted = (...purposes: ConsentPurpose[]) => purposes.map((purpose) => ({ purpose, granted: true }));
  it.each<[string, ConsentPurpose[], CustomerFeatures["channelEngagement"], Channel | null]>([
    ["the most engaged consented channel", ["EMAIL", "PUSH"], { EMAIL: 5, APP: 2 }, "EMAIL"],
    ["ignoring busier channels without consent", ["EMAIL"], { WEB: 50, APP: 9, EMAIL: 1 }, "EMAIL"],
    ["the preferred channel on a tie", ["EMAIL", "WECHAT"], {}, "WECHAT"],
    ["SMS as the phone (CALL_CENTER)", ["SMS"], {}, "CALL_CENTER"],
    ["PUSH as APP", ["PUSH"], { APP: 1 }, "APP"],
    ["nothing without consent", [], { APP: 1 }, null],
  ])("picks %s", (_name, purposes, channelEngagement, channel) => {
    expect(preferredChannel(makeFeatures({ consents: granted(...purposes), channelEngagement }), P)).toBe(channel);
  });

  it("sends marketing actions through the preferred channel", () => {
    const features = { consents: [{ purpose: "WECHAT" as const, granted: true }] };
    expect(recommend({ stage: "STABLE", features })[0]?.channel).toBe("WECHAT");
  });

  it.each([
    ["just under 7 days ago", 7 - TICK_DAYS, false],
    ["exactly 7 days ago", 7, true],
  ])("re-offers an action offered %s: %s", (_name, ago, offered) => {
    const features = { recentActions: [{ action: "CROSS_SELL", offeredAt: daysAgo(ago) }] };
    expect(offers("CROSS_SELL", { stage: "STABLE", features })).toBe(offered);
  });

  it("caps only the action that was offered", () => {
    const features = { recentActions: [{ action: "REVIEW_REQUEST", offeredAt: daysAgo(1) }] };
    expect(actionsOf({ stage: "STABLE", features })).toEqual(["CROSS_SELL"]);
  });
});

describe("ranking", () => {
  it("orders actions by priority and explains each", () => {
    const features = makeFeatures({
      ...emailOk,
      orders: [order(3)],
      birthDate: "1990-06-18",
      latestNps: { score: 10, at: daysAgo(3) },
      pointsLedger: [{ delta: 50, reason: "PURCHASE", earnedAt: daysAgo(350), expiresAt: daysAfter(15) }],
    });
    const deps = { lifecycle: lifecycle("DECLINING"), loyalty: loyaltyStatus(features, AS_OF, P) };
    const result = nextBestActions(features, deps, AS_OF, P);
    expect(result.map((a) => [a.action, a.priority])).toEqual([
      ["WIN_BACK_OFFER", 90],
      ["POINTS_EXPIRY_REMINDER", 75],
      ["BIRTHDAY_GREETING", 65],
      ["REVIEW_REQUEST", 45],
      ["REFERRAL_INVITE", 40],
    ]);
    const birthday = result.find((a) => a.action === "BIRTHDAY_GREETING");
    expect(birthday).toMatchObject({ reason: "birthday in 3 days", rule: "nba.birthday.upcoming" });
    expect(result[0]?.reason).toBe("declining: test reason for DECLINING");
  });
});
