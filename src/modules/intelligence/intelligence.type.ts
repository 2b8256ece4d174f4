import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import type { Channel } from "../../db/schema/enums.js";
import {
  CHURN_RISK_LEVELS,
  HEALTH_GRADES,
  LIFECYCLE_STAGES,
  LOYALTY_TIERS,
  NEXT_BEST_ACTIONS,
  type ChurnRiskLevel,
  type HealthGrade,
  type LifecycleStage,
  type LoyaltyTier,
  type NextBestActionType,
} from "../../domain/scoring/vocabulary.js";
import { ChannelEnum, enumObject } from "../../graphql/enums.js";
import { DateTimeScalar, JSONObjectScalar } from "../../graphql/scalars.js";

export const LifecycleStageEnum = enumObject(LIFECYCLE_STAGES);
export const LoyaltyTierEnum = enumObject(LOYALTY_TIERS);
export const HealthGradeEnum = enumObject(HEALTH_GRADES);
export const ChurnRiskLevelEnum = enumObject(CHURN_RISK_LEVELS);
export const NextBestActionTypeEnum = enumObject(NEXT_BEST_ACTIONS);
registerEnumType(LifecycleStageEnum, { name: "LifecycleStage" });
registerEnumType(LoyaltyTierEnum, { name: "LoyaltyTier" });
registerEnumType(HealthGradeEnum, { name: "HealthGrade" });
registerEnumType(ChurnRiskLevelEnum, { name: "ChurnRiskLevel" });
registerEnumType(NextBestActionTypeEnum, { name: "NextBestActionType" });

// Every computed result says as of when and under which policy it was computed, so it can be reproduced.
@ObjectType()
abstract class Computed {
  @Field(() => DateTimeScalar) asOf!: Date;
  @Field(() => String) policyVersion!: string;
}

@ObjectType({ simpleResolvers: true, description: "Lifecycle stage (SPEC §3) with the rule that fired and its inputs." })
export class Lifecycle extends Computed {
  @Field(() => LifecycleStageEnum) stage!: LifecycleStage;
  @Field(() => DateTimeScalar, { nullable: true, description: "Best estimate of when the stage began." }) since!: Date | null;
  @Field(() => String, { description: "Stable id of the rule that fired." }) rule!: string;
  @Field(() => [String]) reasons!: string[];
  @Field(() => JSONObjectScalar, { description: "The numbers the rule looked at." }) inputs!: Record<string, number | null>;
}

@ObjectType({ simpleResolvers: true })
export class HealthComponent {
  @Field(() => String) name!: string;
  @Field(() => Float, { description: "Its share of the 100 points." }) weight!: number;
  @Field(() => Float, { description: "0–1: how well the customer does on it." }) score!: number;
  @Field(() => Float, { description: "weight × score." }) points!: number;
  @Field(() => String) reason!: string;
}

@ObjectType({ simpleResolvers: true })
export class ChurnSignal {
  @Field(() => String) name!: string;
  @Field(() => Float) value!: number;
  @Field(() => Float) coefficient!: number;
  @Field(() => Float, { description: "coefficient × value: its share of the log-odds." }) contribution!: number;
}

@ObjectType({ simpleResolvers: true })
export class ChurnRisk {
  @Field(() => Float, { description: "0–1." }) probability!: number;
  @Field(() => ChurnRiskLevelEnum) level!: ChurnRiskLevel;
  @Field(() => [ChurnSignal], { description: "Signals raising the risk, largest contribution first." }) signals!: ChurnSignal[];
}

@ObjectType({ simpleResolvers: true })
export class Health extends Computed {
  @Field(() => Float, { description: "0–100." }) score!: number;
  @Field(() => HealthGradeEnum) grade!: HealthGrade;
  @Field(() => [HealthComponent]) components!: HealthComponent[];
  @Field(() => ChurnRisk) churnRisk!: ChurnRisk;
}

@ObjectType({ simpleResolvers: true })
export class RfmScores {
  @Field(() => Int) recency!: number;
  @Field(() => Int) frequency!: number;
  @Field(() => Int) monetary!: number;
  @Field(() => Int) frequencyMonetary!: number;
}

@ObjectType({ simpleResolvers: true })
export class Rfm extends Computed {
  @Field(() => Float, { nullable: true, description: "Days since the last purchase; null if never bought." }) recencyDays!: number | null;
  @Field(() => Int, { description: "Purchases in the last 365 days." }) frequency!: number;
  @Field(() => Float, { description: "Spend in the last 365 days." }) monetary!: number;
  @Field(() => RfmScores, { nullable: true }) scores!: RfmScores | null;
  @Field(() => String, { nullable: true, description: "Champions, Loyal, … Lost; null if never bought." }) segment!: string | null;
  @Field(() => DateTimeScalar, { description: "When the population cut points were computed." }) cutPointsComputedAt!: Date;
}

@ObjectType({ simpleResolvers: true })
export class Loyalty extends Computed {
  @Field(() => LoyaltyTierEnum) tier!: LoyaltyTier;
  @Field(() => Float, { description: "Spend in the rolling 12 months that qualifies for a tier." }) qualifyingSpend!: number;
  @Field(() => LoyaltyTierEnum, { nullable: true }) nextTier!: LoyaltyTier | null;
  @Field(() => Float) amountToNextTier!: number;
  @Field(() => Float, { description: "0–1 from this tier's threshold to the next one." }) progress!: number;
  @Field(() => Int) pointsBalance!: number;
  @Field(() => Int) pointsExpiringSoon!: number;
  @Field(() => DateTimeScalar) expiringSoonBy!: Date;
}

@ObjectType({ simpleResolvers: true })
export class CustomerValue extends Computed {
  @Field(() => Float) lifetimeRevenue!: number;
  @Field(() => Int) orderCount!: number;
  @Field(() => Float) averageOrderValue!: number;
  @Field(() => Float, { description: "AOV × (365 / cycle) × (1 − churn probability)." }) predictedValue!: number;
  @Field(() => Float, { description: "Expected days between purchases." }) expectedCycleDays!: number;
}

@ObjectType({ simpleResolvers: true })
export class NextBestAction {
  @Field(() => NextBestActionTypeEnum) action!: NextBestActionType;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => Int) priority!: number;
  @Field(() => String) reason!: string;
  @Field(() => String, { description: "Stable id of the rule that chose it." }) rule!: string;
}
