import type { Db } from "../db/client.js";
import type { Policy } from "../domain/scoring/index.js";
import { createActivityLoaders } from "../modules/activity/activity.loaders.js";
import { createConsentLoaders } from "../modules/consent/consent.loaders.js";
import { createCustomerLoaders } from "../modules/customer/customer.loaders.js";
import { createIdentityLoaders } from "../modules/identity/identity.loaders.js";
import { createIntelligenceLoaders } from "../modules/intelligence/intelligence.loaders.js";
import type { PopulationStatsCache } from "../modules/intelligence/population-stats.js";

export interface LoaderDeps {
  db: Db;
  policy: Policy;
  population: PopulationStatsCache;
}

/** Every DataLoader of one request. Built fresh per request: nothing cached outlives it or crosses callers. */
export function createLoaders({ db, policy, population }: LoaderDeps) {
  const customer = createCustomerLoaders(db);
  return {
    customer,
    identity: createIdentityLoaders(db),
    activity: createActivityLoaders(db),
    consent: createConsentLoaders(db),
    intelligence: createIntelligenceLoaders({ db, policy, population, customers: customer.liveById }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
