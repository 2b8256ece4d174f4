import { sql } from "drizzle-orm";
import { date, index, pgTable, text, type AnyPgColumn, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns.js";

// The golden record. `id` is the distribution key of every customer-owned table (SPEC §7).
export const customers = pgTable(
  "customers",
  {
    id: id(),
    displayName: text("display_name"),
    birthDate: date("birth_date", { mode: "string" }),
    gender: text("gender"),
    city: text("city"),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
    // Tombstone: a customer absorbed by a merge points at its survivor and keeps answering through it.
    mergedInto: uuid("merged_into").references((): AnyPgColumn => customers.id),
    erasedAt: at("erased_at"),
  },
  (t) => [
    // Keyset pagination of the default list order (newest first, a backward scan) and of name order.
    // Ascending indexes throughout: a backward scan serves ORDER BY … DESC (NULLS FIRST) exactly.
    index("customers_created_idx").on(t.createdAt, t.id),
    index("customers_updated_idx").on(t.updatedAt, t.id),
    // Name order and name-prefix search: byte order (collation "C") serves both ORDER BY and LIKE 'x%'.
    index("customers_name_idx").on(sql`(lower(coalesce(${t.displayName}, '')) collate "C")`, t.id),
    index("customers_city_idx").on(t.city),
    index("customers_merged_into_idx").on(t.mergedInto).where(sql`${t.mergedInto} is not null`),
  ],
);
