import type { Db } from "../db/client.js";
import type { Policy } from "../domain/scoring/index.js";
import type { Principal } from "../modules/access/api-key.service.js";
import type { IdentifierProtector } from "../modules/identity/identifier-protection.js";
import type { PopulationStatsCache } from "../modules/intelligence/population-stats.js";
import { createLoaders, type Loaders } from "./loaders.js";

// What lives as long as the server: shared by every request's context.
export interface ContextDeps {
  db: Db;
  protector: IdentifierProtector;
  policy: Policy;
  population: PopulationStatsCache;
}

export interface Context extends ContextDeps {
  loaders: Loaders;
  principal: Principal;
  requestId: string;
  // The request's "now": the default asOf of everything it computes, one instant for the whole request.
  now: Date;
}

/** The per-request context: fresh loaders every time. */
export function createContext(deps: ContextDeps, principal: Principal, requestId: string): Context {
  return { ...deps, principal, requestId, now: new Date(), loaders: createLoaders(deps) } satisfies Context;
}
