import type { Channel, ConsentPurpose, OrderStatus, TicketPriority, TicketStatus } from "../db/schema/enums.js";
import type {
  consents,
  customers,
  events,
  identities,
  npsResponses,
  orders,
  pointsLedger,
  sourceRecords,
  tickets,
} from "../db/schema/index.js";
import { nationalIdCheckChar } from "../domain/identity/national-id.js";
import { normalizeIdentifier } from "../domain/identity/normalize.js";
import type { Rng } from "./random.js";

// Pure generation of one demo customer and everything it owns, as plain insert rows. No database here: the
// seeder (seed.ts) batches these rows, and tests inspect them directly.

// Every column spelled out (null where empty): what a row means never depends on a database default.
type Complete<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };
export type CustomerRow = Complete<typeof customers.$inferInsert>;
export type SourceRecordRow = Complete<typeof sourceRecords.$inferInsert>;
export type IdentityRow = Complete<typeof identities.$inferInsert>;
export type OrderRow = Complete<typeof orders.$inferInsert>;
export type EventRow = Complete<typeof events.$inferInsert>;
export type TicketRow = Complete<typeof tickets.$inferInsert>;
export type NpsResponseRow = Complete<typeof npsResponses.$inferInsert>;
export type PointsLedgerRow = Complete<typeof pointsLedger.$inferInsert>;
export type ConsentRow = Complete<typeof consents.$inferInsert>;

// Behaviour the generator plans for a customer; EXPECTED_STAGE is the lifecycle stage (SPEC §3) it should
// produce, the known truth for tests and benchmarks.
export const ARCHETYPES = [
  "BROWSER",
  "ENGAGED_PROSPECT",
  "NEW_BUYER",
  "REGULAR",
  "FADING",
  "DISENGAGING",
  "LAPSED",
  "WON_BACK",
] as const;
export type Archetype = (typeof ARCHETYPES)[number];

export const EXPECTED_STAGE = {
  BROWSER: "AWARENESS",
  ENGAGED_PROSPECT: "CONSIDERATION",
  NEW_BUYER: "FIRST_PURCHASE",
  REGULAR: "STABLE",
  FADING: "DECLINING",
  DISENGAGING: "DECLINING",
  LAPSED: "CHURNED",
  WON_BACK: "REACTIVATED",
} as const satisfies Record<Archetype, string>;

export interface GeneratedCustomer {
  archetype: Archetype;
  customer: CustomerRow;
  sourceRecords: SourceRecordRow[];
  // NATIONAL_ID rows carry the normalized plaintext here; seedPopulation seals them before insert.
  identities: IdentityRow[];
  orders: OrderRow[];
  events: EventRow[];
  tickets: TicketRow[];
  npsResponses: NpsResponseRow[];
  pointsLedger: PointsLedgerRow[];
  consents: ConsentRow[];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const HISTORY_DAYS = 730;
// Inside 30 days with a margin, so "in the last 30 days" holds however a scorer rounds.
const RECENT_DAYS = 29.5;

const ARCHETYPE_WEIGHTS: readonly (readonly [Archetype, number])[] = [
  ["BROWSER", 13],
  ["ENGAGED_PROSPECT", 10],
  ["NEW_BUYER", 8],
  ["REGULAR", 32],
  ["FADING", 10],
  ["DISENGAGING", 4],
  ["LAPSED", 15],
  ["WON_BACK", 8],
];

type Tier = "BRONZE" | "SILVER" | "GOLD" | "PLATINUM";
// Rolling 12-month spend targets, kept clear of the tier lines (2 000 / 8 000 / 20 000 CNY).
const SPEND_BANDS: Record<Tier, readonly [number, number]> = {
  BRONZE: [600, 1_850],
  SILVER: [2_150, 7_600],
  GOLD: [8_400, 19_000],
  PLATINUM: [21_000, 60_000],
};
const TIER_WEIGHTS: Partial<Record<Archetype, readonly (readonly [Tier, number])[]>> = {
  NEW_BUYER: [["BRONZE", 80], ["SILVER", 17], ["GOLD", 3]],
  REGULAR: [["BRONZE", 30], ["SILVER", 35], ["GOLD", 22], ["PLATINUM", 13]],
  FADING: [["BRONZE", 40], ["SILVER", 35], ["GOLD", 18], ["PLATINUM", 7]],
  DISENGAGING: [["BRONZE", 35], ["SILVER", 35], ["GOLD", 20], ["PLATINUM", 10]],
  WON_BACK: [["BRONZE", 55], ["SILVER", 30], ["GOLD", 12], ["PLATINUM", 3]],
};

// ---- people -------------------------------------------------------------------------------------------

type Char = readonly [han: string, pinyin: string];
const SURNAMES: readonly (readonly [Char, number])[] = [
  [["王", "Wang"], 7.1], [["李", "Li"], 7.0], [["张", "Zhang"], 6.7], [["刘", "Liu"], 5.4], [["陈", "Chen"], 4.5],
  [["杨", "Yang"], 3.1], [["黄", "Huang"], 2.2], [["赵", "Zhao"], 2.0], [["吴", "Wu"], 2.0], [["周", "Zhou"], 1.9],
  [["徐", "Xu"], 1.5], [["孙", "Sun"], 1.5], [["马", "Ma"], 1.4], [["朱", "Zhu"], 1.3], [["胡", "Hu"], 1.3],
  [["郭", "Guo"], 1.2], [["何", "He"], 1.2], [["林", "Lin"], 1.1], [["罗", "Luo"], 1.1], [["高", "Gao"], 1.1],
  [["郑", "Zheng"], 1.0], [["梁", "Liang"], 1.0], [["谢", "Xie"], 0.9], [["宋", "Song"], 0.9], [["唐", "Tang"], 0.9],
  [["许", "Xu"], 0.8], [["韩", "Han"], 0.8], [["冯", "Feng"], 0.8], [["邓", "Deng"], 0.8], [["曹", "Cao"], 0.7],
  [["彭", "Peng"], 0.7], [["曾", "Zeng"], 0.7], [["肖", "Xiao"], 0.7], [["田", "Tian"], 0.6], [["董", "Dong"], 0.6],
  [["袁", "Yuan"], 0.6], [["潘", "Pan"], 0.5], [["于", "Yu"], 0.5], [["蒋", "Jiang"], 0.5], [["蔡", "Cai"], 0.5],
  [["余", "Yu"], 0.5], [["杜", "Du"], 0.5], [["叶", "Ye"], 0.5], [["程", "Cheng"], 0.5], [["苏", "Su"], 0.4],
  [["魏", "Wei"], 0.4], [["吕", "Lyu"], 0.4], [["丁", "Ding"], 0.4], [["任", "Ren"], 0.4], [["沈", "Shen"], 0.4],
  [["章", "Zhang"], 0.2],
];
const GIVEN_FEMALE: readonly Char[] = [
  ["芳", "fang"], ["娜", "na"], ["敏", "min"], ["静", "jing"], ["丽", "li"], ["艳", "yan"], ["婷", "ting"],
  ["雪", "xue"], ["琳", "lin"], ["慧", "hui"], ["颖", "ying"], ["佳", "jia"], ["欣", "xin"], ["怡", "yi"],
  ["倩", "qian"], ["悦", "yue"], ["晶", "jing"], ["梅", "mei"], ["玲", "ling"], ["雅", "ya"], ["萍", "ping"],
  ["秀", "xiu"], ["英", "ying"], ["兰", "lan"], ["霞", "xia"], ["璐", "lu"],
];
const GIVEN_MALE: readonly Char[] = [
  ["伟", "wei"], ["强", "qiang"], ["磊", "lei"], ["军", "jun"], ["洋", "yang"], ["勇", "yong"], ["杰", "jie"],
  ["涛", "tao"], ["明", "ming"], ["超", "chao"], ["斌", "bin"], ["鹏", "peng"], ["辉", "hui"], ["刚", "gang"],
  ["浩", "hao"], ["宇", "yu"], ["俊", "jun"], ["峰", "feng"], ["建", "jian"], ["志", "zhi"], ["博", "bo"],
  ["轩", "xuan"], ["晨", "chen"], ["阳", "yang"], ["帆", "fan"], ["凯", "kai"],
];
const GIVEN_ANY: readonly Char[] = [
  ["子", "zi"], ["一", "yi"], ["思", "si"], ["嘉", "jia"], ["梓", "zi"], ["诗", "shi"], ["雨", "yu"],
  ["晓", "xiao"], ["小", "xiao"], ["海", "hai"], ["天", "tian"], ["春", "chun"], ["文", "wen"], ["华", "hua"],
];
const LATIN_FEMALE = ["Emily", "Sarah", "Jessica", "Grace", "Amy", "Linda", "Cathy", "Olivia", "Sophie", "Hannah"];
const LATIN_MALE = ["David", "Michael", "Daniel", "Kevin", "Jason", "Eric", "Tony", "Vincent", "Lucas", "Thomas"];
const LATIN_SURNAMES = [
  "Smith", "Johnson", "Brown", "Miller", "Wilson", "Taylor", "Anderson", "Martin", "Lee", "Chan", "Wong", "Ng",
  "Tan", "Lim", "Müller", "Dubois", "Rossi", "Schmidt", "O'Brien", "García",
];

interface City {
  name: string;
  code: string;
  latin: boolean;
}
const CITIES: readonly (readonly [City, number])[] = [
  [{ name: "上海", code: "sh", latin: false }, 14], [{ name: "北京", code: "bj", latin: false }, 13],
  [{ name: "深圳", code: "sz", latin: false }, 9], [{ name: "广州", code: "gz", latin: false }, 8],
  [{ name: "杭州", code: "hz", latin: false }, 6], [{ name: "成都", code: "cd", latin: false }, 6],
  [{ name: "武汉", code: "wh", latin: false }, 4], [{ name: "南京", code: "nj", latin: false }, 4],
  [{ name: "重庆", code: "cq", latin: false }, 4], [{ name: "西安", code: "xa", latin: false }, 3],
  [{ name: "天津", code: "tj", latin: false }, 3], [{ name: "苏州", code: "su", latin: false }, 3],
  [{ name: "长沙", code: "cs", latin: false }, 2], [{ name: "厦门", code: "xm", latin: false }, 2],
  [{ name: "青岛", code: "qd", latin: false }, 2], [{ name: "昆明", code: "km", latin: false }, 1.5],
  [{ name: "Hong Kong", code: "hk", latin: true }, 1], [{ name: "Singapore", code: "sg", latin: true }, 1],
  [{ name: "London", code: "ldn", latin: true }, 0.5], [{ name: "New York", code: "nyc", latin: true }, 0.5],
  [{ name: "Sydney", code: "syd", latin: true }, 0.4],
];
const LATIN_CITIES = CITIES.filter(([c]) => c.latin);
const ROADS = ["人民路", "中山路", "解放路", "建设路", "南京路", "长安街", "和平路", "新华路", "淮海路", "科技园路", "滨江大道"];
const LATIN_STREETS = ["King St", "Queen's Rd", "Orchard Rd", "High St", "Nathan Rd", "George St", "Broadway"];

// District codes for NATIONAL_ID numbers (the holder's place of registration, not necessarily today's city).
const ID_REGIONS = [
  "110101", "110105", "310101", "310115", "440103", "440106", "440304", "440305", "330106", "510107",
  "420106", "320102", "610113", "500103", "120101", "430103", "350203", "370202", "210102", "530102",
];
const ID_SLOTS_PER_DAY = ID_REGIONS.length * 500; // region × sequence pair (the parity digit is the gender)
const ID_FIRST_BIRTH = Date.UTC(1955, 0, 1);
const ID_BIRTH_DAYS = 18_263; // 1955-01-01 … 2004-12-31

interface Person {
  latin: boolean;
  name: string;
  surname: string;
  given: string;
  pinyinSurname: string;
  pinyinGiven: string;
  gender: "F" | "M";
  birthDate: string | null;
  city: City | null;
  address: string;
  nationalId: string | null;
}

// ---- unique identifiers -------------------------------------------------------------------------------
// Every identifier embeds a bijection of the customer index, so values never collide across the population
// (the identities unique key is (type, value, namespace)), while still looking random.

// Every scheme below is injective for indexes under this bound (the phone suffix space is the smallest).
export const MAX_CUSTOMER_INDEX = 100_000_000;

// (index × multiplier + offset) mod modulus: a bijection on [0, modulus) when gcd(multiplier, modulus) = 1.
function scramble(index: number, modulus: number, multiplier: number, offset: number): number {
  // index × multiplier stays below 2^53 for every index this generator supports (< 10^8).
  return (index * multiplier + offset) % modulus;
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
function base62(value: number, width: number): string {
  let out = "";
  let rest = value;
  for (let i = 0; i < width; i++) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}

// Two disjoint prefix sets: a second phone of the same customer can never equal anyone's first phone.
const PRIMARY_PREFIXES = [
  "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "157", "158",
  "159", "180", "181", "182", "183", "185", "186", "187", "188", "189",
];
const SECONDARY_PREFIXES = ["166", "173", "176", "177", "178", "191", "195", "198", "199"];

function mobile(rng: Rng, prefixes: readonly string[], suffix: number): string {
  const digits = String(suffix).padStart(8, "0");
  const start = rng.int(0, prefixes.length - 1);
  for (let i = 0; i < prefixes.length; i++) {
    const phone = `${prefixes[(start + i) % prefixes.length]}${digits}`;
    // Stay off the junk list's favourites (13800138000, 13888888888 …): they never link (SPEC §2).
    if (phone !== "13800138000" && new Set(digits).size > 2) return phone;
  }
  return `${prefixes[start]}${digits}`;
}

const primaryPhone = (rng: Rng, index: number) =>
  mobile(rng, PRIMARY_PREFIXES, scramble(index, 1e8, 39_916_801, 4_201_337));
const secondaryPhone = (rng: Rng, index: number) =>
  mobile(rng, SECONDARY_PREFIXES, scramble(index, 1e8, 48_271_013, 77_002_345));

function nationalIdFor(index: number, gender: "F" | "M"): { id: string; birthDate: string } {
  const p = scramble(index, ID_SLOTS_PER_DAY * ID_BIRTH_DAYS, 39_916_801, 123_456_789);
  const day = Math.floor(p / ID_SLOTS_PER_DAY);
  const slot = p % ID_SLOTS_PER_DAY;
  const birthDate = isoDate(ID_FIRST_BIRTH + day * DAY);
  // GB 11643: the 17th digit is odd for men and even for women.
  const sequence = String((slot % 500) * 2 + (gender === "M" ? 1 : 0)).padStart(3, "0");
  const first17 = `${ID_REGIONS[Math.floor(slot / 500)]}${birthDate.replaceAll("-", "")}${sequence}`;
  return { id: first17 + nationalIdCheckChar(first17), birthDate };
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function makePerson(rng: Rng, index: number, nowMs: number): Person {
  const gender = rng.chance(0.54) ? "F" : "M";
  const latin = rng.chance(0.08);
  let surname: string;
  let given: string;
  let pinyinSurname: string;
  let pinyinGiven: string;
  let name: string;
  if (latin) {
    given = rng.pick(gender === "F" ? LATIN_FEMALE : LATIN_MALE);
    surname = rng.pick(LATIN_SURNAMES);
    pinyinGiven = given;
    pinyinSurname = surname;
    name = `${given} ${surname}`;
  } else {
    const [han, py] = rng.weighted(SURNAMES);
    const pool = gender === "F" ? GIVEN_FEMALE : GIVEN_MALE;
    const chars: Char[] = rng.chance(0.35) ? [rng.pick(pool)] : [rng.pick(rng.chance(0.5) ? GIVEN_ANY : pool), rng.pick(pool)];
    surname = han;
    pinyinSurname = py;
    given = chars.map(([c]) => c).join("");
    const joined = chars.map(([, p]) => p).join("");
    pinyinGiven = joined.charAt(0).toUpperCase() + joined.slice(1);
    name = surname + given;
  }
  const city = rng.chance(0.05) ? null : rng.weighted(latin && rng.chance(0.5) ? LATIN_CITIES : CITIES);

  let birthDate: string | null = null;
  let nationalId: string | null = null;
  if (!latin && rng.chance(0.15)) {
    // The ID number fixes the birth date, so the golden record and the ID never disagree.
    const id = nationalIdFor(index, gender);
    nationalId = id.id;
    birthDate = id.birthDate;
  } else if (rng.chance(0.8)) {
    const year = Math.round(Math.min(2007, Math.max(1950, rng.normal(1988, 10))));
    birthDate = isoDate(Date.UTC(year, 0, 1) + rng.int(0, 364) * DAY);
    // A few birthdays in the coming week, so BIRTHDAY_GREETING has someone to greet.
    if (rng.chance(0.03)) birthDate = upcomingBirthday(year, nowMs + rng.int(0, 6) * DAY);
  }
  const address = city?.latin
    ? `${rng.int(1, 300)} ${rng.pick(LATIN_STREETS)}, ${city.name}`
    : `${city?.name ?? "上海"}市${rng.pick(ROADS)}${rng.int(1, 999)}号${rng.int(1, 30)}栋${rng.int(1, 30)}0${rng.int(1, 4)}室`;
  return { latin, name, surname, given, pinyinSurname, pinyinGiven, gender, birthDate, city, address, nationalId };
}

function upcomingBirthday(year: number, dayMs: number): string {
  const day = new Date(dayMs);
  const month = day.getUTCMonth();
  let date = day.getUTCDate();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (month === 1 && date === 29 && !leap) date = 28;
  return isoDate(Date.UTC(year, month, date));
}

// ---- channels -----------------------------------------------------------------------------------------

const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
  ["WEB", 30], ["APP", 25], ["WECHAT", 30], ["POS", 20], ["EMAIL", 12], ["CALL_CENTER", 8], ["PARTNER", 6],
];
const SALES_CHANNELS: readonly Channel[] = ["WEB", "APP", "POS", "WECHAT", "PARTNER"];
const DIGITAL_CHANNELS: readonly Channel[] = ["WEB", "APP", "WECHAT"];
const WECHAT_APPS = { mp: "wx8a1b2c3d4e5f6a7b", mini: "wx5f0c3e9d2b7a1c4e" } as const;
const OPENID_TAGS = { mp: "Gz3Ui", mini: "Xk9pQ" } as const;
const PARTNERS = [
  {
    system: "partner-ctrip",
    externalId: (i: number) => `CT${String(scramble(i, 1e10, 86_028_121, 31_337)).padStart(10, "0")}`,
  },
  { system: "partner-meituan", externalId: (i: number) => `MT-${base62(i, 7)}` },
  { system: "partner-jd", externalId: (i: number) => `jd_${base62(scramble(i, 62 ** 6, 39_916_801, 999), 6)}` },
] as const;

function pickChannels(rng: Rng, archetype: Archetype): Channel[] {
  const prospect = archetype === "BROWSER" || archetype === "ENGAGED_PROSPECT";
  // Prospects have not bought, so no store loyalty card and no partner booking.
  const pool = CHANNEL_WEIGHTS.filter(([c]) => !prospect || (c !== "POS" && c !== "PARTNER"));
  const count = rng.weighted([[1, 35], [2, 35], [3, 20], [4, 10]] as const);
  // Buyers first met us where they can buy; prospects where they can browse.
  const firstPool = prospect ? DIGITAL_CHANNELS : SALES_CHANNELS;
  const chosen: Channel[] = [rng.weighted(CHANNEL_WEIGHTS.filter(([c]) => firstPool.includes(c)))];
  while (chosen.length < count) {
    const remaining = pool.filter(([c]) => !chosen.includes(c));
    if (remaining.length === 0) break;
    chosen.push(rng.weighted(remaining));
  }
  return chosen;
}

function sourceSystemFor(rng: Rng, channel: Channel, city: City | null): string {
  switch (channel) {
    case "WEB":
      return "shopify-web";
    case "APP":
      return rng.chance(0.55) ? "app-ios" : "app-android";
    case "POS":
      return `pos-${city?.code ?? "sh"}-${String(rng.int(1, 40)).padStart(3, "0")}`;
    case "WECHAT":
      return "wechat-mp";
    case "CALL_CENTER":
      return "genesys";
    case "EMAIL":
      return "mailchimp";
    case "PARTNER":
      return rng.pick(PARTNERS).system;
  }
}

// ---- orders -------------------------------------------------------------------------------------------

interface OrderPlan {
  // Completed orders, ascending: these alone decide the lifecycle stage.
  times: number[];
  createdAt: number;
}

// Days of buying history in [min, max], skewed short: many customers are recent, few go back two years.
const tenure = (rng: Rng, min: number, max: number) => min + (max - min) * rng.next() ** 2;

// Orders going back from `last`, one cycle (±15 %) apart, none before `earliest`.
function backwards(rng: Rng, last: number, cycleDays: number, earliest: number): number[] {
  const times = [last];
  let t = last;
  for (;;) {
    t -= cycleDays * DAY * rng.float(0.85, 1.15);
    if (t < earliest) break;
    times.push(t);
  }
  return times.reverse();
}

function planOrders(rng: Rng, archetype: Archetype, now: number): OrderPlan {
  const start = now - HISTORY_DAYS * DAY;
  const daysAgo = (d: number) => now - d * DAY;
  // A known-since date at most 45 days before the first order, inside the two-year window.
  const withCreated = (times: number[]): OrderPlan => ({
    times,
    createdAt: Math.max(start, (times[0] ?? now) - rng.float(0.5, 45) * DAY),
  });
  switch (archetype) {
    case "BROWSER":
      return { times: [], createdAt: rng.chance(0.6) ? daysAgo(rng.float(31, HISTORY_DAYS - 1)) : daysAgo(rng.float(0.5, 29)) };
    case "ENGAGED_PROSPECT":
      return { times: [], createdAt: daysAgo(rng.float(3, HISTORY_DAYS - 1)) };
    case "NEW_BUYER": {
      // Within 1.5 × the smallest possible cycle (7 days): first purchase whatever the population median.
      // Known for under three weeks before it, so no activity lies outside the last 30 days to "drop" from.
      const at = daysAgo(rng.float(0.02, 10));
      return { times: [at], createdAt: at - rng.float(0.5, 18) * DAY };
    }
    case "REGULAR": {
      const cycle = rng.weighted([[[12, 25], 20], [[25, 50], 45], [[50, 100], 35]] as const);
      const c = rng.float(cycle[0], cycle[1]);
      const last = daysAgo(rng.float(0.02, 0.9) * c);
      return withCreated(backwards(rng, last, c, daysAgo(tenure(rng, 3.4 * c, HISTORY_DAYS - 1))));
    }
    case "FADING": {
      // Last order 1.9–2.4 cycles ago: past 1.5 × cycle, not yet 3 × cycle.
      const c = rng.float(18, 70);
      const last = daysAgo(rng.float(1.9, 2.4) * c);
      const room = (last - start) / DAY;
      return withCreated(backwards(rng, last, c, last - tenure(rng, 2.5 * c, Math.max(2.5 * c, room)) * DAY));
    }
    case "DISENGAGING": {
      // Buying on cycle but the last order is over a month ago: the decline shows in activity (events).
      const c = rng.float(40, 90);
      const last = daysAgo(rng.float(32, Math.max(33, 0.95 * c)));
      return withCreated(backwards(rng, last, c, daysAgo(tenure(rng, 3.4 * c + 32, HISTORY_DAYS - 1))));
    }
    case "LAPSED": {
      if (rng.chance(0.6)) {
        const c = rng.float(10, 45);
        const last = daysAgo(rng.float(3.8, 7) * c);
        return withCreated(backwards(rng, last, c, last - rng.float(2.5 * c, 2.5 * c + 200) * DAY));
      }
      // One or two orders long ago: churned against any population cycle.
      const last = daysAgo(rng.float(420, 660));
      return withCreated(rng.chance(0.5) ? [last] : [last - rng.float(20, 60) * DAY, last]);
    }
    case "WON_BACK": {
      // n regular intervals, then a gap long enough to exceed 3 × the mean interval *including* the gap:
      // gap × (n − 2) > 3 × n × cycle, with a margin for the ±15 % jitter.
      const c = rng.float(10, 30);
      const n = rng.int(5, 9);
      const gap = ((3 * n * c) / (n - 2)) * rng.float(1.35, 1.7);
      const last = daysAgo(rng.float(0.05, 6));
      const beforeGap = last - gap * DAY;
      const earlier = [beforeGap];
      for (let i = 0; i < n; i++) earlier.unshift((earlier[0] ?? beforeGap) - c * DAY * rng.float(0.85, 1.15));
      return withCreated([...earlier, last]);
    }
  }
}

// ---- events -------------------------------------------------------------------------------------------

const EVENT_CHANNELS: Record<string, readonly Channel[]> = {
  PAGE_VIEW: ["WEB", "APP", "WECHAT"],
  PRODUCT_VIEW: ["WEB", "APP", "WECHAT", "PARTNER"],
  SEARCH: ["WEB", "APP", "WECHAT"],
  SIGN_IN: ["WEB", "APP", "WECHAT"],
  MESSAGE_OPEN: ["EMAIL", "WECHAT", "APP"],
  COUPON_CLAIM: ["WECHAT", "APP", "WEB", "POS"],
  STORE_VISIT: ["POS"],
  ADD_TO_CART: ["WEB", "APP", "WECHAT"],
  INQUIRY: ["CALL_CENTER", "WECHAT", "WEB", "EMAIL"],
  TRIAL_START: ["WEB", "APP"],
  REVIEW: ["WEB", "APP", "WECHAT", "PARTNER"],
};
type EventWeights = readonly (readonly [string, number])[];
const BROWSING: EventWeights = [
  ["PAGE_VIEW", 30], ["PRODUCT_VIEW", 22], ["SEARCH", 10], ["SIGN_IN", 10], ["MESSAGE_OPEN", 12],
  ["COUPON_CLAIM", 5], ["STORE_VISIT", 4],
];
const ALL_ACTIVITY: EventWeights = [...BROWSING, ["ADD_TO_CART", 5], ["INQUIRY", 2], ["TRIAL_START", 1]];
const INTENT: EventWeights = [["ADD_TO_CART", 6], ["INQUIRY", 3], ["TRIAL_START", 1]];

const CATEGORIES = ["women", "men", "beauty", "home", "electronics", "kids", "sports", "food"];
const SEARCHES = ["连衣裙", "运动鞋", "护肤套装", "咖啡机", "口红", "羽绒服", "蓝牙耳机", "sneakers", "gift card", "行李箱"];
const CAMPAIGNS = ["618-presale", "double-11", "member-day", "spring-new", "birthday-club", "cny-gift"];
const INQUIRY_TOPICS = ["尺码咨询", "库存查询", "配送时间", "会员权益", "退换货政策", "price match"];

interface EventDraft {
  at: number;
  type: string;
  channel: Channel;
  properties: Record<string, unknown>;
}

// ---- the customer ---------------------------------------------------------------------------------------

/**
 * One demo customer, reproducible from (rng state, index, now): the golden record and every row it owns.
 * Identifier values derive from `index`, so they are unique across a population of distinct indexes; every
 * timestamp lies in the two years before `now` (except points' future expiry dates).
 */
export function generateCustomer(rng: Rng, index: number, now: Date): GeneratedCustomer {
  const nowMs = now.getTime();
  const archetype = rng.weighted(ARCHETYPE_WEIGHTS);
  const person = makePerson(rng, index, nowMs);
  const customerId = rng.uuid();
  const plan = planOrders(rng, archetype, nowMs);
  const channels = pickChannels(rng, archetype);
  const systems = new Map<Channel, string>(channels.map((c) => [c, sourceSystemFor(rng, c, person.city)]));
  const clampNow = (ms: number) => Math.min(nowMs, Math.floor(ms));

  // Orders: the planned completed ones, plus an occasional cancelled or refunded one strictly between them.
  const salesChannels = channels.filter((c) => SALES_CHANNELS.includes(c));
  const mainSales = salesChannels[0] ?? "WEB";
  const orderChannel = () => (rng.chance(0.6) ? mainSales : rng.pick(salesChannels.length ? salesChannels : [mainSales]));
  const totals = orderTotals(rng, archetype, plan.times, nowMs);
  const drafts: { at: number; status: OrderStatus; total: number; channel: Channel }[] = [];
  plan.times.forEach((at, i) => {
    drafts.push({ at: Math.floor(at), status: "COMPLETED", total: totals[i] ?? 100, channel: orderChannel() });
    const next = plan.times[i + 1];
    if (next !== undefined && rng.chance(0.07)) {
      drafts.push({
        at: Math.floor(rng.float(at + HOUR, next - HOUR)),
        status: rng.chance(0.55) ? "CANCELLED" : "REFUNDED",
        total: (totals[i] ?? 100) * rng.float(0.6, 1.4),
        channel: orderChannel(),
      });
    }
  });
  drafts.sort((a, b) => a.at - b.at);
  const orderRows: OrderRow[] = drafts.map((d, n) => ({
    id: `ord-${index}-${n + 1}`,
    customerId,
    channel: d.channel,
    placedAt: new Date(d.at),
    status: d.status,
    total: d.total.toFixed(2),
    currency: "CNY",
    itemCount: Math.max(1, Math.min(20, Math.round(d.total / rng.float(80, 400)))),
    createdAt: new Date(clampNow(d.at + rng.int(200, 5_000))),
  }));

  const eventDrafts = planEvents(rng, archetype, plan, orderRows, channels, systems, nowMs);
  eventDrafts.sort((a, b) => a.at - b.at);
  const eventRows: EventRow[] = eventDrafts.map((e, n) => ({
    id: rng.uuid(),
    customerId,
    channel: e.channel,
    type: e.type,
    occurredAt: new Date(e.at),
    properties: e.properties,
    idempotencyKey: `evt-${index}-${n + 1}`,
    createdAt: new Date(clampNow(e.at + rng.int(50, e.channel === "POS" ? 600_000 : 5_000))),
  }));

  // Each channel was first seen at its first activity (the first channel at the customer's creation).
  const firstSeen = new Map<Channel, number>();
  const lastSeen = new Map<Channel, number>();
  const touch = (channel: Channel, at: number) => {
    firstSeen.set(channel, Math.min(firstSeen.get(channel) ?? Infinity, at));
    lastSeen.set(channel, Math.max(lastSeen.get(channel) ?? -Infinity, at));
  };
  const createdAt = Math.floor(plan.createdAt);
  if (channels[0]) touch(channels[0], createdAt);
  for (const o of orderRows) touch(o.channel, o.placedAt.getTime());
  for (const e of eventRows) touch(e.channel, e.occurredAt.getTime());
  const lastActivity = Math.max(createdAt, ...lastSeen.values());
  for (const c of channels) if (!firstSeen.has(c)) touch(c, Math.floor(rng.float(createdAt, lastActivity)));

  const identityRows: IdentityRow[] = [];
  const sourceRows: SourceRecordRow[] = [];
  buildIdentities(rng, index, customerId, person, channels, systems, firstSeen, lastSeen, identityRows, sourceRows);

  const ticketRows = makeTickets(rng, archetype, customerId, channels, createdAt, nowMs);
  const npsRows = makeNps(rng, archetype, customerId, channels, plan, createdAt, nowMs);
  const pointsRows = makePoints(rng, customerId, orderRows, eventRows, createdAt, nowMs);
  const consentRows = makeConsents(rng, customerId, channels, systems, identityRows, firstSeen, nowMs);

  const updatedAt = Math.max(createdAt, ...sourceRows.map((s) => s.observedAt.getTime()));
  return {
    archetype,
    customer: {
      id: customerId,
      displayName: person.name,
      birthDate: person.birthDate,
      gender: rng.chance(0.06) ? null : person.gender,
      city: person.city?.name ?? null,
      createdAt: new Date(createdAt),
      updatedAt: new Date(updatedAt),
      mergedInto: null,
      erasedAt: null,
    },
    sourceRecords: sourceRows,
    identities: identityRows,
    orders: orderRows,
    events: eventRows,
    tickets: ticketRows,
    npsResponses: npsRows,
    pointsLedger: pointsRows,
    consents: consentRows,
  };
}

// Totals of the planned (completed) orders: the 12-month ones add up to a spend target inside the tier band
// the archetype drew, so every loyalty tier occurs; older orders keep the same average order value.
function orderTotals(rng: Rng, archetype: Archetype, times: readonly number[], now: number): number[] {
  if (times.length === 0) return [];
  const weights = times.map(() => Math.exp(rng.normal(0, 0.08)));
  const yearAgo = now - 365 * DAY;
  const inYear = times.map((t, i) => (t > yearAgo ? i : -1)).filter((i) => i >= 0);
  const tiers = TIER_WEIGHTS[archetype];
  if (!tiers || inYear.length === 0) {
    const aov = Math.min(5_000, Math.max(30, Math.exp(rng.normal(Math.log(300), 0.7))));
    return weights.map((w) => round2(aov * w));
  }
  const [lo, hi] = SPEND_BANDS[rng.weighted(tiers)];
  const target = rng.float(lo, hi);
  const inYearWeight = inYear.reduce((sum, i) => sum + (weights[i] ?? 1), 0);
  const aov = target / inYear.length;
  return weights.map((w, i) => round2((times[i] ?? 0) > yearAgo ? (target * w) / inYearWeight : aov * w));
}

const round2 = (x: number) => Math.max(0.01, Math.round(x * 100) / 100);

function planEvents(
  rng: Rng,
  archetype: Archetype,
  plan: OrderPlan,
  orderRows: readonly OrderRow[],
  channels: readonly Channel[],
  systems: ReadonlyMap<Channel, string>,
  now: number,
): EventDraft[] {
  const out: EventDraft[] = [];
  const created = plan.createdAt;
  const recentFrom = Math.max(created, now - RECENT_DAYS * DAY);

  const make = (weights: EventWeights, at: number, channel?: Channel): EventDraft | null => {
    const usable = weights.filter(([type]) => channels.some((c) => EVENT_CHANNELS[type]?.includes(c)));
    if (usable.length === 0) return null;
    const type = rng.weighted(usable);
    const fits = channels.filter((c) => EVENT_CHANNELS[type]?.includes(c));
    const ch = channel && fits.includes(channel) ? channel : rng.pick(fits);
    return { at: Math.floor(at), type, channel: ch, properties: eventProperties(rng, type, ch, systems) };
  };
  const emit = (weights: EventWeights, count: number, from: number, to: number, channel?: Channel) => {
    if (to < from) return;
    for (let i = 0; i < count; i++) {
      const e = make(weights, Math.min(now, rng.float(from, to)), channel);
      if (e) out.push(e);
    }
  };
  // A Poisson stream of background activity at `perMonth` events per 30 days.
  const stream = (weights: EventWeights, perMonth: number, from: number, to: number) =>
    emit(weights, rng.poisson((perMonth * Math.max(0, to - from)) / (30 * DAY)), from, to);

  const completed = orderRows.filter((o) => o.status === "COMPLETED");
  // The browse-and-cart funnel before online orders, and an occasional review after.
  const quietFrom = archetype === "DISENGAGING" ? now - 31 * DAY : now;
  for (const o of orderRows) {
    const at = o.placedAt.getTime();
    if (o.channel === "POS" || o.channel === "PARTNER") continue;
    if (rng.chance(0.6)) emit([["PRODUCT_VIEW", 1]], 1, Math.max(created, at - 2 * DAY), at - 10 * 60_000, o.channel);
    if (rng.chance(0.4)) emit([["ADD_TO_CART", 1]], 1, Math.max(created, at - 2 * HOUR), at - 60_000, o.channel);
  }
  for (const o of completed) {
    const reviewAt = o.placedAt.getTime() + rng.float(3, 20) * DAY;
    if (rng.chance(0.1) && reviewAt < quietFrom) emit([["REVIEW", 1]], 1, reviewAt, reviewAt, o.channel);
  }

  const first = plan.times[0] ?? now;
  const last = plan.times[plan.times.length - 1] ?? now;
  const rate = rng.float(0.4, 1.9);
  switch (archetype) {
    case "BROWSER": {
      // Known to us, never enough recent engagement for CONSIDERATION: ≤ 2 browsing events in 30 days.
      if (created < now - 31 * DAY) {
        emit(BROWSING, rng.int(1, 5), created, now - 31 * DAY);
        if (rng.chance(0.35)) emit(BROWSING, 1, recentFrom, now);
      } else {
        emit(BROWSING, rng.int(1, 2), created, now);
      }
      break;
    }
    case "ENGAGED_PROSPECT": {
      stream(BROWSING, rate, created, now - 31 * DAY);
      if (rng.chance(0.5)) {
        emit(BROWSING, rng.int(3, 12), recentFrom, now);
      } else {
        emit(BROWSING, rng.int(0, 4), recentFrom, now);
        emit(INTENT, rng.int(1, 2), recentFrom, now);
      }
      break;
    }
    case "NEW_BUYER":
      emit(BROWSING, rng.int(1, 6), created, first);
      emit(BROWSING, rng.int(0, 3), first, now);
      break;
    case "REGULAR":
      stream(ALL_ACTIVITY, rate, created, now);
      break;
    case "FADING":
      stream(ALL_ACTIVITY, rate, created, last);
      stream(BROWSING, rate * 0.25, last, now);
      break;
    case "DISENGAGING": {
      // Busy until two months ago, then (nearly) silent: last 30 days well under 70 % of the baseline.
      stream(ALL_ACTIVITY, rate, created, now - 90 * DAY);
      emit(ALL_ACTIVITY, rng.int(8, 14), Math.max(created, now - 89 * DAY), now - 31 * DAY);
      emit(BROWSING, rng.int(0, 1), now - 28 * DAY, now);
      break;
    }
    case "LAPSED":
      stream(ALL_ACTIVITY, rate, created, last + rng.float(0, 30) * DAY);
      if (rng.chance(0.3)) emit([["MESSAGE_OPEN", 1]], 1, last, now - 31 * DAY);
      break;
    case "WON_BACK": {
      const beforeGap = plan.times[plan.times.length - 2] ?? first;
      stream(ALL_ACTIVITY, rate, created, beforeGap + rng.float(0, 20) * DAY);
      emit(BROWSING, rng.int(0, 1), beforeGap, last);
      emit(BROWSING, rng.int(2, 5), Math.max(beforeGap, now - 14 * DAY), now);
      break;
    }
  }

  if (archetype === "REGULAR") {
    // No decline signal: the last 30 days at least half of the 90 days before, and an interaction in the
    // last 10 days (a GOLD+ customer silent for 15 days would be DECLINING).
    const count = (from: number, to: number) => out.filter((e) => e.at > from && e.at <= to).length;
    const recent = count(now - 30 * DAY, now);
    const baseline = count(now - 120 * DAY, now - 30 * DAY);
    emit(BROWSING, Math.max(0, Math.max(2, Math.ceil(baseline / 2)) - recent), Math.max(created, now - 28 * DAY), now);
    emit(BROWSING, 1, Math.max(created, now - 10 * DAY), now);
  }
  return out.filter((e) => e.at >= created && e.at <= now);
}

function eventProperties(
  rng: Rng,
  type: string,
  channel: Channel,
  systems: ReadonlyMap<Channel, string>,
): Record<string, unknown> {
  const sku = () => `SKU-${rng.int(10_000, 99_999)}`;
  switch (type) {
    case "PAGE_VIEW":
      return { path: rng.pick(["/", "/new-arrivals", "/sale", "/member", "/stores", "/cart"]) };
    case "PRODUCT_VIEW":
      return { sku: sku(), category: rng.pick(CATEGORIES) };
    case "ADD_TO_CART":
      return { sku: sku(), quantity: rng.int(1, 3), price: rng.int(39, 1_999) };
    case "SEARCH":
      return { query: rng.pick(SEARCHES) };
    case "SIGN_IN":
      return { method: rng.pick(["password", "sms", "wechat"]) };
    case "MESSAGE_OPEN":
      return { campaign: rng.pick(CAMPAIGNS) };
    case "COUPON_CLAIM":
      return { coupon: `CPN-${rng.alphanumeric(6).toUpperCase()}`, value: rng.pick([10, 20, 50, 100]) };
    case "STORE_VISIT":
      return { store: systems.get(channel) ?? "pos" };
    case "INQUIRY":
      return { topic: rng.pick(INQUIRY_TOPICS) };
    case "TRIAL_START":
      return { plan: rng.pick(["member-plus", "beauty-box"]) };
    case "REVIEW":
      return { rating: rng.weighted([[5, 50], [4, 30], [3, 12], [2, 5], [1, 3]] as const) };
    default:
      return {};
  }
}

// ---- identities and source records ------------------------------------------------------------------------

const FULL_WIDTH_OFFSET = 0xfee0;
const fullWidth = (s: string) => s.replace(/[0-9]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) + FULL_WIDTH_OFFSET));

// A mobile as some channel would type it: spaced, dashed, with country code, full-width digits …
function rawPhone(rng: Rng, digits: string): string {
  const spaced = `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
  return rng.weighted([
    [digits, 35],
    [spaced, 15],
    [`+86-${digits}`, 10],
    [`+86 ${spaced}`, 10],
    [`86${digits}`, 8],
    [`0086 ${digits}`, 5],
    [fullWidth(digits), 7],
    [spaced.replaceAll(" ", "-"), 10],
  ] as const);
}

function rawEmail(rng: Rng, email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return rng.weighted([
    [email, 70],
    [email.toUpperCase(), 8],
    [`${local.charAt(0).toUpperCase()}${local.slice(1)}@${domain.charAt(0).toUpperCase()}${domain.slice(1)}`, 10],
    [` ${email} `, 7],
    [`${local}\uff20${domain}`, 5],
  ] as const);
}

function makeEmail(rng: Rng, index: number, person: Person): string {
  const given = person.pinyinGiven.toLowerCase().replace(/[^a-z]/gu, "");
  const surname = person.pinyinSurname.toLowerCase().replace(/[^a-z]/gu, "");
  // The index is the trailing digits after a letter, so two customers never share an address.
  const qq = 100_000_000 + scramble(index, 900_000_000, 39_916_801, 5_551_212);
  return rng.weighted([
    [`${qq}@qq.com`, 25],
    [`${surname}${given}${index}@163.com`, 18],
    [`${given}.${surname}${index}@gmail.com`, 14],
    [`${surname}_${given}${index}@126.com`, 10],
    [`${given}${surname}${index}@outlook.com`, 10],
    [`${surname}.${given}${index}@sina.com`, 8],
    [`${given}${index}@foxmail.com`, 8],
    [`${surname}${given}${index}@icloud.com`, 7],
  ] as const);
}

function nameAsSent(rng: Rng, person: Person, channel: Channel): string {
  const upper = `${person.pinyinSurname.toUpperCase()}/${person.pinyinGiven.toUpperCase()}`;
  if (person.latin) {
    if (channel === "PARTNER") return upper;
    return rng.weighted([
      [person.name, 70],
      [`${person.surname.toUpperCase()} ${person.given}`, 15],
      [person.name.toLowerCase(), 15],
    ] as const);
  }
  switch (channel) {
    case "PARTNER":
      return rng.chance(0.6) ? upper : `${person.pinyinSurname} ${person.pinyinGiven}`;
    case "EMAIL":
      return rng.chance(0.5) ? `${person.pinyinGiven} ${person.pinyinSurname}` : person.name;
    case "CALL_CENTER":
      // Agents often log only the surname and an honorific.
      return rng.chance(0.1) ? `${person.surname}${person.gender === "F" ? "女士" : "先生"}` : person.name;
    case "WEB":
      return rng.chance(0.15) ? `${person.surname} ${person.given}` : person.name;
    default:
      return person.name;
  }
}

function genderAsSent(gender: "F" | "M", channel: Channel): string {
  switch (channel) {
    case "APP":
      return gender === "F" ? "female" : "male";
    case "POS":
    case "CALL_CENTER":
      return gender === "F" ? "女" : "男";
    case "WECHAT":
      return gender === "F" ? "2" : "1";
    default:
      return gender;
  }
}

function buildIdentities(
  rng: Rng,
  index: number,
  customerId: string,
  person: Person,
  channels: readonly Channel[],
  systems: ReadonlyMap<Channel, string>,
  firstSeen: ReadonlyMap<Channel, number>,
  lastSeen: ReadonlyMap<Channel, number>,
  identityRows: IdentityRow[],
  sourceRows: SourceRecordRow[],
): void {
  const phone = primaryPhone(rng, index);
  const email = makeEmail(rng, index, person);
  const phone2 = rng.chance(0.1) ? secondaryPhone(rng, index) : null;
  const seen = new Set<string>();
  let phonesSent = 0;

  const add = (
    type: IdentityRow["type"],
    raw: string,
    channel: Channel,
    verified: boolean,
    namespace = "",
  ): void => {
    const normalized = normalizeIdentifier(type, raw, namespace);
    if (!normalized.ok) throw new Error(`Generated an invalid ${type} (${normalized.reason}) for customer ${index}`);
    // One row per identifier: the first channel that sent it owns the row, the others only repeat it.
    const key = `${type}|${normalized.namespace}|${normalized.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    identityRows.push({
      id: rng.uuid(),
      customerId,
      type,
      namespace: normalized.namespace,
      value: normalized.value,
      rawValue: raw,
      channel,
      sourceSystem: systems.get(channel) ?? channel.toLowerCase(),
      firstSeenAt: new Date(firstSeen.get(channel) ?? 0),
      lastSeenAt: new Date(lastSeen.get(channel) ?? 0),
      verified,
    });
  };

  // Channels in the order the customer met them, so the first sender of an identifier owns its row.
  const ordered = [...channels].sort((a, b) => (firstSeen.get(a) ?? 0) - (firstSeen.get(b) ?? 0));
  const idChannel = ordered.find((c) => c === "PARTNER" || c === "POS" || c === "CALL_CENTER") ?? ordered[0];

  for (const channel of ordered) {
    const system = systems.get(channel) ?? channel.toLowerCase();
    const attributes: Record<string, unknown> = { name: nameAsSent(rng, person, channel) };
    const sendPhone = (probability: number, verified: boolean) => {
      if (!rng.chance(probability)) return;
      // A second phone turns up on a later channel than the first.
      const which = phone2 && phonesSent > 0 && rng.chance(0.6) ? phone2 : phone;
      phonesSent++;
      const raw = rawPhone(rng, which);
      attributes.phone = raw;
      add("PHONE", raw, channel, verified);
    };
    const sendEmail = (probability: number, verified: boolean) => {
      if (!rng.chance(probability)) return;
      const raw = rawEmail(rng, email);
      attributes.email = raw;
      add("EMAIL", raw, channel, verified);
    };
    let recordId: string;
    switch (channel) {
      case "WEB":
        sendEmail(0.85, false);
        sendPhone(attributes.email ? 0.55 : 1, false);
        recordId = `gid://shopify/Customer/${7_100_000_000 + index}`;
        break;
      case "APP": {
        sendPhone(0.95, true);
        sendEmail(0.3, false);
        const devices = rng.chance(0.2) ? 2 : 1;
        for (let d = 0; d < devices; d++) {
          const tail = scramble(index * 2 + d, 2 ** 48, 10_368_889, 0x5eed).toString(16).padStart(12, "0");
          const device = `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-a${rng.hex(3)}-${tail}`;
          // iOS reports the IDFV in upper case, Android lower case; normalization folds both.
          const raw = system === "app-ios" ? device.toUpperCase() : device;
          attributes.deviceId = raw;
          add("DEVICE_ID", raw, channel, false);
        }
        if (!attributes.phone && !attributes.email) sendEmail(1, false);
        recordId = `u-${base62(index, 8)}`;
        break;
      }
      case "POS": {
        const card = String(scramble(index, 1e10, 86_028_121, 2_024)).padStart(10, "0");
        const raw = rng.weighted([
          [`LC${card}`, 60],
          [`lc ${card.slice(0, 4)} ${card.slice(4, 8)} ${card.slice(8)}`, 20],
          [`LC-${card.slice(0, 4)}-${card.slice(4, 8)}-${card.slice(8)}`, 20],
        ] as const);
        attributes.loyaltyCard = raw;
        add("LOYALTY_CARD", raw, channel, true);
        sendPhone(0.85, true);
        attributes.address = person.address;
        recordId = `M${String(index).padStart(9, "0")}`;
        break;
      }
      case "WECHAT": {
        const openId = `o${OPENID_TAGS.mp}${rng.alphanumeric(14)}${base62(index, 8)}`;
        attributes.wechatOpenId = openId;
        attributes.wechatAppId = WECHAT_APPS.mp;
        add("WECHAT_OPENID", openId, channel, true, WECHAT_APPS.mp);
        if (rng.chance(0.25)) {
          const miniOpenId = `o${OPENID_TAGS.mini}${rng.alphanumeric(14)}${base62(index, 8)}`;
          add("WECHAT_OPENID", miniOpenId, channel, true, WECHAT_APPS.mini);
        }
        if (rng.chance(0.7)) {
          const unionId = `o6_bm${rng.alphanumeric(15)}${base62(index, 8)}`;
          attributes.wechatUnionId = unionId;
          add("WECHAT_UNIONID", unionId, channel, true);
        }
        sendPhone(0.4, true);
        recordId = openId;
        break;
      }
      case "CALL_CENTER":
        sendPhone(1, false);
        recordId = `CC-${index}`;
        break;
      case "EMAIL":
        // Double opt-in: the address was confirmed.
        sendEmail(1, true);
        recordId = `sub_${scramble(index, 2 ** 40, 10_368_889, 77).toString(16).padStart(10, "0")}`;
        break;
      case "PARTNER": {
        const partner = PARTNERS.find((p) => p.system === system) ?? PARTNERS[0];
        const externalId = partner.externalId(index);
        attributes.externalId = externalId;
        add("EXTERNAL_ID", externalId, channel, true, system);
        sendPhone(0.7, true);
        sendEmail(0.25, false);
        recordId = externalId;
        break;
      }
    }
    if (person.nationalId && channel === idChannel) {
      // Sensitive: never copied into the raw attributes; only the (sealed) identity row keeps it.
      add("NATIONAL_ID", person.nationalId, channel, true);
    }
    if (person.birthDate && channel !== "EMAIL" && rng.chance(0.7)) attributes.birthDate = person.birthDate;
    if (rng.chance(0.85)) attributes.gender = genderAsSent(person.gender, channel);
    if (person.city && rng.chance(0.8)) attributes.city = person.city.name;
    if (channel === "WEB" && rng.chance(0.5)) attributes.address = person.address;

    const first = firstSeen.get(channel) ?? 0;
    const last = lastSeen.get(channel) ?? first;
    sourceRows.push({
      id: rng.uuid(),
      customerId,
      channel,
      sourceSystem: system,
      sourceRecordId: recordId,
      observedAt: new Date(last),
      attributes,
      createdAt: new Date(first),
      updatedAt: new Date(last),
    });
  }
}

// ---- service, sentiment, loyalty, consent ----------------------------------------------------------------

const TICKET_SUBJECTS = [
  "订单未收到", "退款进度查询", "积分未到账", "会员等级咨询", "商品质量问题", "发票开具", "修改收货地址",
  "账号无法登录", "优惠券无法使用", "门店服务投诉",
];
const SUPPORT_CHANNELS: readonly Channel[] = ["CALL_CENTER", "WECHAT", "EMAIL", "WEB", "APP"];
// Unhappy archetypes open more tickets.
const TICKET_CHANCE: Record<Archetype, number> = {
  DISENGAGING: 0.35, FADING: 0.3, LAPSED: 0.2, WON_BACK: 0.2, REGULAR: 0.18, NEW_BUYER: 0.15, ENGAGED_PROSPECT: 0.12,
  BROWSER: 0.04,
};
const CSAT_HAPPY = [[5, 45], [4, 30], [3, 12], [2, 8], [1, 5]] as const;
const CSAT_UNHAPPY = [[5, 20], [4, 20], [3, 20], [2, 20], [1, 20]] as const;

function supportChannel(rng: Rng, channels: readonly Channel[]): Channel {
  const fits = channels.filter((c) => SUPPORT_CHANNELS.includes(c));
  return fits.length ? rng.pick(fits) : "CALL_CENTER";
}

function makeTickets(
  rng: Rng,
  archetype: Archetype,
  customerId: string,
  channels: readonly Channel[],
  created: number,
  now: number,
): TicketRow[] {
  if (!rng.chance(TICKET_CHANCE[archetype])) return [];
  const unhappy = archetype === "FADING" || archetype === "DISENGAGING" || archetype === "LAPSED";
  const count = rng.weighted([[1, 70], [2, 22], [3, 8]] as const);
  const rows: TicketRow[] = [];
  for (let i = 0; i < count; i++) {
    // The latest ticket of some customers is still open, often urgent: SERVICE_RECOVERY's cue.
    const open = i === count - 1 && rng.chance(unhappy ? 0.45 : 0.2);
    const openedAt = open
      ? Math.floor(Math.max(created, now - rng.float(0.1, 20) * DAY))
      : Math.floor(rng.float(created, Math.max(created, now - 2 * DAY)));
    const resolvedAt = open ? null : Math.min(now, Math.floor(openedAt + rng.float(1, 168) * HOUR));
    const status: TicketStatus = open ? (rng.chance(0.7) ? "OPEN" : "PENDING") : rng.chance(0.6) ? "CLOSED" : "RESOLVED";
    const priority: TicketPriority = open
      ? rng.weighted([["URGENT", 25], ["HIGH", 35], ["NORMAL", 30], ["LOW", 10]] as const)
      : rng.weighted([["URGENT", 5], ["HIGH", 15], ["NORMAL", 60], ["LOW", 20]] as const);
    const csat =
      !open && rng.chance(0.75)
        ? rng.weighted<number>(unhappy ? CSAT_UNHAPPY : CSAT_HAPPY)
        : null;
    rows.push({
      id: rng.uuid(),
      customerId,
      channel: supportChannel(rng, channels),
      subject: rng.pick(TICKET_SUBJECTS),
      openedAt: new Date(openedAt),
      resolvedAt: resolvedAt === null ? null : new Date(resolvedAt),
      status,
      priority,
      csat,
    });
  }
  return rows;
}

const NPS_COMMENTS = {
  promoter: ["服务很好，会推荐给朋友", "物流很快，质量不错", "会员活动很实惠", "Great service!"],
  passive: ["还可以", "价格有点贵", "配送速度一般"],
  detractor: ["客服响应太慢", "退款拖了很久", "商品和描述不符", "积分规则太复杂", "Never again."],
};

function makeNps(
  rng: Rng,
  archetype: Archetype,
  customerId: string,
  channels: readonly Channel[],
  plan: OrderPlan,
  created: number,
  now: number,
): NpsResponseRow[] {
  const prospect = plan.times.length === 0;
  if (!rng.chance(prospect ? 0.05 : 0.28)) return [];
  const unhappy = archetype === "FADING" || archetype === "DISENGAGING" || archetype === "LAPSED";
  const asked = channels.filter((c) => c === "EMAIL" || c === "WECHAT" || c === "APP");
  const from = plan.times[0] ?? created;
  const rows: NpsResponseRow[] = [];
  for (let i = rng.chance(0.25) ? 2 : 1; i > 0; i--) {
    const band = rng.weighted(
      unhappy
        ? ([["detractor", 50], ["passive", 30], ["promoter", 20]] as const)
        : ([["detractor", 15], ["passive", 30], ["promoter", 55]] as const),
    );
    const score = band === "promoter" ? rng.int(9, 10) : band === "passive" ? rng.int(7, 8) : rng.int(0, 6);
    rows.push({
      id: rng.uuid(),
      customerId,
      channel: asked.length ? rng.pick(asked) : (channels[0] ?? "EMAIL"),
      score,
      comment: rng.chance(0.4) ? rng.pick(NPS_COMMENTS[band]) : null,
      respondedAt: new Date(Math.floor(rng.float(from, now))),
    });
  }
  return rows;
}

const addYear = (ms: number) => {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + 12);
  return d;
};

// Points: 1 per CNY of each completed order, sign-in / review / referral bonuses, some redemptions, and the
// reversal of refunded orders. Debits draw on unexpired points oldest first, so no balance goes negative.
function makePoints(
  rng: Rng,
  customerId: string,
  orderRows: readonly OrderRow[],
  eventRows: readonly EventRow[],
  created: number,
  now: number,
): PointsLedgerRow[] {
  type Op = { at: number; reason: PointsLedgerRow["reason"]; delta: number; orderId: string | null };
  const ops: Op[] = [];
  for (const o of orderRows) {
    const at = o.placedAt.getTime();
    const points = Math.floor(Number(o.total));
    if (o.status === "CANCELLED" || points <= 0) continue;
    if (rng.chance(0.12)) ops.push({ at: Math.max(created, at - 1_000), reason: "REDEEM", delta: -1, orderId: o.id });
    ops.push({ at, reason: "PURCHASE", delta: points, orderId: o.id });
    if (o.status === "REFUNDED") {
      const refundedAt = Math.min(now, Math.floor(at + rng.float(2, 15) * DAY));
      ops.push({ at: refundedAt, reason: "ADJUST", delta: -points, orderId: o.id });
    }
  }
  for (const e of eventRows) {
    const at = e.occurredAt.getTime();
    if (e.type === "SIGN_IN" && rng.chance(0.4)) ops.push({ at, reason: "SIGN_IN", delta: 5, orderId: null });
    if (e.type === "REVIEW") ops.push({ at, reason: "REVIEW", delta: 20, orderId: null });
  }
  if (orderRows.length > 0 && rng.chance(0.04)) {
    ops.push({ at: Math.floor(rng.float(created, now)), reason: "REFERRAL", delta: 200, orderId: null });
  }
  ops.sort((a, b) => a.at - b.at);

  const lots: { left: number; expires: number }[] = [];
  const rows: PointsLedgerRow[] = [];
  for (const op of ops) {
    let delta = op.delta;
    if (delta < 0) {
      const live = lots.filter((l) => l.expires > op.at && l.left > 0);
      const available = live.reduce((s, l) => s + l.left, 0);
      // A redemption spends a round share of the balance; a reversal takes back what is still there.
      const wanted = op.reason === "REDEEM" ? Math.floor((available * rng.float(0.3, 0.9)) / 100) * 100 : -delta;
      const take = Math.min(available, wanted);
      if (take <= 0 || (op.reason === "REDEEM" && take < 100)) continue;
      let rest = take;
      for (const lot of live) {
        const used = Math.min(rest, lot.left);
        lot.left -= used;
        rest -= used;
        if (rest === 0) break;
      }
      delta = -take;
    }
    const earnedAt = new Date(op.at);
    const expiresAt = delta > 0 ? addYear(op.at) : null;
    if (expiresAt) lots.push({ left: delta, expires: expiresAt.getTime() });
    // An order's points carry its id as their source key, as recordOrders writes them: never awarded twice.
    const sourceKey = op.reason === "PURCHASE" || op.reason === "ADJUST" ? op.orderId : null;
    rows.push({ id: rng.uuid(), customerId, delta, reason: op.reason, orderId: op.orderId, sourceKey, earnedAt, expiresAt });
  }
  return rows;
}

function makeConsents(
  rng: Rng,
  customerId: string,
  channels: readonly Channel[],
  systems: ReadonlyMap<Channel, string>,
  identityRows: readonly IdentityRow[],
  firstSeen: ReadonlyMap<Channel, number>,
  now: number,
): ConsentRow[] {
  const has = (type: IdentityRow["type"]) => identityRows.find((i) => i.type === type);
  const purposes: [ConsentPurpose, Channel | undefined][] = [];
  const email = has("EMAIL");
  const phone = has("PHONE");
  if (email) purposes.push(["EMAIL", email.channel]);
  if (phone) purposes.push(["SMS", phone.channel]);
  if (channels.includes("WECHAT")) purposes.push(["WECHAT", "WECHAT"]);
  if (channels.includes("APP")) purposes.push(["PUSH", "APP"]);
  if (phone && (channels.includes("CALL_CENTER") || rng.chance(0.3))) purposes.push(["PHONE", phone.channel]);
  if (rng.chance(0.7)) purposes.push(["PROFILING", channels[0]]);
  return purposes.map(([purpose, channel]) => {
    const from = (channel && firstSeen.get(channel)) ?? now;
    return {
      id: rng.uuid(),
      customerId,
      purpose,
      granted: rng.chance(purpose === "PROFILING" ? 0.75 : 0.85),
      at: new Date(Math.min(now, Math.floor(from + rng.float(0, 2) * DAY))),
      source: (channel && systems.get(channel)) ?? "c360",
    };
  });
}
