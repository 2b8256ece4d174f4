import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { BatchResult, EventInput, OrderInput } from "./activity.input.js";
import { timelineDetail } from "./activity.service.js";
import { MAX_BATCH, recordEvents, recordOrders } from "./activity-write.service.js";
import { TimelineDetail, TimelineItem } from "./activity.type.js";

@Resolver(() => TimelineItem)
export class TimelineItemResolver {
  @FieldResolver(() => TimelineDetail, { nullable: true, description: "The order, event, ticket or NPS answer itself." })
  detail(@Root() item: TimelineItem, @Ctx() ctx: Context) {
    return timelineDetail(ctx, item);
  }
}

@Resolver()
export class ActivityWriteResolver {
  @Mutation(() => BatchResult, { description: `Up to ${MAX_BATCH} orders; idempotent by orderId; a result per order.` })
  recordOrders(@Arg("orders", () => [OrderInput]) orders: OrderInput[], @Ctx() ctx: Context) {
    return recordOrders(ctx, orders);
  }

  @Mutation(() => BatchResult, { description: `Up to ${MAX_BATCH} events; idempotencyKey dedupes; a result per event.` })
  recordEvents(@Arg("events", () => [EventInput]) events: EventInput[], @Ctx() ctx: Context) {
    return recordEvents(ctx, events);
  }
}
