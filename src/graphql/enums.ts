import { registerEnumType } from "type-graphql";
import {
  CHANNELS,
  CONSENT_PURPOSES,
  IDENTIFIER_TYPES,
  ORDER_STATUSES,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
} from "../db/schema/enums.js";

// GraphQL enums are registered from the same value lists as the database enums, so the two cannot drift.
export function enumObject<const T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
}

export const ChannelEnum = enumObject(CHANNELS);
export const IdentifierTypeEnum = enumObject(IDENTIFIER_TYPES);
export const OrderStatusEnum = enumObject(ORDER_STATUSES);
export const TicketStatusEnum = enumObject(TICKET_STATUSES);
export const TicketPriorityEnum = enumObject(TICKET_PRIORITIES);
export const ConsentPurposeEnum = enumObject(CONSENT_PURPOSES);
export const SortDirectionEnum = enumObject(["ASC", "DESC"] as const);

registerEnumType(ChannelEnum, { name: "Channel", description: "Where a customer interacted with the business." });
registerEnumType(IdentifierTypeEnum, { name: "IdentifierType" });
registerEnumType(OrderStatusEnum, { name: "OrderStatus" });
registerEnumType(TicketStatusEnum, { name: "TicketStatus" });
registerEnumType(TicketPriorityEnum, { name: "TicketPriority" });
registerEnumType(ConsentPurposeEnum, { name: "ConsentPurpose" });
registerEnumType(SortDirectionEnum, { name: "SortDirection" });
