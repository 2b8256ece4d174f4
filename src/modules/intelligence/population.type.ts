import { Field, Float, Int, ObjectType } from "type-graphql";
import type { ChurnRiskLevel, HealthGrade, LifecycleStage, LoyaltyTier } from "../../domain/scoring/vocabulary.js";
import { DateTimeScalar } from "../../graphql/scalars.js";
import { ChurnRiskLevelEnum, HealthGradeEnum, LifecycleStageEnum, LoyaltyTierEnum } from "./intelligence.type.js";

@ObjectType({ simpleResolvers: true })
export class StageCount {
  @Field(() => LifecycleStageEnum) stage!: LifecycleStage;
  @Field(() => Int) count!: number;
}

@ObjectType({ simpleResolvers: true })
export class TierCount {
  @Field(() => LoyaltyTierEnum) tier!: LoyaltyTier;
  @Field(() => Int) count!: number;
}

@ObjectType({ simpleResolvers: true })
export class GradeCount {
  @Field(() => HealthGradeEnum) grade!: HealthGrade;
  @Field(() => Int) count!: number;
}

@ObjectType({ simpleResolvers: true })
export class ChurnLevelCount {
  @Field(() => ChurnRiskLevelEnum) level!: ChurnRiskLevel;
  @Field(() => Int) count!: number;
}

@ObjectType({ simpleResolvers: true, description: "How fresh the score snapshot behind population views is." })
export class SnapshotFreshness {
  @Field(() => DateTimeScalar, { nullable: true, description: "The oldest asOf in the snapshot." }) oldestAsOf!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) newestAsOf!: Date | null;
  @Field(() => Float, { nullable: true, description: "Seconds since the oldest asOf." }) ageSeconds!: number | null;
  @Field(() => Int, { description: "Live customers with no snapshot row yet." }) unscoredCustomers!: number;
  @Field(() => Int, { description: "Customers with new data waiting for the next incremental refresh." }) queuedCustomers!: number;
  @Field(() => DateTimeScalar, { nullable: true }) lastRefreshAt!: Date | null;
  @Field(() => String, { nullable: true }) lastRefreshMode!: string | null;
  @Field(() => String, { nullable: true }) policyVersion!: string | null;
}

@ObjectType({ simpleResolvers: true, description: "Counts of live customers, from the score snapshot." })
export class PopulationSummary {
  @Field(() => Int) totalCustomers!: number;
  @Field(() => Int) scoredCustomers!: number;
  @Field(() => [StageCount]) byStage!: StageCount[];
  @Field(() => [TierCount]) byTier!: TierCount[];
  @Field(() => [GradeCount]) byHealthGrade!: GradeCount[];
  @Field(() => [ChurnLevelCount]) byChurnRisk!: ChurnLevelCount[];
  @Field(() => SnapshotFreshness) snapshot!: SnapshotFreshness;
}

@ObjectType({ simpleResolvers: true })
export class ScoreRefreshResult {
  @Field(() => String, { description: "FULL or INCREMENTAL." }) mode!: string;
  @Field(() => DateTimeScalar) asOf!: Date;
  @Field(() => String) policyVersion!: string;
  @Field(() => Int) customersScored!: number;
  @Field(() => Int) durationMs!: number;
}
