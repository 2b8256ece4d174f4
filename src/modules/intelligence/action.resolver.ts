import { Arg, Ctx, ID, Mutation, registerEnumType, Resolver } from "type-graphql";
import type { NextBestActionType } from "../../domain/scoring/vocabulary.js";
import type { Context } from "../../graphql/context.js";
import { enumObject } from "../../graphql/enums.js";
import { Customer } from "../customer/customer.type.js";
import { ACTION_OUTCOMES, recordActionOutcome, type ActionOutcome } from "./action.service.js";
import { NextBestActionTypeEnum } from "./intelligence.type.js";

const ActionOutcomeEnum = enumObject(ACTION_OUTCOMES);
registerEnumType(ActionOutcomeEnum, {
  name: "ActionOutcome",
  description: "OFFERED when an action goes out (the 7-day frequency cap starts); the others close that offer.",
});

@Resolver()
export class ActionResolver {
  @Mutation(() => Customer)
  recordActionOutcome(
    @Arg("customerId", () => ID) customerId: string,
    @Arg("action", () => NextBestActionTypeEnum) action: NextBestActionType,
    @Arg("outcome", () => ActionOutcomeEnum) outcome: ActionOutcome,
    @Ctx() ctx: Context,
  ) {
    return recordActionOutcome(ctx, { customerId, action, outcome });
  }
}
