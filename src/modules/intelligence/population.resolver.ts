import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { CHURN_RISK_LEVELS, HEALTH_GRADES, LIFECYCLE_STAGES, LOYALTY_TIERS } from "../../domain/scoring/vocabulary.js";
import type { Context } from "../../graphql/context.js";
import { countSnapshot, lastRefreshRun, snapshotFreshness } from "./population.repository.js";
import { PopulationSummary, ScoreRefreshResult } from "./population.type.js";
import { refreshScores } from "./score-refresh.service.js";

@Resolver()
export class PopulationResolver {
  @Query(() => PopulationSummary, { description: "Counts by stage, tier, health grade and churn risk, and how fresh they are." })
  async populationSummary(@Ctx() ctx: Context): Promise<PopulationSummary> {
    const [counts, fresh, run] = await Promise.all([countSnapshot(ctx.db), snapshotFreshness(ctx.db), lastRefreshRun(ctx.db)]);
    const of = (map: Map<string, number>, key: string) => map.get(key) ?? 0;
    return {
      totalCustomers: fresh.live,
      scoredCustomers: counts.scored,
      byStage: LIFECYCLE_STAGES.map((stage) => ({ stage, count: of(counts.byStage, stage) })),
      byTier: LOYALTY_TIERS.map((tier) => ({ tier, count: of(counts.byTier, tier) })),
      byHealthGrade: HEALTH_GRADES.map((grade) => ({ grade, count: of(counts.byGrade, grade) })),
      byChurnRisk: CHURN_RISK_LEVELS.map((level) => ({ level, count: of(counts.byChurnLevel, level) })),
      snapshot: {
        oldestAsOf: fresh.oldestAsOf,
        newestAsOf: fresh.newestAsOf,
        ageSeconds: fresh.oldestAsOf ? Math.max(0, (ctx.now.getTime() - fresh.oldestAsOf.getTime()) / 1000) : null,
        unscoredCustomers: Math.max(0, fresh.live - counts.scored),
        queuedCustomers: fresh.queued,
        lastRefreshAt: run?.finishedAt ?? null,
        lastRefreshMode: run?.mode ?? null,
        policyVersion: run?.policyVersion ?? null,
      },
    };
  }

  @Mutation(() => ScoreRefreshResult, {
    description: "Rescores the snapshot: customers with new data and unscored ones, or everyone with full: true.",
  })
  refreshScores(@Arg("full", () => Boolean, { nullable: true, defaultValue: false }) full: boolean, @Ctx() ctx: Context) {
    return refreshScores(ctx, { full, asOf: ctx.now });
  }
}
