import type { Db } from "../db/client.js";
import { createActivityLoaders } from "../modules/activity/activity.loaders.js";
import { createConsentLoaders } from "../modules/consent/consent.loaders.js";
import { createCustomerLoaders } from "../modules/customer/customer.loaders.js";
import { createIdentityLoaders } from "../modules/identity/identity.loaders.js";

/** Every DataLoader of one request. Built fresh per request: nothing cached outlives it or crosses callers. */
export function createLoaders(db: Db) {
  return {
    customer: createCustomerLoaders(db),
    identity: createIdentityLoaders(db),
    activity: createActivityLoaders(db),
    consent: createConsentLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
