// The orders the customer list offers; the repository maps each to an indexed expression.
export const CUSTOMER_SORT_FIELDS = ["CREATED_AT", "UPDATED_AT", "DISPLAY_NAME", "HEALTH", "CHURN_RISK", "VALUE", "RECENCY"] as const;
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number];
