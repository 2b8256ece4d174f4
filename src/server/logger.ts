import { pino, type Logger } from "pino";
import type { Config } from "../config/env.js";

export type { Logger };

// JSON logs on stdout. Keys and Authorization headers are redacted wherever they appear.
export function createLogger(config: Pick<Config, "LOG_LEVEL">): Logger {
  return pino({
    level: config.LOG_LEVEL,
    base: { service: "c360" },
    redact: ["req.headers.authorization", "*.key", "key"],
  });
}
