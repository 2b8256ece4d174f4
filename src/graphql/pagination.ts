import { ClassType, Field, ObjectType } from "type-graphql";
import { badInput } from "./errors.js";

export const MAX_PAGE_SIZE = 500;

@ObjectType({ simpleResolvers: true, description: "Relay page information." })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** Builds the `XEdge` and `XConnection` classes of one node type (one naming scheme for every list). */
export function ConnectionType<T extends object>(name: string, node: ClassType<T>) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class EdgeClass implements Edge<T> {
    @Field(() => node) node!: T;
    @Field(() => String) cursor!: string;
  }

  @ObjectType()
  abstract class ConnectionClass implements Connection<T> {
    @Field(() => [EdgeClass]) edges!: EdgeClass[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => [node], { description: "The nodes of `edges`, for clients that need no cursors." })
    nodes(): T[] {
      return this.edges.map((e) => e.node);
    }
  }
  return ConnectionClass;
}

/** Turns rows fetched with `limit + 1` into a connection page. */
export function toConnection<T>(rows: T[], first: number, cursorOf: (row: T) => string, hasPrevious: boolean): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: cursorOf(node) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** The page size of a list argument: `fallback` when absent, refused outside 1..500. */
export function pageSize(first: number | null | undefined, fallback: number, field = "first"): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(field, `\`${field}\` must be between 1 and ${MAX_PAGE_SIZE} (got ${first})`);
  }
  return first;
}

// Cursors are opaque to clients: base64url of a JSON array of the sort key values.
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** Decodes a cursor, checking its shape with `guard`; a foreign or damaged cursor is a BAD_USER_INPUT. */
export function decodeCursor<T extends unknown[]>(cursor: string, guard: (v: unknown[]) => v is T, field = "after"): T {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    decoded = null;
  }
  if (!Array.isArray(decoded) || !guard(decoded)) {
    throw badInput(field, `\`${field}\` is not a cursor of this list; pass an endCursor this list returned`);
  }
  return decoded;
}
