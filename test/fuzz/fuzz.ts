/**
 * Seeded fast-check arbitraries that MUTATE realistic inputs (issue #10: "tried as an attacker
 * would"). Every arbitrary here yields plain data describing a base input and a list of
 * mutations; `materialize` builds the actual (possibly hostile: cyclic, proxied, 1 MB strings,
 * throwing getters …) value from it, fresh for every call, so a failing case is reproducible
 * from its seed alone and its description can be printed.
 *
 * Used by `test/fuzz/run.ts` (`npm run fuzz`, the long run) and `test/fuzz/fuzz.test.ts` (a short
 * run inside `npm test`).
 */
import fc from "fast-check";
import { EVENT_TYPES as SCHEMA_EVENT_TYPES } from "../../src/schemas.js";

// ---------------------------------------------------------------------------------------------
// Hostile values
// ---------------------------------------------------------------------------------------------

/** Objects made here that the mutation walker must not enter (proxies, getters, exotic objects). */
const OPAQUE = new WeakSet<object>();
/** Errors thrown by the input's own code (getters, proxy traps, toString): recognised by identity. */
const SENTINELS = new WeakSet<object>();

/** True for an error thrown by a hostile value's own code (a getter, a proxy trap, a toString). */
export function isSentinel(e: unknown): boolean {
  return typeof e === "object" && e !== null && SENTINELS.has(e);
}

function sentinel(where: string): Error {
  const e = new Error(`fuzz sentinel: ${where}`);
  SENTINELS.add(e);
  return e;
}

/** True for an object made here (or marked) that checks must not walk into. */
export function isOpaque(value: object): boolean {
  return OPAQUE.has(value);
}

/** Marks an object (e.g. a compiled policy) as never to be walked into or mutated. */
export function opaque<T>(value: T): T {
  if (typeof value === "object" && value !== null) OPAQUE.add(value);
  return value;
}

const NUMBERS: Record<string, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  "-Infinity": Number.NEGATIVE_INFINITY,
  "-0": -0,
  "0": 0,
  "-1": -1,
  "0.5": 0.5,
  "1e308": 1e308,
  "-1e308": -1e308,
  "2^53": 2 ** 53,
  "2^53+2": 2 ** 53 + 2,
  MAX_SAFE: Number.MAX_SAFE_INTEGER,
  MAX_VALUE: Number.MAX_VALUE,
  MIN_VALUE: Number.MIN_VALUE,
  "1e-7": 1e-7,
  "9e11": 9e11,
  "9e11+1": 9e11 + 1,
  "900000000000.0001": 900_000_000_000.0001,
  "0.1+0.2": 0.1 + 0.2,
  "2^31": 2 ** 31,
  "-2^31": -(2 ** 31),
  "1e21": 1e21,
  "100000": 100_000,
  "3651": 3651,
  "1e9": 1e9,
};

const STRINGS: readonly string[] = [
  "",
  " ",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "then",
  "\u0000",
  "\ud800",
  "\udfff\ud800",
  "王伟 13800138000",
  "\u202eevil",
  "👩‍👩‍👧‍👦",
  "{{",
  "}}",
  "{{#if x}}",
  "{{/if}}",
  "{{#each items}}{{/each}}",
  "{{amount.overdue}}",
  "{{constructor}}",
  "{{__proto__}}",
  "%s%d%n",
  "$&$`$'",
  "<script>alert(1)</script>",
  "NaN",
  "Infinity",
  "-0",
  "1e5",
  "0x10",
  "12.",
  ".5",
  " 12",
  "１２",
  "12,50",
  "9".repeat(64),
  "9".repeat(65),
  "900000000000.01",
  "899999999999.9999",
  "0.00001",
  "yesterday",
  "2026-11-23T10:00:00",
  "2026-11-23 10:00:00+08:00",
  "Asia/Shanghai",
  "Etc/GMT+14",
  "+08:00",
  "en-US",
  "zh-Hant-TW",
  "x-private",
  "root",
  "und",
  "i-klingon",
  "USD",
  "CLF",
  "XXX",
];

const EDGE_DATES: readonly string[] = [
  "0000-01-01",
  "0000-02-29",
  "0001-01-01",
  "0099-12-31",
  "0100-01-01",
  "1582-10-10",
  "1899-12-31",
  "1900-01-01",
  "1969-12-31",
  "1970-01-01",
  "2000-02-29",
  "2024-02-29",
  "2023-02-29",
  "2026-02-30",
  "2026-03-08", // US spring forward
  "2026-11-01", // US fall back
  "2026-03-29", // EU spring forward
  "2026-10-25", // EU fall back
  "2026-04-05", // Lord Howe half hour
  "2038-01-19",
  "2100-02-29",
  "9899-12-31",
  "9900-01-01",
  "9999-12-18",
  "9999-12-31",
  "2026-13-01",
  "2026-00-10",
  "2026-1-1",
  "+02026-01-01",
];

const EDGE_TIMES: readonly string[] = [
  "T00:00:00Z",
  "T23:59:59.999Z",
  "T02:30:00-05:00",
  "T01:30:00-04:00",
  "T01:30:00-05:00",
  "T01:30:00+00:00",
  "T02:30:00+01:00",
  "T12:00:00+18:00",
  "T12:00:00-18:00",
  "T12:00:00+18:59",
  "T12:00:00+05:45",
  "T23:59:59.999999999+14:00",
  "T24:00:00Z",
  "T12:00:60Z",
  "T12:00:00.Z",
  "T12:00Z",
  "T12:00:00",
];

const EDGE_AMOUNTS: readonly (string | number)[] = [
  "0",
  "0.00",
  "-0",
  "-0.00",
  "0.001",
  "0.0001",
  "0.00001",
  "0.005",
  "0.0049",
  "1.005",
  "900000000000",
  "900000000000.00",
  "899999999999.9999",
  "900000000000.01",
  "1000000000000",
  "000000000000000000000000000001.50",
  "1".repeat(64),
  "1." + "1".repeat(62),
  9e11,
  9e11 + 1,
  1e-7,
  5e-324,
  0.1 + 0.2,
  1.005,
  -0,
  123456789.123456,
];

/** A description of one hostile value (printable; `hostile` builds it). */
export type Hostile =
  | { t: "num"; v: string }
  | { t: "str"; v: number }
  | { t: "long"; len: number; ch: string }
  | { t: "date"; v: string }
  | { t: "amount"; v: number }
  | { t: "lit"; v: "null" | "undefined" | "true" | "false" | "{}" | "[]" | "[null]" | "[[]]" }
  | { t: "deep"; depth: number; shape: "array" | "object" | "mixed" }
  | { t: "dag"; depth: number }
  | { t: "wide"; n: number }
  | { t: "json"; v: number }
  | {
      t: "exotic";
      v:
        | "symbol"
        | "bigint"
        | "function"
        | "date"
        | "invalidDate"
        | "map"
        | "set"
        | "regexp"
        | "typedArray"
        | "boxedString"
        | "boxedNumber"
        | "nullProto"
        | "classInstance"
        | "throwingGetter"
        | "throwingToString"
        | "throwingToJSON"
        | "throwingToPrimitive"
        | "proxyThrowing"
        | "proxyRevoked"
        | "proxyTransparent"
        | "proxyLyingKeys"
        | "sparseArray"
        | "hugeLengthArrayLike"
        | "symbolKeyed"
        | "frozen"
        | "promise"
        | "error"
        | "arrayWithExtras";
    };

const PROTO_JSON: readonly string[] = [
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"__proto__": {"toString": "x", "valueOf": 1}}',
  '{"__proto__": null}',
  '[{"__proto__": {"length": 1e9}}]',
  '{"prototype": {"polluted": true}, "__proto__": []}',
  '{"hasOwnProperty": 1, "toString": null, "isPrototypeOf": {}}',
];

const EXOTICS = [
  "symbol",
  "bigint",
  "function",
  "date",
  "invalidDate",
  "map",
  "set",
  "regexp",
  "typedArray",
  "boxedString",
  "boxedNumber",
  "nullProto",
  "classInstance",
  "throwingGetter",
  "throwingToString",
  "throwingToJSON",
  "throwingToPrimitive",
  "proxyThrowing",
  "proxyRevoked",
  "proxyTransparent",
  "proxyLyingKeys",
  "sparseArray",
  "hugeLengthArrayLike",
  "symbolKeyed",
  "frozen",
  "promise",
  "error",
  "arrayWithExtras",
] as const;

const LONG_LENGTHS = [129, 1_001, 2_001, 20_001, 100_000, 1_000_000] as const;

export const hostileArb: fc.Arbitrary<Hostile> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...Object.keys(NUMBERS)).map((v): Hostile => ({ t: "num", v })) },
  { weight: 5, arbitrary: fc.nat(STRINGS.length - 1).map((v): Hostile => ({ t: "str", v })) },
  {
    weight: 2,
    arbitrary: fc
      .record({ len: fc.constantFrom(...LONG_LENGTHS), ch: fc.constantFrom("x", "9", " ", "王", "{", "\ud83d\ude00") })
      .map((r): Hostile => ({ t: "long", ...r })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...EDGE_DATES), fc.option(fc.constantFrom(...EDGE_TIMES), { nil: undefined }))
      .map(([d, tm]): Hostile => ({ t: "date", v: tm ? d + tm : d })),
  },
  { weight: 3, arbitrary: fc.nat(EDGE_AMOUNTS.length - 1).map((v): Hostile => ({ t: "amount", v })) },
  {
    weight: 5,
    arbitrary: fc
      .constantFrom("null", "undefined", "true", "false", "{}", "[]", "[null]", "[[]]")
      .map((v): Hostile => ({ t: "lit", v }) as Hostile),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        depth: fc.constantFrom(10, 65, 200, 2_000, 10_000, 100_000),
        shape: fc.constantFrom("array", "object", "mixed"),
      })
      .map((r): Hostile => ({ t: "deep", depth: r.depth, shape: r.shape as "array" })),
  },
  { weight: 1, arbitrary: fc.constantFrom(20, 40, 64).map((depth): Hostile => ({ t: "dag", depth })) },
  { weight: 1, arbitrary: fc.constantFrom(101, 1_001, 10_001).map((n): Hostile => ({ t: "wide", n })) },
  { weight: 2, arbitrary: fc.nat(PROTO_JSON.length - 1).map((v): Hostile => ({ t: "json", v })) },
  { weight: 6, arbitrary: fc.constantFrom(...EXOTICS).map((v): Hostile => ({ t: "exotic", v })) },
);

function deepValue(depth: number, shape: "array" | "object" | "mixed"): unknown {
  let v: unknown = "leaf";
  for (let i = 0; i < depth; i++) {
    const arr = shape === "array" || (shape === "mixed" && i % 2 === 0);
    // The objects use the names of real fields so validators walk into them.
    v = arr ? [v] : i % 2 ? { all: [v] } : { params: v };
  }
  return v;
}

class Thing {
  id = "A1";
  amount = "1.00";
  get dueDate(): string {
    return "2026-01-01";
  }
}

/** Builds the hostile value described by `h` (fresh every call). */
export function hostile(h: Hostile): unknown {
  switch (h.t) {
    case "num":
      return NUMBERS[h.v];
    case "str":
      return STRINGS[h.v];
    case "long":
      return h.ch.repeat(Math.ceil(h.len / h.ch.length));
    case "date":
      return h.v;
    case "amount":
      return EDGE_AMOUNTS[h.v];
    case "lit":
      return h.v === "undefined" ? undefined : JSON.parse(h.v);
    case "deep":
      return deepValue(h.depth, h.shape);
    case "dag": {
      // Every level holds the one below twice: 2^depth paths through `depth` objects (only a
      // walk that remembers what it has seen finishes).
      let v: unknown = { value: 1 };
      for (let i = 0; i < h.depth; i++) v = { a: v, b: v, all: [v, v] };
      return v;
    }
    case "wide": {
      const o: Record<string, number> = {};
      for (let i = 0; i < h.n; i++) o[`k${i}`] = i;
      return o;
    }
    case "json":
      return JSON.parse(PROTO_JSON[h.v]!);
    case "exotic":
      return exotic(h.v);
  }
}

function exotic(kind: (typeof EXOTICS)[number]): unknown {
  switch (kind) {
    case "symbol":
      return Symbol("fuzz");
    case "bigint":
      return 10n ** 30n;
    case "function":
      return opaque(() => "fn");
    case "date":
      return opaque(new Date(Date.UTC(2026, 10, 23)));
    case "invalidDate":
      return opaque(new Date(Number.NaN));
    case "map":
      return opaque(new Map([["a", 1]]));
    case "set":
      return opaque(new Set([1]));
    case "regexp":
      return opaque(/x/g);
    case "typedArray":
      return opaque(new Int32Array(4));
    case "boxedString":
      return opaque(new String("2026-01-01"));
    case "boxedNumber":
      return opaque(new Number(1));
    case "nullProto": {
      const o = Object.create(null) as Record<string, unknown>;
      o.id = "A1";
      o.amount = "1.00";
      return o;
    }
    case "classInstance":
      return opaque(new Thing());
    case "throwingGetter": {
      const o = {};
      for (const k of ["id", "amount", "at", "dueDate", "name", "value", "fact", "body", "type"])
        Object.defineProperty(o, k, {
          enumerable: true,
          get() {
            throw sentinel(`getter ${k}`);
          },
        });
      return opaque(o);
    }
    case "throwingToString":
      return opaque({
        toString() {
          throw sentinel("toString");
        },
        valueOf() {
          throw sentinel("valueOf");
        },
      });
    case "throwingToJSON":
      return opaque({
        a: 1,
        toJSON() {
          throw sentinel("toJSON");
        },
      });
    case "throwingToPrimitive":
      return opaque({
        [Symbol.toPrimitive]() {
          throw sentinel("toPrimitive");
        },
      });
    case "proxyThrowing": {
      const trap = () => {
        throw sentinel("proxy trap");
      };
      return opaque(
        new Proxy(
          {},
          {
            get: trap,
            has: trap,
            ownKeys: trap,
            getOwnPropertyDescriptor: trap,
            getPrototypeOf: trap,
            set: trap,
            defineProperty: trap,
            deleteProperty: trap,
          },
        ),
      );
    }
    case "proxyRevoked": {
      const r = Proxy.revocable({}, {});
      r.revoke();
      return opaque(r.proxy);
    }
    case "proxyTransparent":
      return opaque(new Proxy({ id: "A1", amount: "1.00", dueDate: "2026-01-01" }, {}));
    case "proxyLyingKeys":
      // Claims keys it does not have, and a different value on every read.
      return opaque(
        new Proxy({} as Record<string, unknown>, {
          ownKeys: () => ["id", "amount", "length"],
          getOwnPropertyDescriptor: () => ({ configurable: true, enumerable: true, value: undefined }),
          get: (_t, k) => (k === "length" ? 3 : typeof k === "string" ? `${Math.random()}` : undefined),
        }),
      );
    case "sparseArray": {
      const a: unknown[] = [];
      a[5] = "x";
      return a;
    }
    case "hugeLengthArrayLike":
      return { length: 1e9, 0: "x" };
    case "symbolKeyed":
      return { [Symbol("k")]: 1, [Symbol.iterator]: 2, a: 1 };
    case "frozen":
      return Object.freeze({ a: Object.freeze([1, 2]) });
    case "promise":
      return opaque(Promise.resolve(1));
    case "error":
      return opaque(new RangeError("boom"));
    case "arrayWithExtras": {
      return Object.assign([1, 2], { __extra: true });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

/**
 * One mutation. `at` picks among the candidate nodes of the right kind (modulo their number),
 * walking the current value in a fixed order, so a list of mutations replays exactly.
 */
export type Mutation =
  | { op: "replace"; at: number; with: Hostile }
  | { op: "delete"; at: number }
  | { op: "edgeDate"; at: number; with: Hostile }
  | { op: "shiftDate"; at: number; days: number }
  | { op: "edgeAmount"; at: number; with: number }
  | { op: "edgeNumber"; at: number; with: string }
  | { op: "duplicate"; at: number; times: number }
  | { op: "dropItems"; at: number; keep: number }
  | { op: "addKey"; at: number; key: string; with: Hostile }
  | { op: "wrap"; at: number }
  | { op: "unwrap"; at: number }
  | { op: "cycle"; at: number; to: "self" | "root" | "parent" }
  | { op: "alias"; at: number; from: number }
  | { op: "swap"; at: number; from: number }
  | { op: "vocab"; at: number; word: number }
  | { op: "text"; at: number; pos: number; insert: number }
  | { op: "getter"; at: number }
  | { op: "proxy"; at: number; kind: "throwing" | "revoked" | "transparent" };

/** Words that keep a rule file near-valid when swapped in (fact, operator, channel names …). */
export interface Vocabulary {
  words: readonly string[];
  snippets: readonly string[];
}

const ADD_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "length",
  "then",
  "extra",
  "tests",
  "all",
  "any",
  "not",
  "condition",
  "params",
  "meta",
  "trace",
  "asOf",
];

function mutationArb(): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  return fc.oneof(
    { weight: 10, arbitrary: fc.record({ op: fc.constant("replace" as const), at, with: hostileArb }) },
    { weight: 6, arbitrary: fc.record({ op: fc.constant("delete" as const), at }) },
    {
      weight: 6,
      arbitrary: fc.record({
        op: fc.constant("edgeDate" as const),
        at,
        with: fc
          .tuple(fc.constantFrom(...EDGE_DATES), fc.constantFrom(...EDGE_TIMES))
          .map(([d, tm]): Hostile => ({ t: "date", v: d + tm })),
      }),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        op: fc.constant("shiftDate" as const),
        at,
        days: fc.oneof(
          fc.integer({ min: -400, max: 400 }),
          fc.integer({ min: -3_000_000, max: 3_000_000 }),
          fc.constantFrom(-1, 1, 28, 29, 30, 31, 365, 366, -365),
        ),
      }),
    },
    {
      weight: 5,
      arbitrary: fc.record({ op: fc.constant("edgeAmount" as const), at, with: fc.nat(EDGE_AMOUNTS.length - 1) }),
    },
    {
      weight: 5,
      arbitrary: fc.record({
        op: fc.constant("edgeNumber" as const),
        at,
        with: fc.constantFrom(...Object.keys(NUMBERS)),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        op: fc.constant("duplicate" as const),
        at,
        times: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constantFrom(40, 400, 2_000)),
      }),
    },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("dropItems" as const), at, keep: fc.nat(3) }) },
    {
      weight: 4,
      arbitrary: fc.record({
        op: fc.constant("addKey" as const),
        at,
        key: fc.oneof(fc.constantFrom(...ADD_KEYS), fc.string({ maxLength: 8 })),
        with: hostileArb,
      }),
    },
    { weight: 3, arbitrary: fc.record({ op: fc.constant("wrap" as const), at }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("unwrap" as const), at }) },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant("cycle" as const),
        at,
        to: fc.constantFrom("self" as const, "root" as const, "parent" as const),
      }),
    },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("alias" as const), at, from: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("swap" as const), at, from: fc.nat() }) },
    { weight: 8, arbitrary: fc.record({ op: fc.constant("vocab" as const), at, word: fc.nat() }) },
    { weight: 5, arbitrary: fc.record({ op: fc.constant("text" as const), at, pos: fc.nat(), insert: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("getter" as const), at }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant("proxy" as const),
        at,
        kind: fc.constantFrom("throwing" as const, "revoked" as const, "transparent" as const),
      }),
    },
  );
}

/** 1–`max` mutations (mostly few: a realistic input with one or two things wrong). */
export function mutationsArb(max = 6): fc.Arbitrary<Mutation[]> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(mutationArb(), { minLength: 1, maxLength: 2 }) },
    { weight: 3, arbitrary: fc.array(mutationArb(), { minLength: 1, maxLength: max }) },
  );
}

interface Slot {
  parent: Record<string | number, unknown>;
  key: string | number;
  value: unknown;
  depth: number;
}

function walkable(v: unknown): v is Record<string | number, unknown> {
  if (typeof v !== "object" || v === null || OPAQUE.has(v) || Object.isFrozen(v)) return false;
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null || (p === Array.prototype && Array.isArray(v));
}

/** Every (parent, key) slot reachable through plain data, in a fixed order, without getters. */
function slots(holder: { v: unknown }): Slot[] {
  const out: Slot[] = [{ parent: holder as Record<string, unknown>, key: "v", value: holder.v, depth: 0 }];
  const seen = new Set<object>();
  const stack: { v: unknown; depth: number }[] = [{ v: holder.v, depth: 0 }];
  while (stack.length > 0 && out.length < 20_000) {
    const { v, depth } = stack.pop()!;
    if (!walkable(v) || seen.has(v) || depth > 40) continue;
    seen.add(v);
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = Array.isArray(v) ? Number(keys[i]) : keys[i]!;
      const d = Object.getOwnPropertyDescriptor(v, k);
      if (!d || !("value" in d)) continue;
      out.push({ parent: v, key: k, value: d.value, depth: depth + 1 });
      stack.push({ v: d.value, depth: depth + 1 });
    }
  }
  return out;
}

const DATE_LIKE = /^\d{4}-\d\d-\d\d/;

function isAmountLikeValue(v: unknown, key: string | number): boolean {
  if (typeof v === "number") return false;
  return typeof v === "string" && /^\d+(\.\d+)?$/.test(v) && typeof key === "string";
}

function pick<T>(xs: readonly T[], at: number): T | undefined {
  return xs.length === 0 ? undefined : xs[at % xs.length];
}

function set(s: Slot, value: unknown): void {
  s.parent[s.key] = value;
}

function shiftDate(text: string, days: number): string {
  const ms = Date.parse(`${text.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(ms)) return text;
  const d = new Date(ms + days * 86_400_000);
  if (Number.isNaN(d.getTime())) return text;
  const y = d.getUTCFullYear();
  const ys =
    y < 0
      ? `-${String(-y).padStart(6, "0")}`
      : y > 9999
        ? `+${String(y).padStart(6, "0")}`
        : String(y).padStart(4, "0");
  return `${ys}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}${text.slice(10)}`;
}

function applyOne(holder: { v: unknown }, m: Mutation, vocab: Vocabulary): void {
  const all = slots(holder);
  const inner = all.slice(1);
  switch (m.op) {
    case "replace": {
      const s = pick(all, m.at);
      if (s) set(s, hostile(m.with));
      return;
    }
    case "delete": {
      const s = pick(inner, m.at);
      if (!s) return;
      if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
      else delete s.parent[s.key];
      return;
    }
    case "edgeDate":
    case "shiftDate": {
      const s = pick(
        inner.filter((x) => typeof x.value === "string" && DATE_LIKE.test(x.value)),
        m.at,
      );
      if (!s) return;
      const text = s.value as string;
      if (m.op === "shiftDate") set(s, shiftDate(text, m.days));
      else {
        const edge = hostile(m.with) as string;
        // Keep the form: a plain date stays a plain date.
        set(s, text.length === 10 ? edge.slice(0, edge.indexOf("T") < 0 ? edge.length : edge.indexOf("T")) : edge);
      }
      return;
    }
    case "edgeAmount": {
      const s = pick(
        inner.filter((x) => isAmountLikeValue(x.value, x.key)),
        m.at,
      );
      if (s) set(s, EDGE_AMOUNTS[m.with]);
      return;
    }
    case "edgeNumber": {
      const s = pick(
        inner.filter((x) => typeof x.value === "number"),
        m.at,
      );
      if (s) set(s, NUMBERS[m.with]);
      return;
    }
    case "duplicate": {
      const s = pick(
        inner.filter((x) => walkable(x.value) && Array.isArray(x.value)),
        m.at,
      );
      if (!s) return;
      const a = s.value as unknown[];
      if (a.length === 0) return;
      const base = a.slice();
      // Copies of the items (structural, not aliases) while a budget of copied nodes lasts, then
      // aliases; at most 12,000 items, so one case stays small.
      // Texts made only while the budget lasts (each may be a walk of thousands of nodes).
      const texts: (string | undefined)[] = [];
      const textOf = (k: number) => {
        if (k >= texts.length) texts[k] = budget > 0 ? jsonOf(base[k]) : undefined;
        return texts[k];
      };
      let budget = 300_000;
      for (let i = 0; i < m.times && a.length < 12_000; i++)
        base.forEach((x, k) => {
          const t = textOf(k);
          if (t !== undefined && budget > t.length) {
            budget -= t.length;
            a.push(JSON.parse(t));
          } else a.push(x);
        });
      return;
    }
    case "dropItems": {
      const s = pick(
        inner.filter((x) => walkable(x.value) && Array.isArray(x.value)),
        m.at,
      );
      if (s) (s.value as unknown[]).length = Math.min((s.value as unknown[]).length, m.keep);
      return;
    }
    case "addKey": {
      const s = pick(
        all.filter((x) => walkable(x.value) && !Array.isArray(x.value)),
        m.at,
      );
      if (!s) return;
      // Defined as an own data property, exactly as JSON.parse makes a "__proto__" key.
      Object.defineProperty(s.value, m.key, {
        value: hostile(m.with),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return;
    }
    case "wrap": {
      const s = pick(all, m.at);
      if (s) set(s, [s.value]);
      return;
    }
    case "unwrap": {
      const s = pick(
        all.filter((x) => walkable(x.value)),
        m.at,
      );
      if (!s) return;
      const v = s.value as Record<string, unknown>;
      // An array becomes an index-keyed object; an object the list of its values.
      set(s, Array.isArray(v) ? { ...v } : Object.values(v));
      return;
    }
    case "cycle": {
      const containers = all.filter((x) => walkable(x.value));
      const s = pick(containers, m.at);
      if (!s) return;
      const target = m.to === "self" ? s.value : m.to === "root" ? holder.v : s.parent === holder ? s.value : s.parent;
      const c = s.value as Record<string | number, unknown>;
      if (Array.isArray(c)) c.push(target);
      else {
        const keys = Object.keys(c);
        const k = keys.length > 0 ? keys[m.at % keys.length]! : "self";
        c[k] = target;
      }
      return;
    }
    case "alias": {
      const a = pick(inner, m.at);
      const b = pick(
        inner.filter((x) => walkable(x.value)),
        m.from,
      );
      if (a && b) set(a, b.value);
      return;
    }
    case "swap": {
      const a = pick(inner, m.at);
      const b = pick(inner, m.from);
      if (a && b && a !== b) {
        const va = a.value;
        set(a, b.value);
        set(b, va);
      }
      return;
    }
    case "vocab": {
      const strings = inner.filter((x) => typeof x.value === "string" || typeof x.value === "number");
      const s = pick(strings, m.at);
      if (s && vocab.words.length > 0) set(s, vocab.words[m.word % vocab.words.length]);
      return;
    }
    case "text": {
      const s = pick(
        inner.filter((x) => typeof x.value === "string"),
        m.at,
      );
      if (!s || vocab.snippets.length === 0) return;
      const t = s.value as string;
      const pos = m.pos % (t.length + 1);
      set(s, t.slice(0, pos) + vocab.snippets[m.insert % vocab.snippets.length] + t.slice(pos));
      return;
    }
    case "getter": {
      const s = pick(inner, m.at);
      if (!s) return;
      Object.defineProperty(s.parent, s.key, {
        enumerable: true,
        configurable: true,
        get() {
          throw sentinel(`getter ${String(s.key)}`);
        },
      });
      OPAQUE.add(s.parent);
      return;
    }
    case "proxy": {
      const s = pick(
        all.filter((x) => walkable(x.value)),
        m.at,
      );
      if (!s) return;
      const target = s.value as object;
      if (m.kind === "transparent") set(s, opaque(new Proxy(target, {})));
      else if (m.kind === "revoked") {
        const r = Proxy.revocable(target, {});
        r.revoke();
        set(s, opaque(r.proxy));
      } else set(s, hostile({ t: "exotic", v: "proxyThrowing" }));
      return;
    }
  }
}

/** The JSON text of an item to copy, when it is small plain JSON. */
function jsonOf(x: unknown): string | undefined {
  if (x === undefined || !smallTree(x, 5_000)) return undefined; // cyclic, a DAG, too deep or too large to copy
  try {
    return JSON.stringify(x);
  } catch {
    return undefined; // a BigInt, a throwing getter or toJSON …
  }
}

/** True when walking `x` as a tree (shared parts counted each time) meets at most `max` nodes. */
function smallTree(x: unknown, max: number): boolean {
  const stack: unknown[] = [x];
  let n = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null) continue;
    if (++n > max || !walkable(v)) return false;
    // Checked before listing the keys: a 12,000-item array met under 12,000 aliases would
    // otherwise list 144 million keys (fuzz case buckets:1778, seed 20261129, hung the run).
    const size = Array.isArray(v) ? v.length : 0;
    if (n + stack.length + size > max) return false;
    for (const k of Object.keys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, k);
      if (!d || !("value" in d)) return false;
      stack.push(d.value);
    }
  }
  return true;
}

/** A deep copy of plain JSON data. */
export function cloneJson<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Applies `mutations` in order to a fresh copy of `base` (plain JSON) and returns the result. */
export function mutate(base: unknown, mutations: readonly Mutation[], vocab: Vocabulary = NO_VOCAB): unknown {
  const holder = { v: cloneJson(base) };
  for (const m of mutations) applyOne(holder, m, vocab);
  return holder.v;
}

/** Applies mutations to an argument list whose opaque members (compiled objects) stay as they are. */
export function mutateArgs(args: unknown[], mutations: readonly Mutation[], vocab: Vocabulary = NO_VOCAB): unknown[] {
  const holder = { v: args };
  for (const m of mutations) applyOne(holder, m, vocab);
  return walkable(holder.v) && Array.isArray(holder.v) ? (holder.v as unknown[]) : [holder.v];
}

export const NO_VOCAB: Vocabulary = { words: [], snippets: [] };

/** Vocabulary of template texts: variables, blocks and broken syntax. */
export function templateSnippets(variables: readonly string[]): string[] {
  const vs = variables.flatMap((v) => [`{{${v}}}`, `{{#if ${v}}}x{{/if}}`, `{{#unless ${v}}}y{{/unless}}`]);
  return [
    ...vs,
    "{{",
    "}}",
    "{{}}",
    "{{ }}",
    "{{#if}}",
    "{{/if}}",
    "{{else}}",
    "{{#each items}}{{item.amount}}{{/each}}",
    "{{#each borrower}}{{/each}}",
    "{{#if a}}{{#if b}}{{#if c}}",
    "{{/each}}",
    "{{{raw}}}",
    "{{!comment}}",
    "{{constructor.name}}",
    "{{__proto__.polluted}}",
    "{{borrower.name.length}}",
    "{{toString}}",
    "{{#if x}}".repeat(20) + "{{/if}}".repeat(20),
    "\\{{",
    "{{lender.name}}".repeat(50),
  ];
}

// ---------------------------------------------------------------------------------------------
// Realistic bases
// ---------------------------------------------------------------------------------------------

// Every event type the schema knows (one list: the schema's own).
const EVENT_TYPES = SCHEMA_EVENT_TYPES;

/** Valid additions that reach the less common parts of an account (events, arrangements …). */
export interface Enrichment {
  jurisdiction?: string | undefined;
  locale?: string | undefined;
  events: { type: number; ago: number; extra: number }[];
  arrangements: { kind: number; ago: number; n: number; endedAgo?: number | undefined }[];
  emergency: number;
  otherZones: number;
  flags: number;
  ie: boolean;
  contactsExtra: { ago: number; party: number; purpose: number; appt: boolean; visit: boolean }[];
  meta: boolean;
}

export const enrichmentArb: fc.Arbitrary<Enrichment | null> = fc.option(
  fc.record({
    jurisdiction: fc.option(fc.constantFrom("CN", "US", "US-NY", "US-CA", "GB", "GB-ENG", "GB-SCT"), {
      nil: undefined,
    }),
    locale: fc.option(fc.constantFrom("en-US", "zh-CN", "en-GB", "fr-FR", "ar-EG", "hi-IN", "de-CH", "ja-JP"), {
      nil: undefined,
    }),
    events: fc.array(
      fc.record({ type: fc.nat(EVENT_TYPES.length - 1), ago: fc.integer({ min: -30, max: 800 }), extra: fc.nat() }),
      { maxLength: 8 },
    ),
    arrangements: fc.array(
      fc.record({
        kind: fc.nat(5),
        ago: fc.integer({ min: 0, max: 400 }),
        n: fc.nat(12),
        endedAgo: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
    emergency: fc.nat(3),
    otherZones: fc.nat(3),
    flags: fc.nat(511),
    ie: fc.boolean(),
    contactsExtra: fc.array(
      fc.record({
        ago: fc.integer({ min: -2, max: 120 }),
        party: fc.nat(4),
        purpose: fc.nat(19),
        appt: fc.boolean(),
        visit: fc.boolean(),
      }),
      { maxLength: 6 },
    ),
    meta: fc.boolean(),
  }),
  { freq: 2 },
);

const PURPOSES = [
  "reminder",
  "collection",
  "validation_notice",
  "visit_notice",
  "hardship_offer",
  "skip_trace",
  "other",
  "pre_due_reminder",
  "visit_appointment",
  "arrangement",
  "arrears_notice",
  "default_notice",
  "final_notice",
  "letter_of_claim",
  "credit_report_notice",
  "verification",
  "placement_notice",
  "location",
  "remedy_notice",
] as const;
const ARRANGEMENT_KINDS = [
  "installment_plan",
  "reduced_payment",
  "payment_holiday",
  "deferral",
  "settlement",
  "debt_management_plan",
] as const;
const FLAG_NAMES = [
  "disputed",
  "bankrupt",
  "deceased",
  "ceaseContact",
  "vulnerable",
  "complaintOpen",
  "legalHold",
] as const;

const DAY_MS = 86_400_000;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Adds valid optional parts to a (valid) account relative to `asOf`, in place. */
export function enrich(account: Record<string, unknown>, e: Enrichment | null, asOf: string): void {
  if (!e) return;
  const now = Date.parse(asOf.length === 10 ? `${asOf}T12:00:00Z` : asOf);
  if (Number.isNaN(now)) return;
  const opened = typeof account.openedOn === "string" ? Date.parse(`${account.openedOn}T00:00:00Z`) : now;
  const day = (ago: number) => isoDay(Math.max(opened, now - ago * DAY_MS));
  if (e.jurisdiction) account.jurisdiction = e.jurisdiction;
  if (e.locale) account.locale = e.locale;
  account.events = e.events.map((x) => {
    const type = EVENT_TYPES[x.type]!;
    const ev: Record<string, unknown> = { type, on: day(Math.max(0, x.ago)) };
    if (type === "breathing_space_started") {
      ev.kind = x.extra % 2 ? "mental_health" : "standard";
      if (x.extra % 3 === 0) ev.until = isoDay(now + 30 * DAY_MS);
    }
    if (type === "dispute_received" || type === "cease_requested") ev.written = x.extra % 2 === 0;
    if (type === "servicemember_checked") ev.active = x.extra % 2 === 0;
    if (type === "bankruptcy_filed") ev.chapter = ["7", "11", "12", "13", "other"][x.extra % 5];
    if (type === "agency_placed") ev.agency = "AG-1";
    return ev;
  });
  account.arrangements = e.arrangements.map((x, i) => {
    const agreed = Math.max(opened, now - x.ago * DAY_MS);
    const schedule = Array.from({ length: x.n }, (_, k) => ({
      dueDate: isoDay(agreed + (k + 1) * 30 * DAY_MS),
      amount: "100.00",
    }));
    const a: Record<string, unknown> = {
      id: `AR${i}`,
      kind: ARRANGEMENT_KINDS[x.kind],
      agreedOn: isoDay(agreed),
      schedule,
    };
    if (x.endedAgo !== undefined) a.endedOn = isoDay(Math.max(agreed, now - x.endedAgo * DAY_MS));
    if (i === 0) a.conditionalWaiver = { penaltyInterest: "1.00" };
    return a;
  });
  const borrower = (account.borrower ??= {}) as Record<string, unknown>;
  borrower.emergencyContacts = Array.from({ length: e.emergency }, (_, i) => ({
    id: `EC${i}`,
    relationship: ["spouse", "parent", "friend"][i % 3],
    optedOut: i === 1,
  }));
  borrower.otherTimeZones = ["America/Chicago", "Asia/Kathmandu", "Australia/Lord_Howe"].slice(0, e.otherZones);
  const flags = (borrower.flags ??= {}) as Record<string, unknown>;
  FLAG_NAMES.forEach((f, i) => {
    if (e.flags & (1 << i) && e.flags % 5 === 0) flags[f] = true;
  });
  if (e.flags & 128) {
    flags.breathingSpaceFrom = day(10);
    flags.breathingSpaceUntil = isoDay(now + 50 * DAY_MS);
  }
  if (e.ie)
    borrower.incomeAndExpenditure = {
      monthlyIncome: "3000.00",
      essentialExpenditure: "2500.00",
      otherDebtRepayments: "100",
      completedOn: day(20),
    };
  const contacts = (Array.isArray(account.contacts) ? account.contacts : (account.contacts = [])) as unknown[];
  for (const c of e.contactsExtra) {
    const at = new Date(Math.max(opened, now - c.ago * DAY_MS + 3_600_000)).toISOString();
    const party = ["borrower", "emergency_contact", "third_party", "attorney", undefined][c.party];
    const x: Record<string, unknown> = {
      at,
      channel: c.visit ? "visit" : c.purpose % 3 === 0 ? "letter" : "call",
      direction: c.purpose % 7 === 0 ? "inbound" : "outbound",
      outcome: c.visit
        ? "right_party"
        : ["no_answer", "right_party", "third_party", "dispute", "complaint"][c.purpose % 5],
      purpose: PURPOSES[c.purpose % PURPOSES.length],
    };
    if (party) x.party = party;
    if (party === "emergency_contact" && e.emergency > 0) x.partyId = "EC0";
    if (c.appt) x.appointment = { at: new Date(now + 2 * DAY_MS).toISOString(), kind: c.visit ? "visit" : "call" };
    if (c.visit) x.visit = { staff: 2, identityShown: true, recorded: true, byAppointment: c.appt };
    contacts.push(x);
  }
  if (e.meta) account.meta = { branch: "SH-01", score: 12, vip: false, note: null };
}

/** A seeded description of a case: which base, which enrichment, which mutations. */
export interface CaseSpec<B> {
  base: B;
  enrichment: Enrichment | null;
  mutations: Mutation[];
}

/** Short printable form of a mutation list (for failure reports). */
export function describeMutations(ms: readonly Mutation[]): string {
  const s = fc.stringify(ms);
  return s.length > 600 ? `${s.slice(0, 600)}…` : s;
}

/** A case seed for case `i` of target `name` under run seed `seed` (stable across runs). */
export function caseSeed(seed: number, name: string, i: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let k = 0; k < name.length; k++) h = Math.imul(h ^ name.charCodeAt(k), 0x01000193) >>> 0;
  h = Math.imul(h ^ i, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) | 0;
}

/** The one value of `arb` for a case seed (reproducible: same seed, same value). */
export function sampleOne<T>(arb: fc.Arbitrary<T>, seed: number): T {
  return fc.sample(arb, { seed, numRuns: 1 })[0]!;
}
