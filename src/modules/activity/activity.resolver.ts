import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { timelineDetail } from "./activity.service.js";
import { TimelineDetail, TimelineItem } from "./activity.type.js";

@Resolver(() => TimelineItem)
export class TimelineItemResolver {
  @FieldResolver(() => TimelineDetail, { nullable: true, description: "The order, event, ticket or NPS answer itself." })
  detail(@Root() item: TimelineItem, @Ctx() ctx: Context) {
    return timelineDetail(ctx, item);
  }
}
