import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { Logger } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema/index.js";
import { statementCounter } from "./statement-counter.js";

export type Schema = typeof schema;
// Both drivers give the same query builder; everything above this file sees only `Db`.
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  // A human-readable location for logs (never the password).
  location: string;
  // Applies pending migrations from migrations/ (the same files on both drivers).
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget = { url: string; poolSize?: number } | { dataDir: string | null };

/** Where the configuration says the data lives: the server in DATABASE_URL, else PGlite in C360_DATA_DIR. */
export const databaseTarget = (config: { DATABASE_URL?: string; C360_DATA_DIR: string }): DatabaseTarget =>
  config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.C360_DATA_DIR };

const countingLogger: Logger = { logQuery: () => statementCounter.record() };
const migrationsFolder = fileURLToPath(new URL("../../migrations", import.meta.url));
// Any constant; it only has to be the same for every c360 instance sharing a database.
const MIGRATION_LOCK = 360_360;

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ("url" in target) {
    const client = postgres(target.url, {
      max: target.poolSize ?? 10,
      onnotice: () => {},
      connection: { application_name: "c360" },
    });
    const driverDb = drizzlePostgres({ client, schema, logger: countingLogger });
    const url = new URL(target.url);
    return {
      db: driverDb as unknown as Db,
      kind: "postgres",
      location: `${url.hostname}:${url.port || 5432}${url.pathname}`,
      async migrate() {
        // Instances starting together take turns: the lock lives on one reserved connection.
        const lockConn = await client.reserve();
        try {
          await lockConn`select pg_advisory_lock(${MIGRATION_LOCK})`;
          await migratePostgres(driverDb, { migrationsFolder });
        } finally {
          await lockConn`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
          lockConn.release();
        }
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  // PGlite: a folder on disk that survives restarts, or memory (tests) when dataDir is null.
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const client = target.dataDir ? new PGlite(target.dataDir) : new PGlite();
  await client.waitReady;
  const driverDb = drizzlePglite({ client, schema, logger: countingLogger });
  return {
    db: driverDb as unknown as Db,
    kind: "pglite",
    location: target.dataDir ? `PGlite at ${target.dataDir}` : "PGlite in memory",
    migrate: () => migratePglite(driverDb, { migrationsFolder }),
    close: () => client.close(),
  };
}
