import { AsyncLocalStorage } from "node:async_hooks";

// Counts the SQL statements a unit of work (a GraphQL request, a test) sends. Drizzle's logger calls
// `record` once per statement on either driver; AsyncLocalStorage attributes it to the work that is
// running, so concurrent requests each see their own count.
interface Scope {
  statements: number;
}

const storage = new AsyncLocalStorage<Scope>();

export const statementCounter = {
  record(): void {
    const scope = storage.getStore();
    if (scope) scope.statements += 1;
  },
  // Runs `work` in a fresh scope and reports how many statements it sent.
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const scope: Scope = { statements: 0 };
    const result = await storage.run(scope, work);
    return { result, statements: scope.statements };
  },
};
