import { readFileSync } from "node:fs";
import { DEFAULT_POLICY, definePolicy, type Policy } from "../domain/scoring/index.js";
import { ConfigError, type Config } from "./env.js";

/** The scoring policy: the defaults of SPEC §3, with the overrides of C360_POLICY_FILE when set. */
export function loadPolicy(config: Pick<Config, "C360_POLICY_FILE">): Policy {
  if (!config.C360_POLICY_FILE) return DEFAULT_POLICY;
  let overrides: unknown;
  try {
    overrides = JSON.parse(readFileSync(config.C360_POLICY_FILE, "utf8"));
  } catch (err) {
    throw new ConfigError(`Invalid configuration:\n  C360_POLICY_FILE: cannot read ${config.C360_POLICY_FILE} as JSON (${(err as Error).message})`);
  }
  try {
    return definePolicy(overrides as Parameters<typeof definePolicy>[0]);
  } catch (err) {
    throw new ConfigError(`Invalid configuration:\n  C360_POLICY_FILE: ${(err as Error).message}`);
  }
}
