import postgres from "postgres";
import { createRng } from "/work/main/src/seed/random.ts";
import { generateCustomer } from "/work/main/src/seed/generate.ts";
const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
const now = new Date("2025-06-15T08:00:00.000Z");
const rows = [];
for (let i = 0; i < 10000; i++) rows.push(...generateCustomer(createRng(42, i), i, now).events);
async function run(name: string, ddl: string, map: (r: any, i: number) => unknown[]) {
  await sql.unsafe(`drop table if exists ev; create table ev (id uuid, customer_id uuid not null, channel text not null, type text not null, occurred_at timestamptz(3) not null, properties jsonb not null, idempotency_key text not null, created_at timestamptz(3) not null); ${ddl}`);
  const c0 = process.cpuUsage(); const t0 = performance.now();
  for (let i = 0; i < rows.length; i += 5000) await sql.unsafe(`insert into ev select (r->>0)::uuid, (r->>1)::uuid, r->>2, r->>3, (r->>4)::timestamptz, (r->5)::jsonb, r->>6, (r->>7)::timestamptz from jsonb_array_elements($1::text::jsonb) r`, [JSON.stringify(rows.slice(i, i + 5000).map((r, j) => map(r, i + j)))]);
  const wall = performance.now() - t0; const cpu = process.cpuUsage(c0);
  console.log(name, "wall", Math.round(wall), "node cpu", Math.round((cpu.user + cpu.system) / 1000));
}
const base = (r: any) => [r.id, r.customerId, r.channel, r.type, r.occurredAt, r.properties, r.idempotencyKey, r.createdAt];
const seq = (r: any, i: number) => [`00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`, ...base(r).slice(1)];
for (let rep = 0; rep < 2; rep++) {
await run("noindex", "", base);
await run("pk", "alter table ev add primary key (id)", base);
await run("pk-seq", "alter table ev add primary key (id)", seq);
await run("all", "alter table ev add primary key (id); create unique index on ev(idempotency_key); create index on ev(customer_id, occurred_at, id)", base);
await run("all-seq", "alter table ev add primary key (id); create unique index on ev(idempotency_key); create index on ev(customer_id, occurred_at, id)", seq);
}
await sql.end();
