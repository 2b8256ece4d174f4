import { parseArgs } from "node:util";
import { progressReporter } from "./progress.js";
import { ConfigError, loadConfig } from "../config/env.js";
import { databaseTarget, openDatabase, type Database } from "../db/client.js";
import { createApiKey } from "../modules/access/api-key.service.js";
import { createIdentifierProtector, DEVELOPMENT_KEY } from "../modules/identity/identifier-protection.js";
import { DEFAULT_SEED, populationIsEmpty, SEED_TABLES, seedPopulation, type SeedSummary } from "../seed/seed.js";

// `npm run seed -- --customers N [--seed S]`: a reproducible demo / benchmark population, into PostgreSQL
// (DATABASE_URL) or the embedded database (C360_DATA_DIR), with migrations applied first.

const USAGE = `Usage: npm run seed -- [options]

  -n, --customers N     customers to generate (default: C360_SEED_CUSTOMERS, 2000)
  -s, --seed S          random seed; the same seed gives the same population (default: ${DEFAULT_SEED})
      --first-index I   index of the first customer, to append to a seeded database without collisions
      --batch-size B    customers per transaction (default: 500)
      --skip-key        do not create a demo ADMIN API key
  -h, --help            show this help
`;

class UsageError extends Error {}

function integerOption(name: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw.replaceAll("_", ""));
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

function parseOptions(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        customers: { type: "string", short: "n" },
        seed: { type: "string", short: "s" },
        "first-index": { type: "string" },
        "batch-size": { type: "string" },
        "skip-key": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  return {
    help: values.help,
    customers: integerOption("customers", values.customers, 0),
    seed: integerOption("seed", values.seed, 0),
    firstIndex: integerOption("first-index", values["first-index"], 0),
    batchSize: integerOption("batch-size", values["batch-size"], 1),
    skipKey: values["skip-key"],
  };
}

function summaryTable(summary: SeedSummary, location: string): string {
  const seconds = summary.elapsedMs / 1000;
  const perSecond = (n: number) => Math.round(n / Math.max(seconds, 1e-3)).toLocaleString("en-US");
  const total = SEED_TABLES.reduce((sum, t) => sum + summary.rows[t], 0);
  const width = Math.max(...SEED_TABLES.map((t) => t.length), 5);
  const line = (name: string, n: number) => `  ${name.padEnd(width)}  ${n.toLocaleString("en-US").padStart(11)}`;
  return [
    "",
    `Seeded ${summary.customers.toLocaleString("en-US")} customers into ${location} in ${seconds.toFixed(1)} s: ` +
      `${perSecond(summary.customers)} customers/s, ${perSecond(total)} rows/s ` +
      `(seed ${summary.seed}, history up to ${summary.now.toISOString()})`,
    "",
    `  ${"table".padEnd(width)}  ${"rows".padStart(11)}`,
    ...SEED_TABLES.map((t) => line(t, summary.rows[t])),
    `  ${"".padEnd(width, "-")}  ${"".padStart(11, "-")}`,
    line("total", total),
    "",
  ].join("\n");
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const config = loadConfig();
  const customers = options.customers ?? config.C360_SEED_CUSTOMERS;
  const protector = createIdentifierProtector(config.C360_ENCRYPTION_KEY ?? DEVELOPMENT_KEY);

  const database: Database = await openDatabase(
    databaseTarget(config),
  );
  try {
    await database.migrate();
    if (options.firstIndex === undefined && !(await populationIsEmpty(database.db))) {
      process.stderr.write(
        `${database.location} already has customers. Seeding again would reuse the same identifiers (phones, ` +
          `emails, order ids …) and fail on their unique keys.\nSeed an empty database, or append with ` +
          `--first-index set past the customers seeded before (e.g. --first-index 1000000).\n`,
      );
      return 1;
    }
    process.stdout.write(`Seeding ${customers.toLocaleString("en-US")} customers into ${database.location}\n`);
    const progress = progressReporter(customers, { doing: "Seeding", done: "seeded", unit: "customers" });
    let summary: SeedSummary;
    try {
      summary = await seedPopulation(database.db, {
        customers,
        protector,
        ...(options.seed !== undefined && { seed: options.seed }),
        ...(options.firstIndex !== undefined && { firstIndex: options.firstIndex }),
        ...(options.batchSize !== undefined && { batchSize: options.batchSize }),
        // PGlite runs in this thread: a second chunk in flight would only queue behind the first.
        concurrency: database.kind === "postgres" ? 2 : 1,
        onProgress: (done) => progress.update(done),
      });
    } finally {
      progress.stop();
    }
    process.stdout.write(summaryTable(summary, database.location));
    if (!options.skipKey) {
      const { key } = await createApiKey(database.db, { name: "demo admin (npm run seed)", role: "ADMIN" });
      process.stdout.write(`Demo ADMIN API key (shown once): ${key}\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`Seeding failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    }
  },
);
