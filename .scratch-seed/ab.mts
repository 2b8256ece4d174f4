import postgres from "postgres";
import { createRng } from "/work/main/src/seed/random.ts";
import { generateCustomer } from "/work/main/src/seed/generate.ts";
const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
await sql.unsafe(`drop table if exists ev; create unlogged table ev (id uuid primary key, customer_id uuid not null, channel text not null, type text not null, occurred_at timestamptz(3) not null, properties jsonb not null, idempotency_key text not null unique, created_at timestamptz(3) not null)`);
const now = new Date("2025-06-15T08:00:00.000Z");
const rows = [];
for (let i = 0; i < 10000; i++) rows.push(...generateCustomer(createRng(42, i), i, now).events);
console.log("rows", rows.length);
const cols = "id uuid, \"customerId\" uuid, channel text, type text, \"occurredAt\" timestamptz(3), properties jsonb, \"idempotencyKey\" text, \"createdAt\" timestamptz(3)";
const sel = `id, "customerId", channel, type, "occurredAt", properties, "idempotencyKey", "createdAt"`;
async function run(name: string, fn: (batch: typeof rows) => Promise<unknown>) {
  await sql`truncate ev`;
  const c0 = process.cpuUsage(); const t0 = performance.now();
  for (let i = 0; i < rows.length; i += 5000) await fn(rows.slice(i, i + 5000));
  const wall = performance.now() - t0; const cpu = process.cpuUsage(c0);
  console.log(name, "wall", Math.round(wall), "node cpu", Math.round((cpu.user + cpu.system) / 1000));
}
for (let rep = 0; rep < 2; rep++) {
await run("json", (b) => sql.unsafe(`insert into ev select ${sel} from json_to_recordset($1::text::json) as r(${cols})`, [JSON.stringify(b)]));
await run("jsonb", (b) => sql.unsafe(`insert into ev select ${sel} from jsonb_to_recordset($1::text::jsonb) as r(${cols})`, [JSON.stringify(b)]));
await run("unnest", (b) => sql.unsafe(`insert into ev select * from unnest($1::text[]::uuid[], $2::text[]::uuid[], $3::text[], $4::text[], $5::text[]::timestamptz[], $6::text[]::jsonb[], $7::text[], $8::text[]::timestamptz[])`, [
  b.map((r) => r.id), b.map((r) => r.customerId), b.map((r) => r.channel), b.map((r) => r.type), b.map((r) => r.occurredAt.toISOString()), b.map((r) => JSON.stringify(r.properties)), b.map((r) => r.idempotencyKey), b.map((r) => r.createdAt.toISOString())]));
await run("json-arrays", (b) => sql.unsafe(`insert into ev select (r->>0)::uuid, (r->>1)::uuid, r->>2, r->>3, (r->>4)::timestamptz, (r->5)::jsonb, r->>6, (r->>7)::timestamptz from jsonb_array_elements($1::text::jsonb) r`, [JSON.stringify(b.map((r) => [r.id, r.customerId, r.channel, r.type, r.occurredAt, r.properties, r.idempotencyKey, r.createdAt]))]));
}
await sql.end();
