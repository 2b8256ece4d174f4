import { createRng } from "/work/main/src/seed/random.ts";
import { generateCustomer } from "/work/main/src/seed/generate.ts";
const now = new Date("2025-06-15T08:00:00.000Z");
const agg: Record<string, { n: number; orders: number; events: number; points: number }> = {};
for (let i = 0; i < 20000; i++) {
  const g = generateCustomer(createRng(42, i), i, now);
  const a = (agg[g.archetype] ??= { n: 0, orders: 0, events: 0, points: 0 });
  a.n++; a.orders += g.orders.length; a.events += g.events.length; a.points += g.pointsLedger.length;
}
for (const [k, a] of Object.entries(agg)) console.log(k.padEnd(18), a.n, (a.orders / a.n).toFixed(1), (a.events / a.n).toFixed(1), (a.points / a.n).toFixed(1));
