import { pgEnum } from "drizzle-orm/pg-core";

// Enum values are the public GraphQL values too (src/modules/*/…type.ts registers them from these lists).
export const CHANNELS = ["WEB", "APP", "POS", "WECHAT", "CALL_CENTER", "EMAIL", "PARTNER"] as const;
export const IDENTIFIER_TYPES = [
  "EMAIL",
  "PHONE",
  "WECHAT_OPENID",
  "WECHAT_UNIONID",
  "DEVICE_ID",
  "LOYALTY_CARD",
  "EXTERNAL_ID",
  "NATIONAL_ID",
] as const;
export const ORDER_STATUSES = ["PLACED", "PAID", "SHIPPED", "COMPLETED", "CANCELLED", "REFUNDED"] as const;
export const TICKET_STATUSES = ["OPEN", "PENDING", "RESOLVED", "CLOSED"] as const;
export const TICKET_PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;
export const POINTS_REASONS = ["PURCHASE", "SIGN_IN", "REVIEW", "REFERRAL", "REDEEM", "EXPIRE", "ADJUST"] as const;
export const CONSENT_PURPOSES = ["EMAIL", "SMS", "WECHAT", "PUSH", "PHONE", "PROFILING"] as const;
export const MATCH_STATUSES = ["PENDING", "MERGED", "REJECTED"] as const;
export const MERGE_ACTIONS = ["MERGE", "UNMERGE"] as const;
export const API_KEY_ROLES = ["ADMIN", "SUPPORT", "MARKETING", "PARTNER"] as const;

export type Channel = (typeof CHANNELS)[number];
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export type PointsReason = (typeof POINTS_REASONS)[number];
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

export const channelEnum = pgEnum("channel", CHANNELS);
export const identifierTypeEnum = pgEnum("identifier_type", IDENTIFIER_TYPES);
export const orderStatusEnum = pgEnum("order_status", ORDER_STATUSES);
export const ticketStatusEnum = pgEnum("ticket_status", TICKET_STATUSES);
export const ticketPriorityEnum = pgEnum("ticket_priority", TICKET_PRIORITIES);
export const pointsReasonEnum = pgEnum("points_reason", POINTS_REASONS);
export const consentPurposeEnum = pgEnum("consent_purpose", CONSENT_PURPOSES);
export const matchStatusEnum = pgEnum("match_status", MATCH_STATUSES);
export const mergeActionEnum = pgEnum("merge_action", MERGE_ACTIONS);
export const apiKeyRoleEnum = pgEnum("api_key_role", API_KEY_ROLES);
