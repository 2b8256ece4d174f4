import { timestamp, uuid } from "drizzle-orm/pg-core";

// Millisecond precision: every timestamp round-trips through a JS Date (and through keyset cursors) unchanged.
export const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" });
export const createdAt = () => at("created_at").notNull().defaultNow();
export const id = () => uuid("id").primaryKey().defaultRandom();
