// A small seeded PRNG (sfc32, seeded through splitmix32) with the helpers the data generator needs.
// Deterministic for a given seed: the same seed and stream always give the same sequence.

export interface Rng {
  // A float in [0, 1).
  next(): number;
  // An unsigned 32-bit integer.
  uint32(): number;
  // An integer in [min, max], both inclusive.
  int(min: number, max: number): number;
  // A float in [min, max).
  float(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  // Approximately normal (Box–Muller).
  normal(mean: number, sd: number): number;
  // A Poisson count (Knuth below a mean of 30, a rounded normal above).
  poisson(mean: number): number;
  shuffle<T>(items: readonly T[]): T[];
  // `count` distinct items in random order (all of them when count ≥ length).
  sample<T>(items: readonly T[], count: number): T[];
  // A Date with millisecond precision in [from, to].
  dateBetween(from: Date, to: Date): Date;
  // Lower-case hex digits.
  hex(length: number): string;
  // Characters from [0-9A-Za-z].
  alphanumeric(length: number): string;
  // A version-4 UUID built from the generator's bytes, so ids are reproducible.
  uuid(): string;
}

const ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const HEX = "0123456789abcdef";
const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

// splitmix32: spreads a small seed over the 128-bit sfc32 state, so seeds 1, 2, 3 give unrelated sequences.
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A deterministic generator for `seed`; `stream` selects an independent sequence (the generator gives each
 * customer index its own stream, so a customer does not depend on how the population is chunked).
 */
export function createRng(seed: number, stream = 0): Rng {
  // Both multipliers are odd, so for one seed every stream gets its own starting state.
  const mix = splitmix32((Math.imul(seed >>> 0, 0x27d4eb2d) ^ Math.imul(stream >>> 0, 0x165667b1)) >>> 0);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();

  const uint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm-up: the first outputs of sfc32 still echo the seed.
  for (let i = 0; i < 12; i++) uint32();

  const next = (): number => uint32() / 4_294_967_296;
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error("pick() from an empty list");
    return items[Math.floor(next() * items.length)] as T;
  };
  const normal = (mean: number, sd: number): number => {
    // 1 - next() is in (0, 1]: log never sees 0.
    const u = 1 - next();
    const v = next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  const fromAlphabet = (alphabet: string, length: number): string => {
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
    return out;
  };

  return {
    next,
    uint32,
    int,
    float: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick,
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      let total = 0;
      for (const [, weight] of entries) total += weight;
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      const last = entries[entries.length - 1];
      if (!last) throw new Error("weighted() from an empty list");
      return last[0];
    },
    normal,
    poisson(mean) {
      if (mean <= 0) return 0;
      if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(0, 1)));
      const limit = Math.exp(-mean);
      let count = 0;
      for (let p = next(); p > limit; p *= next()) count++;
      return count;
    },
    shuffle,
    sample: (items, count) => shuffle(items).slice(0, Math.max(0, count)),
    dateBetween(from, to) {
      const lo = from.getTime();
      const hi = to.getTime();
      return new Date(hi <= lo ? lo : lo + Math.floor(next() * (hi - lo + 1)));
    },
    hex: (length) => fromAlphabet(HEX, length),
    alphanumeric: (length) => fromAlphabet(ALPHANUMERIC, length),
    uuid() {
      const a = uint32();
      const b = uint32();
      const c = uint32();
      const d = uint32();
      const x = (word: number, shift: number) => HEX_BYTES[(word >>> shift) & 0xff] as string;
      // RFC 9562 version 4 and variant bits, as crypto.randomUUID() sets them.
      const version = HEX_BYTES[((b >>> 8) & 0x0f) | 0x40] as string;
      const variant = HEX_BYTES[((c >>> 24) & 0x3f) | 0x80] as string;
      return (
        `${x(a, 24)}${x(a, 16)}${x(a, 8)}${x(a, 0)}-${x(b, 24)}${x(b, 16)}-${version}${x(b, 0)}-` +
        `${variant}${x(c, 16)}-${x(c, 8)}${x(c, 0)}${x(d, 24)}${x(d, 16)}${x(d, 8)}${x(d, 0)}`
      );
    },
  };
}
