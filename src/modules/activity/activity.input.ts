import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import type { Channel, OrderStatus } from "../../db/schema/enums.js";
import { ChannelEnum, enumObject, OrderStatusEnum } from "../../graphql/enums.js";
import { DateTimeScalar, JSONObjectScalar } from "../../graphql/scalars.js";

@InputType({ description: "An order as a channel reports it; the order id makes re-sending it safe." })
export class OrderInput {
  @Field(() => String, { description: "The caller's order id, unique across channels." }) orderId!: string;
  @Field(() => ID) customerId!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => DateTimeScalar) placedAt!: Date;
  @Field(() => OrderStatusEnum, { defaultValue: "COMPLETED" }) status!: OrderStatus;
  @Field(() => Float, { description: "≥ 0, in `currency`." }) total!: number;
  @Field(() => String, { defaultValue: "CNY", description: "ISO 4217." }) currency!: string;
  @Field(() => Int, { defaultValue: 1 }) itemCount!: number;
}

@InputType({ description: "A behavioural event; the idempotency key makes re-sending it safe." })
export class EventInput {
  @Field(() => String) idempotencyKey!: string;
  @Field(() => ID) customerId!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => String, { description: "PAGE_VIEW, ADD_TO_CART, SIGN_IN … (see the README for the list)." }) type!: string;
  @Field(() => DateTimeScalar) occurredAt!: Date;
  @Field(() => JSONObjectScalar, { nullable: true }) properties?: Record<string, unknown> | null;
}

export const BATCH_OUTCOMES = ["CREATED", "UPDATED", "UNCHANGED"] as const;
export type BatchOutcome = (typeof BATCH_OUTCOMES)[number];
export const BatchOutcomeEnum = enumObject(BATCH_OUTCOMES);
registerEnumType(BatchOutcomeEnum, { name: "BatchOutcome" });

@ObjectType({ simpleResolvers: true, description: "What happened to one item of a batch: an outcome, or an error." })
export class BatchItemResult {
  @Field(() => String, { description: "The item's own key (order id, idempotency key)." }) key!: string;
  @Field(() => ID, { nullable: true }) customerId!: string | null;
  @Field(() => BatchOutcomeEnum, { nullable: true }) outcome!: BatchOutcome | null;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => String, { nullable: true, description: "BAD_USER_INPUT, NOT_FOUND or CONFLICT with `error`." }) code!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class BatchResult {
  @Field(() => [BatchItemResult], { description: "One per item, in input order." }) results!: BatchItemResult[];
  @Field(() => Int) accepted!: number;
  @Field(() => Int) rejected!: number;
}
