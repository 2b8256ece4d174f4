import { Field, Float, InputType, registerEnumType } from "type-graphql";
import type { Channel } from "../../db/schema/enums.js";
import type { ChurnRiskLevel, HealthGrade, LifecycleStage, LoyaltyTier } from "../../domain/scoring/vocabulary.js";
import { ChannelEnum, enumObject, SortDirectionEnum } from "../../graphql/enums.js";
import { ChurnRiskLevelEnum, HealthGradeEnum, LifecycleStageEnum, LoyaltyTierEnum } from "../intelligence/intelligence.type.js";
import { CUSTOMER_SORT_FIELDS, type CustomerSortField } from "./customer-sort.js";
import { DateTimeScalar } from "../../graphql/scalars.js";

export const CustomerOrderFieldEnum = enumObject(CUSTOMER_SORT_FIELDS);
registerEnumType(CustomerOrderFieldEnum, {
  name: "CustomerOrderField",
  description: "HEALTH, CHURN_RISK, VALUE and RECENCY read the score snapshot (see populationSummary.snapshot).",
});

@InputType({ description: "Every given condition must hold (AND); a list matches any of its values (OR)." })
export class CustomerFilter {
  @Field(() => [ChannelEnum], { nullable: true, description: "Seen on any of these channels." })
  channels?: Channel[] | null;

  @Field(() => [String], { nullable: true, description: "Lives in any of these cities (exact)." })
  cities?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: "A name prefix (case-insensitive), or an exact email, phone (any format) or loyalty card.",
  })
  search?: string | null;

  @Field(() => DateTimeScalar, { nullable: true }) createdAfter?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) createdBefore?: Date | null;

  // These read the score snapshot: only customers scored by a refresh match them.
  @Field(() => [LifecycleStageEnum], { nullable: true }) lifecycleStages?: LifecycleStage[] | null;
  @Field(() => [LoyaltyTierEnum], { nullable: true }) loyaltyTiers?: LoyaltyTier[] | null;
  @Field(() => [HealthGradeEnum], { nullable: true }) healthGrades?: HealthGrade[] | null;
  @Field(() => [ChurnRiskLevelEnum], { nullable: true }) churnRiskLevels?: ChurnRiskLevel[] | null;
  @Field(() => Float, { nullable: true, description: "0–100, inclusive." }) minHealth?: number | null;
  @Field(() => Float, { nullable: true, description: "0–100, inclusive." }) maxHealth?: number | null;
}

@InputType()
export class CustomerOrder {
  @Field(() => CustomerOrderFieldEnum) field!: CustomerSortField;
  @Field(() => SortDirectionEnum, { defaultValue: "ASC" }) direction!: "ASC" | "DESC";
}
