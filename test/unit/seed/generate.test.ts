import { describe, expect, it } from "vitest";
import { nationalIdProblem } from "../../../src/domain/identity/national-id.js";
import { normalizeIdentifier } from "../../../src/domain/identity/normalize.js";
import { ARCHETYPES, EXPECTED_STAGE, generateCustomer, type GeneratedCustomer } from "../../../src/seed/generate.js";
import { createRng, type Rng } from "../../../src/seed/random.js";

const NOW = new Date("2025-06-15T08:30:00.000Z");
const DAY = 86_400_000;
const POPULATION = 2_000;

const generate = (index: number, seed = 7, now = NOW) => generateCustomer(createRng(seed, index), index, now);
const population: GeneratedCustomer[] = Array.from({ length: POPULATION }, (_, i) => generate(i));

// ---- a simple reading of SPEC §3, enough to see that the data exercises every stage and tier ----

const completedTimes = (c: GeneratedCustomer) =>
  c.orders.filter((o) => o.status === "COMPLETED").map((o) => o.placedAt.getTime()).sort((a, b) => a - b);
const intervals = (times: number[]) => times.slice(1).map((t, i) => (t - (times[i] ?? t)) / DAY);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 30;
const clamp = (x: number) => Math.min(180, Math.max(7, x));
const populationCycle = clamp(median(population.flatMap((c) => intervals(completedTimes(c)))));

function stageOf(c: GeneratedCustomer, now = NOW.getTime()): string {
  const times = completedTimes(c);
  const gaps = intervals(times);
  const cycle = times.length >= 3 ? clamp(gaps.reduce((s, g) => s + g, 0) / gaps.length) : populationCycle;
  const events = (fromDays: number, toDays: number) =>
    c.events.filter((e) => e.occurredAt.getTime() > now - fromDays * DAY && e.occurredAt.getTime() <= now - toDays * DAY);
  if (times.length === 0) {
    const recent = events(30, 0);
    const intent = recent.some((e) => ["ADD_TO_CART", "INQUIRY", "TRIAL_START"].includes(e.type));
    return recent.length >= 3 || intent ? "CONSIDERATION" : "AWARENESS";
  }
  const sinceLast = (now - (times[times.length - 1] ?? now)) / DAY;
  const gapBeforeLast = gaps[gaps.length - 1] ?? 0;
  if (times.length >= 2 && gapBeforeLast > 3 * cycle && sinceLast <= 1.5 * cycle) return "REACTIVATED";
  if (sinceLast > 3 * cycle) return "CHURNED";
  const activityDropped = events(30, 0).length < 0.7 * (events(90, 0).length / 3);
  if (sinceLast > 1.5 * cycle || activityDropped) return "DECLINING";
  return times.length === 1 ? "FIRST_PURCHASE" : "STABLE";
}

function tierOf(c: GeneratedCustomer, now = NOW.getTime()): string {
  const spend = c.orders
    .filter((o) => o.status === "COMPLETED" && o.placedAt.getTime() > now - 365 * DAY)
    .reduce((sum, o) => sum + Number(o.total), 0);
  return spend >= 20_000 ? "PLATINUM" : spend >= 8_000 ? "GOLD" : spend >= 2_000 ? "SILVER" : "BRONZE";
}

const countBy = <T>(items: T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [key(item)]: (acc[key(item)] ?? 0) + 1 }), {});

function timestamps(c: GeneratedCustomer): (readonly [string, Date | null])[] {
  return [
    ["customer.createdAt", c.customer.createdAt],
    ["customer.updatedAt", c.customer.updatedAt],
    ...c.sourceRecords.flatMap((r) => [["source.observedAt", r.observedAt], ["source.createdAt", r.createdAt]] as const),
    ...c.identities.flatMap((r) => [["identity.firstSeenAt", r.firstSeenAt], ["identity.lastSeenAt", r.lastSeenAt]] as const),
    ...c.orders.flatMap((r) => [["order.placedAt", r.placedAt], ["order.createdAt", r.createdAt]] as const),
    ...c.events.flatMap((r) => [["event.occurredAt", r.occurredAt], ["event.createdAt", r.createdAt]] as const),
    ...c.tickets.flatMap((r) => [["ticket.openedAt", r.openedAt], ["ticket.resolvedAt", r.resolvedAt]] as const),
    ...c.npsResponses.map((r) => ["nps.respondedAt", r.respondedAt] as const),
    // Points' expiresAt lies in the future by design; only when they were earned must be past.
    ...c.pointsLedger.map((r) => ["points.earnedAt", r.earnedAt] as const),
    ...c.consents.map((r) => ["consent.at", r.at] as const),
  ];
}

describe("generateCustomer", () => {
  it("is deterministic for a seed and index, and differs across seeds", () => {
    expect(generate(17)).toEqual(generate(17));
    expect(generate(17, 8).customer.id).not.toBe(generate(17).customer.id);
    expect(generate(18).customer.id).not.toBe(generate(17).customer.id);
  });

  it("stores every identifier as normalizeIdentifier gives it", () => {
    for (const c of population) {
      for (const identity of c.identities) {
        const normalized = normalizeIdentifier(identity.type, identity.rawValue, identity.namespace);
        expect(normalized, `${identity.type} ${identity.rawValue}`).toEqual({
          ok: true,
          type: identity.type,
          value: identity.value,
          namespace: identity.namespace,
        });
      }
    }
  });

  it("keeps identifier keys, source record keys, order ids and idempotency keys unique across the population", () => {
    const all = <T>(pick: (c: GeneratedCustomer) => T[]) => population.flatMap(pick);
    const unique = (values: string[]) => expect(new Set(values).size).toBe(values.length);
    unique(all((c) => c.identities.map((i) => `${i.type}|${i.value}|${i.namespace}`)));
    unique(all((c) => c.sourceRecords.map((s) => `${s.sourceSystem}|${s.sourceRecordId}`)));
    unique(all((c) => c.orders.map((o) => o.id)));
    unique(all((c) => c.events.map((e) => e.idempotencyKey)));
    unique(all((c) => [c.customer.id, ...c.events.map((e) => e.id), ...c.identities.map((i) => i.id)]));
  });

  it("gives every customer a source record and an identity, and links rows to the customer", () => {
    for (const c of population) {
      expect(c.sourceRecords.length).toBeGreaterThanOrEqual(1);
      expect(c.sourceRecords.length).toBeLessThanOrEqual(4);
      expect(c.identities.length).toBeGreaterThanOrEqual(1);
      const owned = [
        ...c.sourceRecords, ...c.identities, ...c.orders, ...c.events, ...c.tickets, ...c.npsResponses,
        ...c.pointsLedger, ...c.consents,
      ];
      expect(owned.every((row) => row.customerId === c.customer.id)).toBe(true);
      const channels = new Set(c.sourceRecords.map((s) => s.channel));
      expect(c.events.every((e) => channels.has(e.channel))).toBe(true);
      expect(c.orders.every((o) => channels.has(o.channel))).toBe(true);
    }
  });

  it("puts every timestamp at or before now, with millisecond precision, inside two years", () => {
    const now = NOW.getTime();
    const wrong: string[] = [];
    for (const c of population) {
      for (const [name, at] of timestamps(c)) {
        const ms = at?.getTime() ?? now;
        if (!Number.isInteger(ms) || ms > now || ms < now - 731 * DAY) wrong.push(`${name} ${at?.toISOString()}`);
      }
      for (const e of c.events) if (e.occurredAt < c.customer.createdAt) wrong.push(`event before its customer`);
    }
    expect(wrong).toEqual([]);
  });

  it("produces every lifecycle stage, and mostly the one each archetype aims at", () => {
    const stages = countBy(population, (c) => stageOf(c));
    for (const stage of ["AWARENESS", "CONSIDERATION", "FIRST_PURCHASE", "STABLE", "DECLINING", "CHURNED", "REACTIVATED"]) {
      expect(stages[stage] ?? 0, stage).toBeGreaterThanOrEqual(POPULATION * 0.02);
    }
    for (const archetype of ARCHETYPES) {
      const members = population.filter((c) => c.archetype === archetype);
      const hits = members.filter((c) => stageOf(c) === EXPECTED_STAGE[archetype]).length;
      expect(members.length, archetype).toBeGreaterThan(0);
      expect(hits / members.length, archetype).toBeGreaterThanOrEqual(0.95);
    }
  });

  it("spends at every loyalty tier over the last 12 months", () => {
    const tiers = countBy(population, (c) => tierOf(c));
    for (const tier of ["BRONZE", "SILVER", "GOLD", "PLATINUM"]) {
      expect(tiers[tier] ?? 0, tier).toBeGreaterThanOrEqual(POPULATION * 0.02);
    }
  });

  it("shapes orders, tickets, NPS and points as the schema and SPEC expect", () => {
    const orders = population.flatMap((c) => c.orders);
    expect(orders.every((o) => /^\d+\.\d{2}$/.test(o.total) && o.currency === "CNY" && o.itemCount >= 1)).toBe(true);
    const statuses = countBy(orders, (o) => o.status);
    expect(statuses.COMPLETED! / orders.length).toBeGreaterThan(0.85);
    expect(statuses.CANCELLED).toBeGreaterThan(0);
    expect(statuses.REFUNDED).toBeGreaterThan(0);

    const tickets = population.flatMap((c) => c.tickets);
    expect(tickets.some((t) => t.status === "OPEN" && (t.priority === "HIGH" || t.priority === "URGENT"))).toBe(true);
    expect(tickets.every((t) => t.csat === null || (t.csat >= 1 && t.csat <= 5 && t.resolvedAt !== null))).toBe(true);
    expect(tickets.every((t) => t.resolvedAt === null || t.resolvedAt >= t.openedAt)).toBe(true);

    const scores = population.flatMap((c) => c.npsResponses.map((n) => n.score));
    expect(scores.every((s) => s >= 0 && s <= 10)).toBe(true);
    expect(scores.some((s) => s <= 6)).toBe(true);
    expect(scores.some((s) => s >= 9)).toBe(true);

    for (const c of population) {
      const byId = new Map(c.orders.map((o) => [o.id, o]));
      let balance = 0;
      for (const p of c.pointsLedger) {
        balance += p.delta;
        expect(balance).toBeGreaterThanOrEqual(0);
        if (p.reason === "PURCHASE") {
          expect(p.delta).toBe(Math.floor(Number(byId.get(p.orderId ?? "")?.total)));
          expect(p.expiresAt?.getTime()).toBeGreaterThan(p.earnedAt.getTime() + 364 * DAY);
        }
      }
    }
    const reasons = new Set(population.flatMap((c) => c.pointsLedger.map((p) => p.reason)));
    expect([...reasons].sort()).toEqual(["ADJUST", "PURCHASE", "REDEEM", "REFERRAL", "REVIEW", "SIGN_IN"]);
  });

  it("varies raw formats, includes national IDs for some, and birthdays in the coming week for a few", () => {
    const identities = population.flatMap((c) => c.identities);
    const phonesRaw = identities.filter((i) => i.type === "PHONE").map((i) => i.rawValue);
    expect(phonesRaw.some((r) => r.includes(" "))).toBe(true);
    expect(phonesRaw.some((r) => r.startsWith("+86"))).toBe(true);
    expect(phonesRaw.some((r) => /[０-９]/u.test(r))).toBe(true);
    expect(identities.some((i) => i.type === "EMAIL" && i.rawValue !== i.value)).toBe(true);
    expect(identities.some((i) => i.type === "WECHAT_OPENID" && i.namespace.startsWith("wx"))).toBe(true);
    expect(identities.some((i) => i.type === "EXTERNAL_ID" && i.namespace.startsWith("partner-"))).toBe(true);

    const ids = population.filter((c) => c.identities.some((i) => i.type === "NATIONAL_ID"));
    expect(ids.length / POPULATION).toBeGreaterThan(0.08);
    expect(ids.length / POPULATION).toBeLessThan(0.2);
    for (const c of ids) {
      const id = c.identities.find((i) => i.type === "NATIONAL_ID")!.value;
      expect(nationalIdProblem(id)).toBeNull();
      expect(id.slice(6, 14)).toBe(c.customer.birthDate?.replaceAll("-", ""));
      // Never copied in clear into the raw attributes.
      expect(JSON.stringify(c.sourceRecords.map((s) => s.attributes))).not.toContain(id);
    }

    const inDays = (birthDate: string) => {
      const [, m, d] = birthDate.split("-").map(Number);
      const next = Date.UTC(NOW.getUTCFullYear(), (m ?? 1) - 1, d ?? 1);
      return (next - Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth(), NOW.getUTCDate())) / DAY;
    };
    const soon = population.filter((c) => {
      const days = c.customer.birthDate ? inDays(c.customer.birthDate) : -1;
      return days >= 0 && days <= 7;
    });
    expect(soon.length).toBeGreaterThan(POPULATION * 0.01);
    expect(population.some((c) => /^[\u4e00-\u9fff]+$/u.test(c.customer.displayName ?? ""))).toBe(true);
    expect(population.some((c) => /^[A-Za-z]/u.test(c.customer.displayName ?? ""))).toBe(true);
  });

  it("keeps event volume moderate", () => {
    const events = population.reduce((sum, c) => sum + c.events.length, 0) / POPULATION;
    expect(events).toBeGreaterThanOrEqual(10);
    expect(events).toBeLessThanOrEqual(35);
  });
});

describe("createRng", () => {
  const draws = (rng: Rng, n = 20) => Array.from({ length: n }, () => rng.uint32());

  it("repeats its sequence for a seed and stream, and gives other streams other sequences", () => {
    expect(draws(createRng(5, 9))).toEqual(draws(createRng(5, 9)));
    expect(draws(createRng(5, 10))).not.toEqual(draws(createRng(5, 9)));
    expect(draws(createRng(6, 9))).not.toEqual(draws(createRng(5, 9)));
  });

  it("keeps helpers within their bounds", () => {
    const rng = createRng(1);
    const ints = new Set<number>();
    const out: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      const n = rng.int(3, 5);
      ints.add(n);
      const x = rng.next();
      if (x < 0 || x >= 1) out.push(`next ${x}`);
      const at = rng.dateBetween(new Date(1_000), new Date(2_000)).getTime();
      if (at < 1_000 || at > 2_000 || !Number.isInteger(at)) out.push(`date ${at}`);
      if (rng.weighted([["never", 0], ["always", 1]] as const) !== "always") out.push("weighted");
      if (rng.poisson(4) < 0) out.push("poisson");
    }
    expect(out).toEqual([]);
    expect([...ints].sort()).toEqual([3, 4, 5]);
    expect(rng.shuffle([1, 2, 3, 4]).toSorted()).toEqual([1, 2, 3, 4]);
    expect(new Set(rng.sample([1, 2, 3, 4, 5], 3)).size).toBe(3);
  });

  it("formats version-4 UUIDs", () => {
    const rng = createRng(2);
    const ids = Array.from({ length: 1_000 }, () => rng.uuid());
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
