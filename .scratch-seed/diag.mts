import { openDatabase } from "/work/main/src/db/client.ts";
import { seedPopulation } from "/work/main/src/seed/seed.ts";
import { createIdentifierProtector, DEVELOPMENT_KEY } from "/work/main/src/modules/identity/identifier-protection.ts";
const database = await openDatabase({ url: process.env.DATABASE_URL! });
await database.migrate();
const s = await seedPopulation(database.db, { customers: 20000, protector: createIdentifierProtector(DEVELOPMENT_KEY), concurrency: 1 });
console.log(s.elapsedMs, (globalThis as any).DIAG);
await database.close();
