import { z } from "zod";

// The one reader of process.env: parsed and validated once, then frozen.
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z.string().url().optional(),
  C360_DATA_DIR: z.string().min(1).default(".c360-data"),
  C360_ADMIN_KEY: z.string().min(16, "C360_ADMIN_KEY must be at least 16 characters").optional(),
  C360_SEED: z.enum(["on", "off"]).default("on"),
  C360_SEED_CUSTOMERS: z.coerce.number().int().min(0).default(2_000),
  // 32 bytes as 64 hex characters: encrypts NATIONAL_ID values and keys their blind index.
  C360_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "C360_ENCRYPTION_KEY must be 64 hex characters (32 bytes)")
    .optional(),
  // A JSON file of scoring-policy overrides (any subset of SPEC §3's thresholds and weights).
  C360_POLICY_FILE: z.string().min(1).optional(),
  // Minutes between scheduled incremental score refreshes (a full one once a day); 0 turns the job off.
  C360_REFRESH_INTERVAL_MINUTES: z.coerce.number().min(0).default(15),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = Readonly<z.infer<typeof schema>>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty variables mean "not set", as shells and .env files usually intend.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  if (parsed.data.NODE_ENV === "production" && !parsed.data.C360_ENCRYPTION_KEY) {
    throw new ConfigError("Invalid configuration:\n  C360_ENCRYPTION_KEY: required when NODE_ENV=production");
  }
  return Object.freeze(parsed.data);
}
