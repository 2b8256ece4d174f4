import { describe, expect, it } from "vitest";
import { churnLevel, churnRisk } from "../../../src/domain/scoring/churn.js";
import type { CustomerFeatures } from "../../../src/domain/scoring/features.js";
import { DEFAULT_POLICY as P, definePolicy } from "../../../src/domain/scoring/policy.js";
import { CHURN_SIGNALS } from "../../../src/domain/scoring/vocabulary.js";
import { AS_OF, daysAgo, makeFeatures, order } from "./features.factory.js";

const CYCLE = 30;
const risk = (overrides: Partial<CustomerFeatures>, policy = P) =>
  churnRisk(makeFeatures({ lastInteractionAt: daysAgo(1), ...overrides }), { cycleDays: CYCLE }, AS_OF, policy);
const noSignals = Object.fromEntries(CHURN_SIGNALS.map((s) => [s, 0]));
// A model with no signal weight: the probability is the logistic of the intercept alone.
const interceptOnly = (p: number) => definePolicy({ churn: { intercept: Math.log(p / (1 - p)), coefficients: noSignals } });

describe("churnLevel", () => {
  it.each([
    [0, "LOW"],
    [0.2999, "LOW"],
    [0.3, "MEDIUM"],
    [0.5999, "MEDIUM"],
    [0.6, "HIGH"],
    [1, "HIGH"],
  ])("%s → %s", (p, level) => {
    expect(churnLevel(p, P)).toBe(level);
  });
});

describe("churnRisk", () => {
  it.each([
    [0.3, 0.3, "MEDIUM"],
    [0.29994, 0.2999, "LOW"],
    [0.6, 0.6, "HIGH"],
    [0.59994, 0.5999, "MEDIUM"],
  ])("reads the level from the reported probability (%s → %s)", (p, probability, level) => {
    expect(risk({}, interceptOnly(p))).toMatchObject({ probability, level, signals: [] });
  });

  it("rises as the last order recedes", () => {
    const at = (days: number) => risk({ orders: [order(days)], lastInteractionAt: daysAgo(days) }).probability;
    const probabilities = [5, 30, 60, 90, 150].map(at);
    expect(probabilities).toEqual([...probabilities].sort((a, b) => a - b));
    expect(new Set(probabilities).size).toBe(probabilities.length);
  });

  it.each([
    ["a customer on cycle", { orders: [order(40), order(10)] }, "LOW"],
    ["a customer past the churn line", { orders: [order(120)], lastInteractionAt: daysAgo(120) }, "HIGH"],
  ])("rates %s %s", (_name, overrides, level) => {
    expect(risk(overrides).level).toBe(level);
  });

  it("measures each signal and lists the contributing ones, largest first", () => {
    const result = risk({
      orders: [order(130, 100), order(100, 100), order(45, 50)],
      recentEvents: 5,
      baselineEvents: 30,
      openTickets: { HIGH: 1, LOW: 1 },
      latestNps: { score: 6, at: daysAgo(3) },
      lastInteractionAt: daysAgo(20),
    });
    const values = Object.fromEntries(result.signals.map((s) => [s.name, s.value]));
    expect(values).toEqual({
      recencyCycles: 1.5,
      activityDrop: 0.5,
      aovDrop: 0.5,
      openTickets: 2,
      detractorNps: 1,
      daysWithoutInteraction: 20,
    });
    const contributions = result.signals.map((s) => s.contribution);
    expect(contributions).toEqual([...contributions].sort((a, b) => b - a));
    expect(result.signals[0]).toMatchObject({ name: "recencyCycles", coefficient: 1.2, contribution: 1.8 });
  });

  it.each([
    [6, 1],
    [7, 0],
  ])("counts NPS %s as detractor: %s", (score, value) => {
    const signal = risk({ latestNps: { score, at: daysAgo(1) } }).signals.find((s) => s.name === "detractorNps");
    expect(signal?.value ?? 0).toBe(value);
  });

  it("gives a customer who never bought no recency signal", () => {
    expect(risk({}).signals.map((s) => s.name)).not.toContain("recencyCycles");
  });
});
