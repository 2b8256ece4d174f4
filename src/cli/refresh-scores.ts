import "reflect-metadata";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config/env.js";
import { databaseTarget, openDatabase } from "../db/client.js";
import { loadPolicy } from "../config/policy.js";
import { createPopulationStatsCache } from "../modules/intelligence/population-stats.js";
import { refreshScores } from "../modules/intelligence/score-refresh.service.js";
import { progressReporter } from "./progress.js";

// `npm run refresh-scores [-- --full]`: writes the score snapshot population views read (SPEC §3).
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { full: { type: "boolean", default: false } } });
  const config = loadConfig();
  const database = await openDatabase(databaseTarget(config));
  try {
    await database.migrate();
    const mode = values.full ? "full" : "incremental";
    process.stdout.write(`Refreshing scores (${mode}) in ${database.location}\n`);
    const policy = loadPolicy(config);
    let progress: ReturnType<typeof progressReporter> | null = null;
    const result = await refreshScores(
      { db: database.db, policy, population: createPopulationStatsCache(database.db, policy) },
      {
        full: values.full,
        onProgress: (done, total) => {
          progress ??= progressReporter(total, { doing: "Scoring", done: "scored", unit: "customers" });
          progress.update(done);
        },
      },
    );
    (progress as ReturnType<typeof progressReporter> | null)?.stop();
    const perSecond = Math.round(result.customersScored / Math.max(result.durationMs / 1000, 1e-3));
    process.stdout.write(
      `\n${result.mode} refresh: ${result.customersScored.toLocaleString("en-US")} customers scored in ` +
        `${(result.durationMs / 1000).toFixed(1)} s (${perSecond.toLocaleString("en-US")}/s), ` +
        `as of ${result.asOf.toISOString()}, policy ${result.policyVersion}\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(err instanceof ConfigError ? `${err.message}\n` : `refresh failed: ${err?.stack ?? err}\n`);
    process.exit(1);
  },
);
