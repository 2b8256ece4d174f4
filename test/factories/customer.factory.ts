import { randomUUID } from "node:crypto";
import type { Db } from "../../src/db/client.js";
import {
  consents,
  customers,
  events,
  identities,
  npsResponses,
  orders,
  sourceRecords,
  tickets,
  type Channel,
  type ConsentPurpose,
  type IdentifierType,
} from "../../src/db/schema/index.js";
import { createIdentifierProtector, DEVELOPMENT_KEY } from "../../src/modules/identity/identifier-protection.js";
import { identifierKey } from "../../src/modules/customer/customer.service.js";

export const testProtector = createIdentifierProtector(DEVELOPMENT_KEY);

type Insert<T extends { $inferInsert: unknown }> = T["$inferInsert"];
type Owned<T extends { $inferInsert: { customerId: string } }> = Omit<Insert<T>, "customerId">;

export interface CustomerSpec extends Partial<Insert<typeof customers>> {
  identities?: { type: IdentifierType; raw: string; namespace?: string; channel?: Channel }[];
  sourceRecords?: Partial<Owned<typeof sourceRecords>>[];
  orders?: Partial<Owned<typeof orders>>[];
  events?: Partial<Owned<typeof events>>[];
  tickets?: Partial<Owned<typeof tickets>>[];
  nps?: Partial<Owned<typeof npsResponses>>[];
  consents?: { purpose: ConsentPurpose; granted?: boolean }[];
}

let sequence = 0;
const at = (minutesAgo: number) => new Date(Date.UTC(2026, 10, 1) - minutesAgo * 60_000);

/** Inserts one customer with whatever it owns; every field has a sensible default. */
export async function makeCustomer(db: Db, spec: CustomerSpec = {}) {
  const n = ++sequence;
  const { identities: ids = [], sourceRecords: srs, orders: os = [], events: es = [], tickets: ts = [], nps = [], consents: cs = [], ...row } = spec;
  const [customer] = await db.insert(customers).values({ displayName: `Customer ${n}`, city: "上海", ...row }).returning();
  const customerId = customer!.id;

  if (ids.length)
    await db.insert(identities).values(
      ids.map((i) => {
        const key = identifierKey({ protector: testProtector }, i.type, i.raw, i.namespace ?? "");
        if (!key.ok) throw new Error(`factory: ${i.type} ${i.raw} ${key.reason}`);
        return {
          customerId, type: i.type, value: key.value, namespace: key.namespace,
          rawValue: i.type === "NATIONAL_ID" ? testProtector.encrypt(i.raw) : i.raw,
          channel: i.channel ?? "WEB", sourceSystem: "factory", firstSeenAt: at(1000), lastSeenAt: at(10),
        };
      }),
    );
  const records = srs ?? [{}];
  if (records.length)
    await db.insert(sourceRecords).values(
      records.map((r, i) => ({ customerId, channel: "WEB" as const, sourceSystem: "factory", sourceRecordId: `sr-${n}-${i}`, observedAt: at(100), ...r })),
    );
  if (os.length)
    await db.insert(orders).values(
      os.map((o, i) => ({ id: `ord-${n}-${i}`, customerId, channel: "POS" as const, placedAt: at(60 * 24 * i), status: "COMPLETED" as const, total: "100.00", ...o })),
    );
  if (es.length)
    await db.insert(events).values(
      es.map((e, i) => ({ customerId, channel: "APP" as const, type: "PAGE_VIEW", occurredAt: at(i * 30), idempotencyKey: randomUUID(), ...e })),
    );
  if (ts.length)
    await db.insert(tickets).values(
      ts.map((t, i) => ({ customerId, channel: "CALL_CENTER" as const, subject: `Ticket ${i}`, openedAt: at(i * 45), status: "OPEN" as const, ...t })),
    );
  if (nps.length)
    await db.insert(npsResponses).values(nps.map((r, i) => ({ customerId, channel: "EMAIL" as const, score: 9, respondedAt: at(i * 50), ...r })));
  if (cs.length)
    await db.insert(consents).values(cs.map((c) => ({ customerId, purpose: c.purpose, granted: c.granted ?? true, at: at(5), source: "factory" })));
  return customer!;
}
