import "reflect-metadata";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadConfig, ConfigError, type Config } from "./config/env.js";
import { databaseTarget, openDatabase, type Database } from "./db/client.js";
import { createApiKey } from "./modules/access/api-key.service.js";
import { createIdentifierProtector, DEVELOPMENT_KEY, type IdentifierProtector } from "./modules/identity/identifier-protection.js";
import { loadPolicy } from "./config/policy.js";
import { createApp } from "./server/app.js";
import { startRefreshJob } from "./server/refresh-job.js";
import { createLogger, type Logger } from "./server/logger.js";
import { populationIsEmpty, seedPopulation } from "./seed/seed.js";

// config → database (migrated) → first-start demo seed → HTTP server; SIGTERM drains and exits.
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config);
  if (!config.C360_ENCRYPTION_KEY) log.warn("C360_ENCRYPTION_KEY is not set: using the development key (never in production)");
  const protector = createIdentifierProtector(config.C360_ENCRYPTION_KEY ?? DEVELOPMENT_KEY);

  const database = await openDatabase(databaseTarget(config));
  await database.migrate();
  log.info({ database: database.location }, "database ready, migrations applied");

  const demoKey = database.kind === "pglite" ? await prepareDemo(config, database, protector, log) : null;

  const policy = loadPolicy(config);
  const app = await createApp({ config, database, protector, policy, log });
  const url = await app.listen(config.PORT);
  log.info({ url }, "c360 listening");
  printWelcome(url, config, demoKey);
  const refreshJob = startRefreshJob(app.scoring, config.C360_REFRESH_INTERVAL_MINUTES, log);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: draining in-flight requests");
    refreshJob.stop();
    await app.stop();
    await database.close();
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

// The embedded database gets a demo population and a demo admin key on its first start. The key is kept in
// the data folder (local development only) so every later start can show it again.
async function prepareDemo(config: Config, database: Database, protector: IdentifierProtector, log: Logger): Promise<string | null> {
  const keyFile = path.join(config.C360_DATA_DIR, "demo-admin-key");
  if (config.C360_SEED === "on" && (await populationIsEmpty(database.db))) {
    const total = config.C360_SEED_CUSTOMERS;
    log.info({ customers: total }, "first start: seeding a demo population (C360_SEED=off skips this)");
    let reported = 0;
    const summary = await seedPopulation(database.db, {
      customers: total,
      protector,
      onProgress: (done) => {
        if (done - reported >= total / 10 || done === total) {
          reported = done;
          log.info({ done, total }, `seeding ${Math.round((done / Math.max(total, 1)) * 100)}%`);
        }
      },
    });
    log.info({ summary }, "demo population seeded");
  }
  if (existsSync(keyFile)) return readFileSync(keyFile, "utf8").trim();
  if (config.C360_SEED === "off") return null;
  const { key } = await createApiKey(database.db, { name: "demo admin", role: "ADMIN" });
  writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
  return key;
}

function printWelcome(url: string, config: Config, demoKey: string | null): void {
  const lines = ["", `  c360 is running: ${url}`];
  if (demoKey) lines.push(`  Demo admin key:  ${demoKey}`);
  if (config.C360_ADMIN_KEY) lines.push("  C360_ADMIN_KEY is accepted as an ADMIN key.");
  if (!demoKey && !config.C360_ADMIN_KEY) lines.push("  No key to show: set C360_ADMIN_KEY, or run `npm run seed` to create a demo key.");
  lines.push(
    "",
    `  curl -s ${url} -H 'content-type: application/json' -H 'authorization: Bearer ${demoKey ?? "<key>"}' \\`,
    `    -d '{"query":"{ customers(first: 3) { nodes { id displayName city } } }"}'`,
    "",
  );
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((err) => {
  process.stderr.write(err instanceof ConfigError ? `${err.message}\n` : `c360 failed to start: ${err?.stack ?? err}\n`);
  process.exit(1);
});
