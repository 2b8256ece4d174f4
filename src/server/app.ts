import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { sql } from "drizzle-orm";
import type { Config } from "../config/env.js";
import type { Database } from "../db/client.js";
import type { Policy } from "../domain/scoring/index.js";
import { createContext, type Context, type ContextDeps } from "../graphql/context.js";
import { AppError, createErrorFormatter } from "../graphql/errors.js";
import { getSchema } from "../graphql/schema.js";
import { authenticate } from "../modules/access/api-key.service.js";
import type { IdentifierProtector } from "../modules/identity/identifier-protection.js";
import { createPopulationStatsCache } from "../modules/intelligence/population-stats.js";
import type { Logger } from "./logger.js";

export interface AppDeps {
  config: Config;
  database: Database;
  protector: IdentifierProtector;
  policy: Policy;
  log: Logger;
}

export interface App {
  apollo: ApolloServer<Context>;
  // What the scheduled refresh job shares with requests (same population cache).
  scoring: ContextDeps;
  httpServer: http.Server;
  listen(port: number, host?: string): Promise<string>;
  // Stops taking connections, lets in-flight requests finish, then returns.
  stop(): Promise<void>;
}

export async function createApp({ config, database, protector, policy, log }: AppDeps): Promise<App> {
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const production = config.NODE_ENV === "production";
  const contextDeps: ContextDeps = {
    db: database.db,
    protector,
    policy,
    population: createPopulationStatsCache(database.db, policy),
  };

  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
    formatError: createErrorFormatter(log),
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown: drain HTTP, then close the database, then exit.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  // Ready when the database answers; load balancers take the instance out while it does not.
  app.get("/ready", async (_req, res) => {
    try {
      await database.db.execute(sql`select 1`);
      res.json({ status: "ready", database: database.kind });
    } catch (err) {
      log.warn({ err }, "readiness check failed");
      res.status(503).json({ status: "unavailable", reason: "database not answering" });
    }
  });

  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = req.get("x-request-id") ?? randomUUID();
        res.setHeader("x-request-id", requestId);
        try {
          const principal = await authenticate(database.db, req.get("authorization"), config.C360_ADMIN_KEY);
          return createContext(contextDeps, principal, requestId);
        } catch (err) {
          throw err instanceof AppError ? err.toGraphQLError() : err;
        }
      },
    }),
  );

  return {
    apollo,
    scoring: contextDeps,
    httpServer,
    listen: (port, host = "0.0.0.0") =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          const { port: bound } = httpServer.address() as AddressInfo;
          resolve(`http://localhost:${bound}/graphql`);
        });
      }),
    stop: () => apollo.stop(),
  };
}
