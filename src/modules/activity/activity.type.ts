import { createUnionType, Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import type { Channel, OrderStatus, TicketPriority, TicketStatus } from "../../db/schema/enums.js";
import { ChannelEnum, OrderStatusEnum, TicketPriorityEnum, TicketStatusEnum } from "../../graphql/enums.js";
import { ConnectionType } from "../../graphql/pagination.js";
import { DateTimeScalar, JSONObjectScalar } from "../../graphql/scalars.js";

@ObjectType({ simpleResolvers: true })
export class Order {
  @Field(() => ID) id!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => DateTimeScalar) placedAt!: Date;
  @Field(() => OrderStatusEnum) status!: OrderStatus;
  @Field(() => Float, { description: "Order total in `currency`, two decimals." }) total!: number;
  @Field(() => String, { description: "ISO 4217 code." }) currency!: string;
  @Field(() => Int) itemCount!: number;
}

@ObjectType({ simpleResolvers: true, description: "A behavioural event (page view, add to cart, sign-in …)." })
export class CustomerEvent {
  @Field(() => ID) id!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => String) type!: string;
  @Field(() => DateTimeScalar) occurredAt!: Date;
  @Field(() => JSONObjectScalar) properties!: Record<string, unknown>;
}

@ObjectType({ simpleResolvers: true })
export class Ticket {
  @Field(() => ID) id!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => String) subject!: string;
  @Field(() => DateTimeScalar) openedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => TicketStatusEnum) status!: TicketStatus;
  @Field(() => TicketPriorityEnum) priority!: TicketPriority;
  @Field(() => Int, { nullable: true, description: "Satisfaction 1–5, when the customer rated the ticket." })
  csat!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class NpsResponse {
  @Field(() => ID) id!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => Int, { description: "0–10." }) score!: number;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field(() => DateTimeScalar) respondedAt!: Date;
}

export const TIMELINE_KINDS = ["ORDER", "EVENT", "TICKET", "NPS"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export const TimelineKindEnum = { ORDER: "ORDER", EVENT: "EVENT", TICKET: "TICKET", NPS: "NPS" } as const;
registerEnumType(TimelineKindEnum, { name: "TimelineKind" });

export type TimelineDetailValue =
  | (Order & { kind: "ORDER" })
  | (CustomerEvent & { kind: "EVENT" })
  | (Ticket & { kind: "TICKET" })
  | (NpsResponse & { kind: "NPS" });

const DETAIL_TYPE = { ORDER: Order, EVENT: CustomerEvent, TICKET: Ticket, NPS: NpsResponse } as const;

export const TimelineDetail = createUnionType({
  name: "TimelineDetail",
  types: () => [Order, CustomerEvent, Ticket, NpsResponse] as const,
  resolveType: (value) => DETAIL_TYPE[(value as TimelineDetailValue).kind],
});

@ObjectType({ description: "One thing that happened with the customer, on any channel." })
export class TimelineItem {
  @Field(() => ID, { description: "`KIND:id`, unique across kinds." }) id!: string;
  @Field(() => TimelineKindEnum) kind!: TimelineKind;
  @Field(() => String, { description: "ORDER, TICKET, NPS, or the event type (PAGE_VIEW, ADD_TO_CART …)." })
  type!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => DateTimeScalar) occurredAt!: Date;
  @Field(() => String, { description: "A one-line description for a person." }) summary!: string;
  // The row id within its own table; `detail` loads the row.
  sourceId!: string;
}

@ObjectType()
export class TimelineConnection extends ConnectionType("Timeline", TimelineItem) {}

@ObjectType()
export class OrderConnection extends ConnectionType("Order", Order) {}
