import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY as P } from "../../../src/domain/scoring/policy.js";
import { computeRfmCutPoints, median, rfmProfile, rfmScore, rfmSegment } from "../../../src/domain/scoring/rfm.js";
import { AS_OF, makeFeatures, makePopulation, order, TICK_DAYS } from "./features.factory.js";

describe("rfmScore", () => {
  const cuts = [10, 20, 30, 40];
  it.each([
    [5, 1],
    [10, 1],
    [10.01, 2],
    [20, 2],
    [30.5, 4],
    [40, 4],
    [41, 5],
  ])("a value of %s scores %s when higher is better", (value, score) => {
    expect(rfmScore(value, cuts)).toBe(score);
  });

  it.each([
    [0, 5],
    [10, 5],
    [10.01, 4],
    [40, 2],
    [400, 1],
  ])("%s days since the last order score %s (lower is better)", (value, score) => {
    expect(rfmScore(value, cuts, "lower")).toBe(score);
  });

  it("scores the middle without a population", () => {
    expect(rfmScore(7, [])).toBe(3);
  });
});

describe("rfmSegment", () => {
  it.each([
    [5, 5, "Champions"],
    [4, 4, "Champions"],
    [5, 3, "Loyal"],
    [3, 5, "Loyal"],
    [5, 2, "Potential Loyalist"],
    [5, 1, "New"],
    [4, 1, "Promising"],
    [3, 3, "Need Attention"],
    [3, 1, "About to Sleep"],
    [2, 4, "At Risk"],
    [1, 3, "At Risk"],
    [1, 5, "Can't Lose"],
    [2, 2, "Hibernating"],
    [1, 1, "Lost"],
  ])("R %i, FM %i → %s", (r, fm, segment) => {
    expect(rfmSegment(r, fm)).toBe(segment);
  });

  it("uses all eleven segments of SPEC §3", () => {
    const all = new Set([1, 2, 3, 4, 5].flatMap((r) => [1, 2, 3, 4, 5].map((fm) => rfmSegment(r, fm))));
    expect(all.size).toBe(11);
  });
});

describe("rfmProfile", () => {
  const population = makePopulation(); // recency [10, 30, 60, 120], frequency [1, 2, 4, 8], monetary [200, 500, 1000, 3000]

  it("measures purchases and spend in the last 365 days", () => {
    const orders = [order(365 - TICK_DAYS, 300), order(365, 1_000), order(5, 200), order(2, 999, "REFUNDED")];
    const rfm = rfmProfile(makeFeatures({ orders }), population, AS_OF, P);
    expect(rfm).toMatchObject({ recencyDays: 5, frequency: 2, monetary: 500, cutPointsComputedAt: population.computedAt });
    // R 5 (≤ 10 days), F 2 (2 orders), M 2 (500 is the second cut point), FM round(2) = 2.
    expect(rfm.scores).toEqual({ recency: 5, frequency: 2, monetary: 2, frequencyMonetary: 2 });
    expect(rfm.segment).toBe("Potential Loyalist");
  });

  it("rounds the combined FM score half up", () => {
    const orders = Array.from({ length: 6 }, (_, i) => order(1 + i, 100));
    // F 4 (6 orders), M 3 (500 < 600 ≤ 1000): FM round(3.5) = 4 → Champions with R 5.
    expect(rfmProfile(makeFeatures({ orders }), population, AS_OF, P)).toMatchObject({
      scores: { frequency: 4, monetary: 3, frequencyMonetary: 4 },
      segment: "Champions",
    });
  });

  it("has no scores or segment for a customer who never bought", () => {
    const rfm = rfmProfile(makeFeatures(), population, AS_OF, P);
    expect(rfm).toMatchObject({ recencyDays: null, frequency: 0, monetary: 0, scores: null, segment: null });
  });

  it("puts a buyer from long ago in Lost", () => {
    expect(rfmProfile(makeFeatures({ orders: [order(500)] }), population, AS_OF, P).segment).toBe("Lost");
  });
});

describe("computeRfmCutPoints", () => {
  it("interpolates quintiles like percentile_cont", () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    // Position q × (n − 1): 1.8, 3.6, 5.4, 7.2 → 2.8, 4.6, 6.4, 8.2.
    const cuts = computeRfmCutPoints({ recency: values, frequency: [3, 1, 2], monetary: [] }, P);
    cuts.recency.forEach((cut, i) => expect(cut).toBeCloseTo([2.8, 4.6, 6.4, 8.2][i]!, 9));
    expect(cuts.frequency.map((c) => Math.round(c * 100) / 100)).toEqual([1.4, 1.8, 2.2, 2.6]);
    expect(cuts.monetary).toEqual([]);
  });

  it("does not reorder the caller's arrays", () => {
    const recency = [3, 1, 2];
    computeRfmCutPoints({ recency, frequency: [], monetary: [] }, P);
    expect(recency).toEqual([3, 1, 2]);
  });

  it.each([
    [[], null],
    [[7], 7],
    [[30, 10, 20], 20],
    [[10, 20, 30, 40], 25],
  ])("median of %j is %s", (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
