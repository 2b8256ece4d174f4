import { AsyncLocalStorage } from "node:async_hooks";

// Counts the SQL statements a unit of work (a GraphQL request, a test) sends. Drizzle's logger calls
// `record` once per statement on either driver; AsyncLocalStorage attributes it to the work that is
// running, so concurrent requests each see their own count.
interface Scope {
  statements: number;
}

const storage = new AsyncLocalStorage<Scope>();
let total = 0;

export const statementCounter = {
  record(): void {
    total += 1;
    const scope = storage.getStore();
    if (scope) scope.statements += 1;
  },
  get total(): number {
    return total;
  },
  // Runs `work` in a fresh scope and reports how many statements it sent.
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const scope: Scope = { statements: 0 };
    const result = await storage.run(scope, work);
    return { result, statements: scope.statements };
  },
  // Enters a scope for the rest of the current async context (a request handler) and returns it.
  enter(): Scope {
    const scope: Scope = { statements: 0 };
    storage.enterWith(scope);
    return scope;
  },
};
