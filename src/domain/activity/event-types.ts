// The behavioural events c360 accepts. An unknown type is refused rather than stored under a typo, so every
// stored event means something to the scores (engagement, intent, bonus points).
export const EVENT_TYPES = [
  "PAGE_VIEW",
  "PRODUCT_VIEW",
  "SEARCH",
  "APP_OPEN",
  "SIGN_IN",
  "MESSAGE_OPEN",
  "MESSAGE_CLICK",
  "COUPON_CLAIM",
  "STORE_VISIT",
  "ADD_TO_CART",
  "REMOVE_FROM_CART",
  "CHECKOUT_START",
  "INQUIRY",
  "TRIAL_START",
  "REVIEW",
  "REFERRAL",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const isEventType = (value: string): value is EventType => (EVENT_TYPES as readonly string[]).includes(value);
