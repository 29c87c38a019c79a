/**
 * Differential tests of the fast account parser (src/model/fast-parse.ts) against zod alone: on
 * valid accounts, on accounts changed in ways that keep them valid, on corrupted and hostile ones
 * and in lenient mode, both paths give the same result: the same parsed value (same prototypes,
 * own keys in the same order, same frozenness, same leaves) or the same ArrearsError (code,
 * message, issues with their paths and received previews).
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { generateAccount, rng } from "../../bench/accounts.js";
import { safeParseAccount } from "../../src/index.js";
import { fastValidate, setFastPath } from "../../src/model/account.js";
import { fastParser } from "../../src/model/fast-parse.js";
import {
  ARRANGEMENT_KINDS,
  CHANNELS,
  CONTACT_OUTCOMES,
  CONTACT_PURPOSES,
  EVENT_TYPES,
  HARDSHIP_KINDS,
} from "../../src/model/schema.js";
import { accountArb } from "../facts/arbitrary.js";
import { enrich, enrichmentArb, hostile, hostileArb, mutate, mutationsArb, type Vocabulary } from "../fuzz/fuzz.js";

type Json = Record<string, unknown>;

const PORTFOLIO = JSON.parse(
  readFileSync(new URL("../../examples/data/sample-portfolio.json", import.meta.url), "utf8"),
) as Json[];
/** Runs `f` with the fast path on or off (zod alone). */
function onPath<T>(fast: boolean, f: () => T): T {
  const previous = setFastPath(fast);
  try {
    return f();
  } finally {
    setFastPath(previous);
  }
}

/**
 * The first difference between two values, or null: prototypes, own keys (in order) and their
 * descriptors, frozenness (unless `frozen` is false), and leaves by Object.is.
 */
function difference(a: unknown, b: unknown, frozen = true, path = "$"): string | null {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null)
    return Object.is(a, b) ? null : `${path}: ${String(a)} vs ${String(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: prototypes differ`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  if (frozen && Object.isFrozen(a) !== Object.isFrozen(b)) return `${path}: frozen ${Object.isFrozen(a)}`;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i]))
    return `${path}: keys ${ka.map(String).join(",")} vs ${kb.map(String).join(",")}`;
  for (const k of ka) {
    const da = Object.getOwnPropertyDescriptor(a, k)!;
    const db = Object.getOwnPropertyDescriptor(b, k)!;
    if (
      da.enumerable !== db.enumerable ||
      (frozen && (da.writable !== db.writable || da.configurable !== db.configurable))
    )
      return `${path}.${String(k)}: descriptors differ`;
    const d = difference(da.value, db.value, frozen, `${path}.${String(k)}`);
    if (d !== null) return d;
  }
  return null;
}

type Result = ReturnType<typeof safeParseAccount> & { warnings?: unknown };

/** The error as compared: everything an integrator sees (not the raw received values' identity). */
function errorView(r: Result) {
  if (r.success) return null;
  const e = r.error;
  return { code: e.code, message: e.message, issues: e.issues, omittedIssues: e.omittedIssues, name: e.name };
}

const stats = { fastAccepted: 0, cases: 0 };

/** The result of `f`, or what it threw (safeParseAccount throws only for bad options). */
function attempt(f: () => Result): Result | { threw: unknown } {
  try {
    return f();
  } catch (e) {
    return { threw: e };
  }
}

/**
 * Parses a fresh copy (from `make`) on each path and expects the same outcome. Returns whether
 * the fast path itself accepted the input and whether zod did.
 */
function expectSame(make: () => unknown, lenient = false): { accepted: boolean; valid: boolean } {
  const options = lenient ? { lenient: true as const } : undefined;
  const fast = onPath(true, () => attempt(() => safeParseAccount(make(), options) as Result));
  const zod = onPath(false, () => attempt(() => safeParseAccount(make(), options) as Result));
  if ("threw" in fast || "threw" in zod) {
    expect("threw" in fast && "threw" in zod, "both paths throw").toBe(true);
    expect(String((fast as { threw: unknown }).threw)).toBe(String((zod as { threw: unknown }).threw));
    return { accepted: false, valid: false };
  }
  expect(fast.success, JSON.stringify(errorView(zod) ?? errorView(fast))?.slice(0, 400)).toBe(zod.success);
  if (fast.success && zod.success) expect(difference(fast.data, zod.data)).toBeNull();
  else expect(errorView(fast)).toEqual(errorView(zod));
  expect(fast.warnings).toEqual(zod.warnings);
  let accepted = false;
  try {
    accepted = fastValidate(make(), lenient) !== undefined;
  } catch {
    accepted = false;
  }
  // The fast path never accepts what zod rejects.
  if (accepted) expect(zod.success).toBe(true);
  stats.cases++;
  if (accepted) stats.fastAccepted++;
  return { accepted, valid: zod.success };
}

const clone = <T>(v: T): T => structuredClone(v);

/** A valid bench account, possibly enriched with events, arrangements, emergency contacts, meta … */
const benchArb = fc
  .record({ seed: fc.nat(), i: fc.nat(999), enrichment: enrichmentArb })
  .map(({ seed, i, enrichment }) => {
    const a = generateAccount(i, rng(seed)) as Json;
    enrich(a, enrichment, "2026-11-23T10:00:00Z");
    return a;
  });
const validArb: fc.Arbitrary<Json> = fc.oneof(
  benchArb,
  accountArb.map((g) => g.account as Json),
  fc.nat(PORTFOLIO.length - 1).map((i) => clone(PORTFOLIO[i]!)),
);

// Words that keep a field valid (or make it subtly invalid) when swapped in by a mutation.
const VOCAB: Vocabulary = {
  words: [
    ...CHANNELS,
    ...CONTACT_OUTCOMES,
    ...CONTACT_PURPOSES,
    ...EVENT_TYPES,
    ...HARDSHIP_KINDS,
    ...ARRANGEMENT_KINDS,
    "installment",
    "revolving",
    "inbound",
    "outbound",
    "borrower",
    "emergency_contact",
    "third_party",
    "attorney",
    "en-US",
    "zh-CN",
    "en-GB",
    "de-CH",
    "America/New_York",
    "Europe/London",
    "UTC",
    "Asia/Kathmandu",
    "JPY",
    "KWD",
    "CLF",
    "USD",
    "US-NY",
    "GB-ENG",
    "2024-02-29",
    "2026-11-23T10:00:00Z",
    "12.50",
    "0",
  ],
  snippets: ["0", ".5", "x", " ", "\u0000", "王", "😀"],
};

describe("fast account parser against zod alone", () => {
  it("is compiled and takes valid accounts (else every parse would quietly be zod's)", () => {
    expect(fastParser(z.strictObject({ a: z.string() }))).not.toBeNull();
    expect(fastValidate(clone(PORTFOLIO[0]!))).toBeDefined();
    expect(fastValidate(generateAccount(3, rng(1)))).toBeDefined();
  });

  it("property: valid accounts (bench, generated, sample portfolio) parse to the same frozen value", () => {
    fc.assert(
      fc.property(validArb, (a) => {
        const r = expectSame(() => clone(a));
        // Plain JSON data: the fast path takes exactly the valid accounts (the sample portfolio
        // has a few invalid ones on purpose).
        expect(r.accepted).toBe(r.valid);
      }),
      { numRuns: 250 },
    );
  });

  it("the sample portfolio: every account the same on both paths, also through JSON text", () => {
    let valid = 0;
    // Every third account, and every invalid one (there are a few, on purpose).
    for (const a of PORTFOLIO.filter((x, i) => i % 3 === 0 || String(x.id).startsWith("BAD"))) {
      const text = JSON.stringify(a);
      const r = expectSame(() => JSON.parse(text));
      expect(r.accepted).toBe(r.valid);
      if (r.valid) valid++;
    }
    expect(valid).toBeGreaterThan(PORTFOLIO.length / 3 - 10);
  });

  it("property: edits that may keep an account valid (optional parts absent or undefined, number amounts, edge dates, long and astral strings)", () => {
    const edit = fc.oneof(
      fc.constant("undefinedOptional"),
      fc.constant("dropOptional"),
      fc.constant("numberAmounts"),
      fc.constant("astralId"),
      fc.constant("longAstralId"),
      fc.constant("leapDates"),
      fc.constant("maxAmount"),
      fc.constant("extraSpaces"),
      fc.constant("emptyLists"),
      fc.constant("locale"),
      fc.constant("meta"),
    );
    fc.assert(
      fc.property(validArb, fc.array(edit, { minLength: 1, maxLength: 3 }), fc.nat(), (a, edits, n) => {
        const make = () => {
          const x = clone(a) as Json & { borrower?: Json; payments?: Json[]; contacts?: Json[]; dues?: Json[] };
          for (const e of edits) applyEdit(x, e, n);
          return x;
        };
        expectSame(make);
      }),
      { numRuns: 300 },
    );
  });

  it("property: corrupted accounts (wrong types, missing and extra keys, NaN, huge strings, edge dates and amounts, getters, proxies) give the same result", () => {
    fc.assert(
      fc.property(validArb, mutationsArb(4), (a, mutations) => {
        expectSame(() => mutate(a, mutations, VOCAB));
      }),
      { numRuns: 300 },
    );
  });

  it("property: the same in lenient mode (set-aside contacts and payments, warnings)", () => {
    fc.assert(
      fc.property(validArb, fc.option(mutationsArb(3), { nil: undefined }), (a, mutations) => {
        expectSame(() => (mutations ? mutate(a, mutations, VOCAB) : clone(a)), true);
      }),
      { numRuns: 200 },
    );
  });

  it("every leaf of a rich account replaced by each bad value: the same error", () => {
    const base = generateAccount(4, rng(11)) as Json;
    enrich(
      base,
      {
        jurisdiction: "GB-ENG",
        locale: "en-GB",
        events: [
          { type: 7, ago: 10, extra: 3 },
          { type: 17, ago: 5, extra: 2 },
          { type: 25, ago: 3, extra: 1 },
        ],
        arrangements: [{ kind: 0, ago: 100, n: 3, endedAgo: 10 }],
        emergency: 2,
        otherZones: 2,
        flags: 128 + 5,
        ie: true,
        contactsExtra: [{ ago: 3, party: 1, purpose: 8, appt: true, visit: true }],
        meta: true,
      },
      "2026-11-23T10:00:00Z",
    );
    base.contacts = (base.contacts as Json[]).slice(0, 4).concat((base.contacts as Json[]).slice(-1));
    base.payments = (base.payments as Json[]).slice(0, 2);
    expect(expectSame(() => clone(base)).accepted).toBe(true);
    const leaves: (string | number)[][] = [];
    const walk = (v: unknown, p: (string | number)[]) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
      else leaves.push(p);
    };
    walk(base, []);
    const bad: (() => unknown)[] = [
      () => undefined,
      () => null,
      () => Number.NaN,
      () => Number.POSITIVE_INFINITY,
      () => -1,
      () => "",
      () => "x".repeat(2_001),
      () => "😀".repeat(129),
      () => ({}),
      () => [],
      () => "2025-02-29",
      () => "1e3",
    ];
    for (const [i, path] of leaves.entries())
      for (const [j, value] of bad.entries())
        if ((i + j) % 2 === 0)
          expectSame(() => {
            const x = clone(base);
            let parent = x as Record<string | number, unknown>;
            for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
            parent[path[path.length - 1]!] = value();
            return x;
          });
  });

  it("__proto__, constructor and unknown keys, at the root, in nested objects and in meta", () => {
    const a = generateAccount(2, rng(5)) as Json;
    const text = JSON.stringify(a);
    const cases = [
      text.replace(/^\{/, '{"__proto__": {"polluted": true},'),
      text.replace(/^\{/, '{"__proto__": null,'),
      text.replace(/^\{/, '{"constructor": {"prototype": {}},'),
      text.replace('"balance":{', '"balance":{"__proto__":{"x":1},'),
      text.replace('"contacts":[{', '"contacts":[{"__proto__":[],'),
      text.replace(/\}$/, ',"meta":{"__proto__":{"a":1},"ok":1}}'),
      text.replace(/\}$/, ',"meta":{"constructor":"x","toString":"y"}}'),
      text.replace(/\}$/, ',"meta":{"a":1,"b":"x","c":null,"d":true}}'),
      text.replace(/\}$/, ',"ballance":{}}'),
    ];
    for (const t of cases) expectSame(() => JSON.parse(t));
    expect(({} as Json).polluted).toBeUndefined();
  });

  it("objects that are not plain JSON objects are zod's to judge (class instances, null prototypes, proxies, getters)", () => {
    const a = generateAccount(1, rng(9)) as Json;
    const makers: (() => unknown)[] = [
      () => Object.assign(Object.create(null), clone(a)),
      () => new Proxy(clone(a), {}),
      () => {
        const x = clone(a);
        Object.defineProperty(x, "currency", { enumerable: true, get: () => "USD" });
        return x;
      },
      () => {
        const x = clone(a);
        Object.defineProperty(x, "extra", { enumerable: false, value: 1 });
        return x;
      },
      () => {
        const x = clone(a);
        Object.assign(x.balance as object, { toString: "0" });
        return x;
      },
      () => {
        const x = clone(a) as Json & { contacts: unknown[] };
        x.contacts = Object.assign([...x.contacts], { extra: 1 });
        return x;
      },
      () => {
        const x = clone(a);
        x.borrower = new (class {
          flags = {};
        })();
        return x;
      },
    ];
    for (const make of makers) expectSame(make);
  });

  it("hostile values anywhere (seeded sample): the same result", () => {
    fc.assert(
      fc.property(benchArb, hostileArb, fc.nat(), (a, h, at) => {
        expectSame(() => mutate(a, [{ op: "replace", at, with: h }]));
      }),
      { numRuns: 150 },
    );
    expect(hostile({ t: "lit", v: "null" })).toBeNull();
  });

  it("took the fast path on a good share of the cases", () => {
    expect(stats.cases).toBeGreaterThan(1_000);
    expect(stats.fastAccepted).toBeGreaterThan(500);
  });
});

describe("the generator on other zod schemas", () => {
  const Inner = z.strictObject({
    f: z.null(),
    g: z
      .string()
      .regex(/^[a-c]+$/)
      .optional(),
  });
  const Schema = z.strictObject({
    a: z.string().min(1).max(3),
    b: z.number().int().min(0).max(10).optional(),
    c: z.boolean().default(false),
    d: z
      .array(z.enum(["x", "y"]))
      .max(2)
      .default([]),
    e: z.union([z.string(), Inner]).optional(),
    h: z.record(z.string().max(2), z.union([z.number(), z.boolean()])).optional(),
    i: z.object({ j: z.string().default("z") }).prefault({}),
    k: z.custom<string>((v) => v === "ok").optional(),
    l: z.number().multipleOf(0.5).optional(),
    m: z.string().length(2).optional(),
  });
  const fast = fastParser(Schema)!;
  const valueArb = fc.oneof(
    fc.anything(),
    fc.string({ maxLength: 4 }),
    fc.string({ maxLength: 4, unit: "grapheme" }),
    fc.integer({ min: -2, max: 12 }),
    fc.double(),
    fc.boolean(),
    fc.constantFrom(
      "x",
      "y",
      "ok",
      "ab",
      "z",
      null,
      undefined,
      [],
      {},
      ["x"],
      ["x", "y", "x"],
      { f: null },
      { j: "q" },
    ),
    fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.integer(), fc.boolean())),
  );
  const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
  const goodArb = fc.record(
    {
      a: fc.string({ minLength: 1, maxLength: 3 }),
      b: opt(fc.integer({ min: 0, max: 10 })),
      c: opt(fc.boolean()),
      d: opt(fc.array(fc.constantFrom("x", "y"), { maxLength: 2 })),
      e: opt(fc.oneof(fc.string(), fc.record({ f: fc.constant(null), g: opt(fc.stringMatching(/^[a-c]+$/)) }))),
      h: opt(fc.dictionary(fc.string({ maxLength: 2 }), fc.oneof(fc.integer(), fc.boolean()), { maxKeys: 3 })),
      i: opt(fc.record({ j: opt(fc.string()), z: opt(fc.nat()) }, { requiredKeys: [] })),
      k: fc.constantFrom("ok", undefined),
      l: opt(fc.integer({ min: -10, max: 10 }).map((n) => n / 2)),
      m: opt(fc.string({ minLength: 2, maxLength: 2, unit: "binary" })),
    },
    { requiredKeys: ["a"] },
  );
  const KEYS = ["a", "b", "c", "d", "e", "h", "i", "k", "l", "m", "n", "__proto__", "constructor"] as const;
  const inputArb = fc.oneof(
    fc.anything(),
    goodArb,
    fc.tuple(goodArb, fc.constantFrom(...KEYS), valueArb).map(([o, k, v]) => ({ ...o, [k]: v })),
    fc.dictionary(fc.constantFrom(...KEYS), valueArb),
  );

  it("property: whatever it accepts, zod accepts with the same value (frozen); it declines what zod rejects", () => {
    let accepted = 0;
    fc.assert(
      fc.property(inputArb, (input) => {
        const f = fast(input);
        const r = Schema.safeParse(input);
        if (f !== undefined) {
          accepted++;
          expect(r.success).toBe(true);
          expect(difference(f, r.data, false)).toBeNull();
        } else if (r.success) {
          // Declining valid input is allowed (unusual input), but a plain JSON object is never declined.
          const plain =
            JSON.stringify(input) !== undefined && difference(JSON.parse(JSON.stringify(input)), input, false) === null;
          if (plain && !JSON.stringify(input).includes("__proto__")) expect(f).toBeDefined();
        }
      }),
      { numRuns: 3_000 },
    );
    expect(accepted).toBeGreaterThan(150);
  });

  it("strings are measured in code points, as zod does", () => {
    const s = z.strictObject({ id: z.string().min(2).max(3) });
    const p = fastParser(s)!;
    for (const id of ["😀😀😀", "😀😀😀😀", "😀", "😀a", "a", "abcd", "\ud800\ud800\ud800\ud800"])
      expect(p({ id }) !== undefined, id).toBe(s.safeParse({ id }).success);
  });

  it("leaves off (zod decides) for constructs it does not mirror", () => {
    expect(fastParser(z.strictObject({ a: z.string().trim() }))).toBeNull();
    expect(fastParser(z.strictObject({ a: z.string().transform((s) => s.length) }))).toBeNull();
    expect(fastParser(z.looseObject({ a: z.string() }))).toBeNull();
    expect(fastParser(z.strictObject({ a: z.date() }))).toBeNull();
    expect(fastParser(z.strictObject({ a: z.string().default(() => "x") }))).not.toBeNull();
    expect(fastParser(z.strictObject({ a: z.array(z.string()).default([["nested"]] as never) }))).toBeNull();
  });
});

/** An edit that may keep the account valid (or break it subtly): both paths must agree either way. */
function applyEdit(
  x: Json & { borrower?: Json; payments?: Json[]; contacts?: Json[]; dues?: Json[] },
  e: string,
  n: number,
) {
  switch (e) {
    case "undefinedOptional":
      x.jurisdiction = undefined;
      x.creditLimit = undefined;
      if (x.borrower) x.borrower.monthlyIncome = undefined;
      if (x.contacts?.[0]) x.contacts[0].purpose = undefined;
      return;
    case "dropOptional":
      delete x.locale;
      delete x.jurisdiction;
      if (n % 2) delete x.balance;
      if (n % 3 === 0) delete x.borrower;
      delete x.payments;
      return;
    case "numberAmounts":
      for (const d of x.dues ?? []) d.amount = Number(d.amount);
      for (const p of x.payments ?? []) p.amount = n % 2 ? Number(p.amount) : 0;
      if (x.balance) (x.balance as Json).fees = 0.5;
      return;
    case "astralId":
      x.id = "😀".repeat(100);
      return;
    case "longAstralId":
      x.id = "😀".repeat(128 + (n % 2));
      return;
    case "leapDates":
      x.openedOn = n % 2 ? "2024-02-29" : "2023-02-29";
      return;
    case "maxAmount":
      if (x.balance) (x.balance as Json).principal = n % 2 ? "900000000000" : "900000000000.01";
      return;
    case "extraSpaces":
      x.currency = n % 2 ? " USD" : "USD";
      return;
    case "emptyLists":
      x.contacts = [];
      x.payments = [];
      if (x.borrower) x.borrower.hardship = [];
      return;
    case "locale":
      x.locale = ["en-US", "zh-Hant-TW", "x-private", "und", "i-klingon", "de-CH-1996"][n % 6];
      return;
    case "meta":
      x.meta =
        n % 3 === 0
          ? { a: 1, b: "x", c: null, d: false }
          : n % 3 === 1
            ? Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i]))
            : { [`${"k".repeat(129)}`]: 1 };
      return;
  }
}
