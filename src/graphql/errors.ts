import { randomUUID } from "node:crypto";
import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";

// Every error a client may see carries one of these codes (SPEC §4).
export const ERROR_CODES = [
  "BAD_USER_INPUT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "INTERNAL_SERVER_ERROR",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, RATE_LIMITED: 429 };

// A failure the caller can act on. `field` names the argument or input field at fault.
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { field?: string } & Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  toGraphQLError(): GraphQLError {
    const status = HTTP_STATUS[this.code];
    return new GraphQLError(this.message, {
      extensions: { code: this.code, ...this.details, ...(status ? { http: { status } } : {}) },
    });
  }
}

export const badInput = (field: string, message: string) => new AppError("BAD_USER_INPUT", message, { field });

// Codes graphql-js and Apollo attach to their own errors (parse, validation, bad variables): safe to show.
const PUBLIC_CODES = new Set<string>([
  ...ERROR_CODES,
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
]);

export interface ErrorLogger {
  error(details: Record<string, unknown>, message: string): void;
}

/**
 * Apollo's formatError: AppErrors become their code and message; anything unexpected reaches the client as
 * INTERNAL_SERVER_ERROR with an id that is also in the log, never with its own message or stack.
 */
export function createErrorFormatter(log: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (original instanceof AppError) {
      const { extensions } = original.toGraphQLError();
      const { http: _http, ...safe } = extensions as Record<string, unknown>;
      return { ...formatted, message: original.message, extensions: safe };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR" && PUBLIC_CODES.has(code)) return formatted;
    const errorId = randomUUID();
    log.error({ errorId, err: original, path: formatted.path }, "unexpected error while resolving a request");
    return {
      message: `Internal server error (error id ${errorId})`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR", errorId },
    };
  };
}
