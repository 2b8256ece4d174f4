import { ApolloServer } from "@apollo/server";
import type { Database } from "../../src/db/client.js";
import { statementCounter } from "../../src/db/statement-counter.js";
import { DEFAULT_POLICY } from "../../src/domain/scoring/index.js";
import { createContext, type Context, type ContextDeps } from "../../src/graphql/context.js";
import { createErrorFormatter } from "../../src/graphql/errors.js";
import { getSchema } from "../../src/graphql/schema.js";
import type { Principal } from "../../src/modules/access/api-key.service.js";
import { createPopulationStatsCache } from "../../src/modules/intelligence/population-stats.js";
import { testProtector } from "../factories/customer.factory.js";
import { createTestDatabase } from "./database.js";

export interface GraphQLResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: readonly (string | number)[]; extensions?: Record<string, any> }[];
  // SQL statements the operation sent, counted at the driver.
  statements: number;
}

export const adminPrincipal: Principal = { keyId: null, name: "test admin", role: "ADMIN", scopes: [] };

export const silentLog = { error: () => {} };

/** A real Apollo server over a real (per-file) database; operations run as `executeOperation`. */
export async function createHarness() {
  const database: Database = await createTestDatabase();
  const apollo = new ApolloServer<Context>({ schema: await getSchema(), formatError: createErrorFormatter(silentLog) });
  await apollo.start();
  const deps: ContextDeps = {
    db: database.db,
    protector: testProtector,
    policy: DEFAULT_POLICY,
    population: createPopulationStatsCache(database.db, DEFAULT_POLICY),
  };

  async function run<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>> {
    const { result, statements } = await statementCounter.measure(() =>
      apollo.executeOperation(
        { query, variables },
        { contextValue: createContext(deps, adminPrincipal, "test") },
      ),
    );
    if (result.body.kind !== "single") throw new Error("unexpected incremental response");
    const { data, errors } = result.body.singleResult;
    return { data: data as T | null | undefined, errors: errors as GraphQLResult["errors"], statements };
  }

  return {
    database,
    db: database.db,
    run,
    async close() {
      await apollo.stop();
      await database.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;
