import { isUuid } from "../../db/rows.js";
import { DAY_MS } from "../../domain/scoring/time.js";
import { IDENTIFIER_TYPES, type IdentifierType } from "../../db/schema/enums.js";
import { foldText, normalizeIdentifier } from "../../domain/identity/normalize.js";
import { AppError, badInput } from "../../graphql/errors.js";
import type { Context } from "../../graphql/context.js";
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from "../../graphql/pagination.js";
import type { CustomerFilter, CustomerOrder } from "./customer.input.js";
import {
  countCustomers,
  findCustomerIdsByIdentifier,
  listCustomers,
  sortKeyOf,
  type CustomerListQuery,
  type CustomerRow,
  type CustomerSortField,
  type SortKey,
} from "./customer.repository.js";

export const DEFAULT_CUSTOMER_PAGE = 20;
// asOf may run a day ahead of the server clock (clients' clocks and time zones differ), no further.
const MAX_FUTURE_AS_OF_MS = DAY_MS;

// A customer as the API answers it: the row, and the instant its computed fields are evaluated at.
export type CustomerView = CustomerRow & { asOf: Date };

/** The asOf of a query: the request's now when absent; refused more than a day in the future. */
export function resolveAsOf(ctx: Pick<Context, "now">, asOf: Date | null | undefined): Date {
  if (!asOf) return ctx.now;
  if (asOf.getTime() > ctx.now.getTime() + MAX_FUTURE_AS_OF_MS) {
    throw badInput("asOf", `\`asOf\` may be at most one day in the future (got ${asOf.toISOString()})`);
  }
  return asOf;
}

export async function getCustomer(ctx: Context, id: string, asOf?: Date | null): Promise<CustomerView | null> {
  const at = resolveAsOf(ctx, asOf);
  const row = await ctx.loaders.customer.liveById.load(id);
  return row && { ...row, asOf: at };
}

/** The (type, value, namespace) key stored for an identifier: normalized, and blind-indexed for NATIONAL_ID. */
export function identifierKey(ctx: Pick<Context, "protector">, type: IdentifierType, raw: string, namespace = "") {
  const normalized = normalizeIdentifier(type, raw, namespace);
  if (!normalized.ok) return normalized;
  const value = type === "NATIONAL_ID" ? ctx.protector.blindIndex(normalized.value) : normalized.value;
  return { ...normalized, value };
}

/** The customer an identifier belongs to; the value may be in any format a channel would send it. */
export async function getCustomerByIdentifier(
  ctx: Context,
  type: IdentifierType,
  raw: string,
  namespace: string | null | undefined,
  asOf?: Date | null,
): Promise<CustomerView | null> {
  const at = resolveAsOf(ctx, asOf);
  const key = identifierKey(ctx, type, raw, namespace ?? "");
  if (!key.ok) throw badInput("value", `\`value\` ${key.reason} (type ${type})`);
  const ids = await findCustomerIdsByIdentifier(ctx.db, {
    type,
    value: key.value,
    namespace: namespace === null || namespace === undefined ? undefined : key.namespace,
  });
  if (ids.length > 1) {
    throw new AppError(
      "BAD_USER_INPUT",
      `\`value\` is known in ${ids.length} namespaces of ${type}; pass \`namespace\` (the WeChat app id or source system)`,
      { field: "namespace" },
    );
  }
  return ids[0] ? getCustomer(ctx, ids[0], at) : null;
}

type CustomerCursor = [CustomerSortField, "ASC" | "DESC", SortKey, string];

const isCustomerCursor = (sort: { field: CustomerSortField; direction: "ASC" | "DESC" }) =>
  (v: unknown[]): v is CustomerCursor =>
    v.length === 4 && v[0] === sort.field && v[1] === sort.direction &&
    (typeof v[2] === "number" || typeof v[2] === "string") && typeof v[3] === "string" && isUuid(v[3]);

/** Turns the public filter into repository terms; search text is matched as a name prefix and as every identifier type. */
export function toListQuery(ctx: Pick<Context, "protector">, filter: CustomerFilter | null | undefined): CustomerListQuery {
  const q: CustomerListQuery = {
    channels: filter?.channels ?? undefined,
    cities: filter?.cities?.map(foldText) ?? undefined,
    createdAfter: filter?.createdAfter ?? undefined,
    createdBefore: filter?.createdBefore ?? undefined,
    lifecycleStages: filter?.lifecycleStages ?? undefined,
    loyaltyTiers: filter?.loyaltyTiers ?? undefined,
    healthGrades: filter?.healthGrades ?? undefined,
    churnRiskLevels: filter?.churnRiskLevels ?? undefined,
    minHealth: filter?.minHealth ?? undefined,
    maxHealth: filter?.maxHealth ?? undefined,
  };
  const search = filter?.search ? foldText(filter.search) : "";
  if (search !== "") {
    q.namePrefix = search.toLowerCase();
    q.identifierMatches = IDENTIFIER_TYPES.flatMap((type) => {
      const key = identifierKey(ctx, type, search);
      return key.ok ? [{ type, value: key.value }] : [];
    });
  }
  return q;
}

export async function listCustomerPage(
  ctx: Context,
  args: {
    filter?: CustomerFilter | null;
    orderBy?: CustomerOrder | null;
    first?: number | null;
    after?: string | null;
    asOf?: Date | null;
  },
): Promise<Connection<CustomerView> & { countTotal: () => Promise<number> }> {
  const first = pageSize(args.first, DEFAULT_CUSTOMER_PAGE);
  const asOf = resolveAsOf(ctx, args.asOf);
  const sort = args.orderBy
    ? { field: args.orderBy.field, direction: args.orderBy.direction }
    : { field: "CREATED_AT" as const, direction: "DESC" as const };
  if (args.filter?.createdAfter && args.filter.createdBefore && args.filter.createdAfter >= args.filter.createdBefore) {
    throw badInput("filter.createdAfter", "`filter.createdAfter` must be before `filter.createdBefore`");
  }
  for (const field of ["minHealth", "maxHealth"] as const) {
    const v = args.filter?.[field];
    if (v !== null && v !== undefined && !(v >= 0 && v <= 100)) throw badInput(`filter.${field}`, `\`filter.${field}\` must be between 0 and 100 (got ${v})`);
  }
  const { minHealth, maxHealth } = args.filter ?? {};
  if (minHealth != null && maxHealth != null && minHealth > maxHealth) {
    throw badInput("filter.minHealth", "`filter.minHealth` must not exceed `filter.maxHealth`");
  }
  const after = args.after ? decodeCursor(args.after, isCustomerCursor(sort)) : null;
  const query = toListQuery(ctx, args.filter);
  const rows = await listCustomers(ctx.db, query, sort, after ? { key: after[2], id: after[3] } : null, first + 1);
  // Computed fields load scores through the customer loader: seed it with the rows this query already has.
  for (const row of rows) ctx.loaders.customer.liveById.prime(row.id, row);
  const connection = toConnection(
    rows.map((row) => ({ ...row, asOf })),
    first,
    (row) => encodeCursor([sort.field, sort.direction, sortKeyOf(row, sort.field), row.id]),
    after !== null,
  );
  return { ...connection, countTotal: () => countCustomers(ctx.db, query) };
}
