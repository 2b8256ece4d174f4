import { DAY_MS } from "../domain/scoring/time.js";
import { refreshScores, type RefreshDeps } from "../modules/intelligence/score-refresh.service.js";
import type { Logger } from "./logger.js";


/**
 * The scheduled score refresh: incremental every `intervalMinutes` (customers with new data), full once a day
 * (stages also move with time alone), the first one at once. A run in progress when stopped finishes on its own.
 */
export function startRefreshJob(
  deps: RefreshDeps,
  intervalMinutes: number,
  log: Pick<Logger, "info" | "error">,
): { stop: () => void; firstRun: Promise<void> } {
  if (intervalMinutes <= 0) return { stop: () => {}, firstRun: Promise.resolve() };
  let lastFull = 0;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    const full = Date.now() - lastFull >= DAY_MS;
    try {
      const result = await refreshScores(deps, { full });
      if (full) lastFull = Date.now();
      log.info({ refresh: result }, `scheduled ${result.mode.toLowerCase()} score refresh done`);
    } catch (err) {
      log.error({ err }, "scheduled score refresh failed; the next run tries again");
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMinutes * 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer), firstRun: tick() };
}
