import type { CustomerFeatures, PopulationStats, RfmCutPoints } from "./features.js";
import type { Policy } from "./policy.js";
import { countedOrders } from "./signals.js";
import { addDays, daysBetween, round2 } from "./time.js";
import type { RfmSegment } from "./vocabulary.js";

export interface RfmScores {
  recency: number;
  frequency: number;
  monetary: number;
  // round((F + M) / 2): the column of the segment map.
  frequencyMonetary: number;
}

export interface Rfm {
  // Days since the last purchase; null for a customer who never bought.
  recencyDays: number | null;
  // Purchases and spend in the last `rfm.windowDays`.
  frequency: number;
  monetary: number;
  // Null (as is the segment) for a customer who never bought: RFM describes buyers.
  scores: RfmScores | null;
  segment: RfmSegment | null;
  cutPointsComputedAt: Date;
}

// The common R × FM segment grid (Putler's eleven segments, their overlapping ranges resolved cell by cell);
// rows are R = 5 … 1, columns FM = 1 … 5.
const SEGMENT_GRID: readonly (readonly RfmSegment[])[] = [
  ["New", "Potential Loyalist", "Loyal", "Champions", "Champions"],
  ["Promising", "Potential Loyalist", "Loyal", "Champions", "Champions"],
  ["About to Sleep", "Need Attention", "Need Attention", "Loyal", "Loyal"],
  ["Hibernating", "Hibernating", "At Risk", "At Risk", "At Risk"],
  ["Lost", "Lost", "At Risk", "Can't Lose", "Can't Lose"],
];

/** Recency, frequency and monetary value of one customer, scored 1–5 against the population's cut points. */
export function rfmProfile(features: CustomerFeatures, population: PopulationStats, asOf: Date, policy: Policy): Rfm {
  const orders = countedOrders(features, asOf, policy);
  const from = addDays(asOf, -policy.rfm.windowDays);
  const inWindow = orders.filter((o) => o.placedAt > from);
  const last = orders.at(-1);
  const recencyDays = last ? daysBetween(last.placedAt, asOf) : null;
  const frequency = inWindow.length;
  const monetary = round2(inWindow.reduce((sum, o) => sum + o.total, 0));
  const cuts = population.rfmCutPoints;
  const scores =
    recencyDays === null
      ? null
      : withFm(
          rfmScore(recencyDays, cuts.recency, "lower"),
          rfmScore(frequency, cuts.frequency),
          rfmScore(monetary, cuts.monetary),
        );
  return {
    recencyDays: recencyDays === null ? null : round2(recencyDays),
    frequency,
    monetary,
    scores,
    segment: scores ? rfmSegment(scores.recency, scores.frequencyMonetary) : null,
    cutPointsComputedAt: population.computedAt,
  };
}

/**
 * Score 1–5 of `value` against ascending quintile cut points: one more for each cut point it exceeds (a value
 * equal to a cut point stays in the lower quintile); reversed when lower is better (recency). 3 without cut points.
 */
export function rfmScore(value: number, cuts: readonly number[], better: "higher" | "lower" = "higher"): number {
  if (cuts.length === 0) return 3;
  const above = cuts.filter((cut) => value > cut).length;
  return better === "higher" ? above + 1 : cuts.length + 1 - above;
}

/** The named segment of an R score and a combined FM score, both 1–5. */
export function rfmSegment(recency: number, frequencyMonetary: number): RfmSegment {
  const row = SEGMENT_GRID[5 - clampScore(recency)]!;
  return row[clampScore(frequencyMonetary) - 1]!;
}

/**
 * Cut points of the population's recency days, purchase counts and spend (customers with a purchase) at
 * the policy's quantiles, interpolated like PostgreSQL's percentile_cont so SQL and tests agree.
 */
export function computeRfmCutPoints(
  values: { recency: readonly number[]; frequency: readonly number[]; monetary: readonly number[] },
  policy: Policy,
): RfmCutPoints {
  const cuts = (xs: readonly number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted.length ? policy.rfm.quantiles.map((q) => percentile(sorted, q)) : [];
  };
  return { recency: cuts(values.recency), frequency: cuts(values.frequency), monetary: cuts(values.monetary) };
}

/** Median of the values (percentile_cont 0.5); null when empty. */
export function median(values: readonly number[]): number | null {
  return values.length ? percentile([...values].sort((a, b) => a - b), 0.5) : null;
}

function percentile(sorted: readonly number[], q: number): number {
  const at = q * (sorted.length - 1);
  const lower = sorted[Math.floor(at)]!;
  const upper = sorted[Math.ceil(at)]!;
  return lower + (upper - lower) * (at - Math.floor(at));
}

const clampScore = (score: number) => Math.min(5, Math.max(1, Math.round(score)));

function withFm(recency: number, frequency: number, monetary: number): RfmScores {
  return { recency, frequency, monetary, frequencyMonetary: Math.round((frequency + monetary) / 2) };
}
