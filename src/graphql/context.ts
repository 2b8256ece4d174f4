import type { Db } from "../db/client.js";
import type { Principal } from "../modules/access/api-key.service.js";
import type { IdentifierProtector } from "../modules/identity/identifier-protection.js";
import { createLoaders, type Loaders } from "./loaders.js";

export interface Context {
  db: Db;
  loaders: Loaders;
  principal: Principal;
  protector: IdentifierProtector;
  requestId: string;
}

/** The per-request context: fresh loaders every time. */
export function createContext(deps: { db: Db; protector: IdentifierProtector }, principal: Principal, requestId: string): Context {
  return { db: deps.db, protector: deps.protector, principal, requestId, loaders: createLoaders(deps.db) } satisfies Context;
}
