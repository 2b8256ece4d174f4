import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Channel, IdentifierType } from "../../db/schema/enums.js";
import type { Context } from "../../graphql/context.js";
import { ChannelEnum, IdentifierTypeEnum } from "../../graphql/enums.js";
import { DateTimeScalar } from "../../graphql/scalars.js";
import { OrderConnection, Ticket, TimelineConnection } from "../activity/activity.type.js";
import { orderPage, timelinePage, toOrder } from "../activity/activity.service.js";
import { Consent } from "../consent/consent.type.js";
import { Identity, SourceRecord } from "../identity/identity.type.js";
import { toIdentity } from "../identity/identity.service.js";
import { CustomerFilter, CustomerOrder } from "./customer.input.js";
import type { CustomerRow } from "./customer.repository.js";
import { getCustomer, getCustomerByIdentifier, listCustomerPage, type CustomerView } from "./customer.service.js";
import { Customer, CustomerConnection } from "./customer.type.js";

const AS_OF = "Evaluate computed fields (lifecycle, health …) as of this instant; default now, at most a day ahead.";

// Thin: arguments → service → loaders. No SQL here.
@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, { nullable: true, description: "A customer by id; an id absorbed by a merge answers its survivor." })
  customer(
    @Arg("id", () => ID) id: string,
    @Arg("asOf", () => DateTimeScalar, { nullable: true, description: AS_OF }) asOf: Date | null,
    @Ctx() ctx: Context,
  ): Promise<CustomerView | null> {
    return getCustomer(ctx, id, asOf);
  }

  @Query(() => Customer, {
    nullable: true,
    description: "The customer owning an identifier. The value is normalized first: any phone or email format works.",
  })
  customerByIdentifier(
    @Arg("type", () => IdentifierTypeEnum) type: IdentifierType,
    @Arg("value", () => String) value: string,
    @Arg("namespace", () => String, {
      nullable: true,
      description: "WeChat app id (WECHAT_OPENID) or source system (EXTERNAL_ID); needed only when ambiguous.",
    })
    namespace: string | null,
    @Arg("asOf", () => DateTimeScalar, { nullable: true, description: AS_OF }) asOf: Date | null,
    @Ctx() ctx: Context,
  ): Promise<CustomerView | null> {
    return getCustomerByIdentifier(ctx, type, value, namespace, asOf);
  }

  @Query(() => CustomerConnection, { description: "Live customers (never merged-away ids), Relay-paginated." })
  customers(
    @Arg("filter", () => CustomerFilter, { nullable: true }) filter: CustomerFilter | null,
    @Arg("orderBy", () => CustomerOrder, { nullable: true, description: "Default: newest first." }) orderBy: CustomerOrder | null,
    @Arg("first", () => Int, { nullable: true, description: "1–500, default 20." }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("asOf", () => DateTimeScalar, { nullable: true, description: AS_OF }) asOf: Date | null,
    @Ctx() ctx: Context,
  ) {
    return listCustomerPage(ctx, { filter, orderBy, first, after, asOf });
  }

  @FieldResolver(() => [Identity])
  async identities(@Root() customer: CustomerRow, @Ctx() ctx: Context): Promise<Identity[]> {
    const rows = await ctx.loaders.identity.byCustomer.load(customer.id);
    return rows.map((row) => toIdentity(ctx, row));
  }

  @FieldResolver(() => [SourceRecord])
  sourceRecords(@Root() customer: CustomerRow, @Ctx() ctx: Context) {
    return ctx.loaders.identity.sourceRecordsByCustomer.load(customer.id);
  }

  @FieldResolver(() => OrderConnection, { description: "Newest first." })
  async orders(
    @Root() customer: CustomerRow,
    @Arg("first", () => Int, { nullable: true, description: "1–500, default 20." }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const page = await orderPage(ctx, customer.id, { first, after });
    return { ...page, edges: page.edges.map((e) => ({ ...e, node: toOrder(e.node) })) };
  }

  @FieldResolver(() => TimelineConnection, {
    description: "Orders, events, tickets and NPS answers across every channel, newest first.",
  })
  timeline(
    @Root() customer: CustomerRow,
    @Arg("first", () => Int, { nullable: true, description: "1–500, default 20." }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("channels", () => [ChannelEnum], { nullable: true }) channels: Channel[] | null,
    @Arg("types", () => [String], { nullable: true, description: "ORDER, TICKET, NPS or event types." }) types: string[] | null,
    @Ctx() ctx: Context,
  ) {
    return timelinePage(ctx, customer.id, { first, after, channels, types });
  }

  @FieldResolver(() => [Ticket], { description: "Newest first." })
  tickets(@Root() customer: CustomerRow, @Ctx() ctx: Context) {
    return ctx.loaders.activity.ticketsByCustomer.load(customer.id);
  }

  @FieldResolver(() => [Consent])
  consents(@Root() customer: CustomerRow, @Ctx() ctx: Context) {
    return ctx.loaders.consent.byCustomer.load(customer.id);
  }
}
