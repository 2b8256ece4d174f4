import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { Channel } from "../../db/schema/enums.js";
import type { CustomerScores } from "../../domain/scoring/index.js";
import type { Context } from "../../graphql/context.js";
import { ChannelEnum } from "../../graphql/enums.js";
import { badInput } from "../../graphql/errors.js";
import type { CustomerView } from "../customer/customer.service.js";
import { Customer } from "../customer/customer.type.js";
import { CustomerValue, Health, Lifecycle, Loyalty, NextBestAction, Rfm } from "./intelligence.type.js";

const MAX_ACTIONS = 12;

// The computed fields of a customer: each one reads the same per-request score batch (one per asOf), so
// asking for all of them on 100 customers costs what asking for one does.
@Resolver(() => Customer)
export class CustomerIntelligenceResolver {
  private async scores(customer: CustomerView, ctx: Context): Promise<CustomerScores> {
    const scores = await ctx.loaders.intelligence.scoresAt(customer.asOf).load(customer.id);
    if (!scores) throw new Error(`no scores for loaded customer ${customer.id}`);
    return scores;
  }

  @FieldResolver(() => Lifecycle)
  async lifecycle(@Root() customer: CustomerView, @Ctx() ctx: Context): Promise<Lifecycle> {
    const s = await this.scores(customer, ctx);
    return { ...s.lifecycle, asOf: s.asOf, policyVersion: s.policyVersion };
  }

  @FieldResolver(() => Health, { description: "Health score 0–100 with its breakdown and churn risk." })
  async health(@Root() customer: CustomerView, @Ctx() ctx: Context): Promise<Health> {
    const s = await this.scores(customer, ctx);
    return { ...s.health, churnRisk: s.churnRisk, asOf: s.asOf, policyVersion: s.policyVersion };
  }

  @FieldResolver(() => Rfm)
  async rfm(@Root() customer: CustomerView, @Ctx() ctx: Context): Promise<Rfm> {
    const s = await this.scores(customer, ctx);
    return { ...s.rfm, asOf: s.asOf, policyVersion: s.policyVersion };
  }

  @FieldResolver(() => Loyalty)
  async loyalty(@Root() customer: CustomerView, @Ctx() ctx: Context): Promise<Loyalty> {
    const s = await this.scores(customer, ctx);
    return { ...s.loyalty, asOf: s.asOf, policyVersion: s.policyVersion };
  }

  @FieldResolver(() => CustomerValue)
  async value(@Root() customer: CustomerView, @Ctx() ctx: Context): Promise<CustomerValue> {
    const s = await this.scores(customer, ctx);
    return { ...s.value, expectedCycleDays: s.cycle.days, asOf: s.asOf, policyVersion: s.policyVersion };
  }

  @FieldResolver(() => [NextBestAction], { description: "Ranked; respects consent, service recovery and the frequency cap." })
  async nextBestActions(
    @Root() customer: CustomerView,
    @Arg("limit", () => Int, { defaultValue: 3, description: `1–${MAX_ACTIONS}.` }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<NextBestAction[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ACTIONS) {
      throw badInput("limit", `\`limit\` must be between 1 and ${MAX_ACTIONS} (got ${limit})`);
    }
    return (await this.scores(customer, ctx)).nextBestActions.slice(0, limit);
  }

  @FieldResolver(() => ChannelEnum, { nullable: true, description: "Most-engaged channel in 90 days among consented ones." })
  async preferredChannel(@Root() customer: CustomerView, @Ctx() ctx: Context): Promise<Channel | null> {
    return (await this.scores(customer, ctx)).preferredChannel;
  }
}
