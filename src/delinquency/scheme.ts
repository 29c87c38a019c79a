import * as z from "zod";
import cnFiveCategory from "../../rules/buckets/cn-five-category.json";
import cnM from "../../rules/buckets/cn-m.json";
import gbArrears from "../../rules/buckets/gb-arrears.json";
import usCycle from "../../rules/buckets/us-cycle.json";
import { ArrearsError, type ArrearsIssue, issuesFromZod, ownField, readInput } from "../errors/index.js";
import { deepFreeze, type EmbeddedTestResult, expectEqual, runEmbeddedCases } from "../util/index.js";
import { sharedRegistry } from "../util/shared.js";

const Days = z.number().int().min(0).max(100_000);
// Limits: a scheme has a handful of ranges; every test is checked against every range.
const MAX_RANGES = 100;
const MAX_TESTS = 1_000;
const Product = z.enum(["installment", "revolving"]);

/**
 * One DPD range of a bucket scheme: `min`..`max` days inclusive; the last range has no `max`.
 *
 * @example
 * BucketRangeSchema.parse({ label: "关注", labelEn: "special mention", min: 1, max: 90 });
 */
export const BucketRangeSchema = z.strictObject({
  label: z.string().min(1),
  /** English label when `label` is in another language (`关注` → `special mention`). */
  labelEn: z.string().min(1).optional(),
  min: Days,
  max: Days.optional(),
});

/**
 * An embedded test of a bucket scheme: the bucket expected for a DPD (and product).
 *
 * @example
 * BucketSchemeTestSchema.parse({ name: "120 closed-end", dpd: 120, product: "installment", expect: { bucket: "120-149", chargeOffDue: true } });
 */
export const BucketSchemeTestSchema = z.strictObject({
  name: z.string().min(1),
  dpd: Days,
  product: Product.optional(),
  expect: z.strictObject({
    bucket: z.string(),
    bucketIndex: z.number().int().min(0).optional(),
    chargeOffDue: z.boolean().optional(),
  }),
});

/**
 * JSON form of a bucket scheme (`rules/buckets/*.json`). Structure only: {@link loadBucketScheme}
 * also checks that the ranges are contiguous.
 *
 * @example
 * BucketSchemeSchema.safeParse(json).success;
 */
export const BucketSchemeSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lowercase id such as "cn-m"'),
  version: z.string().min(1),
  description: z.string().min(1),
  /** Where the ranges come from (regulation, article, or "industry convention"). */
  source: z.string().min(1),
  /** Days past due at which the product is due for charge-off (e.g. FFIEC: 180 revolving, 120 installment). */
  chargeOffDays: z.strictObject({ revolving: Days.optional(), installment: Days.optional() }).optional(),
  ranges: z.array(BucketRangeSchema).min(1).max(MAX_RANGES),
  tests: z.array(BucketSchemeTestSchema).max(MAX_TESTS).default([]),
});

/** A bucket scheme as written in JSON. */
export type BucketSchemeJson = z.input<typeof BucketSchemeSchema>;
/** One range of a bucket scheme. */
type BucketRange = z.infer<typeof BucketRangeSchema>;
/** One embedded test of a bucket scheme. */
type BucketSchemeTest = z.infer<typeof BucketSchemeTestSchema>;

/** A validated, compiled bucket scheme (from {@link loadBucketScheme}); frozen. */
export interface BucketScheme {
  readonly id: string;
  readonly version: string;
  readonly description: string;
  readonly source: string;
  readonly ranges: readonly BucketRange[];
  readonly chargeOffDays: { readonly revolving?: number; readonly installment?: number };
  readonly tests: readonly BucketSchemeTest[];
  /** Range minimums in order, for the lookup. */
  readonly mins: readonly number[];
  /** Range labels in order. */
  readonly labels: readonly string[];
}

/** Where a DPD falls in a scheme. */
export interface BucketResult {
  bucket: string;
  /** 0-based position of the range in the scheme (0 = current). */
  bucketIndex: number;
  /** True when dpd ≥ the scheme's charge-off age for the product (false without a product or age). */
  chargeOffDue: boolean;
}

const compiled = sharedRegistry("delinquency.schemes/v1", () => new WeakSet<object>());
const compiledFromJson = new WeakMap<object, BucketScheme>();

function rangeIssues(ranges: readonly BucketRange[]): ArrearsIssue[] {
  const issues: ArrearsIssue[] = [];
  const seen = new Map<string, number>();
  ranges.forEach((r, i) => {
    const prev = seen.get(r.label);
    if (prev !== undefined)
      issues.push({
        path: ["ranges", i, "label"],
        message: `duplicate label (also ranges[${prev}])`,
        received: r.label,
      });
    else seen.set(r.label, i);
    if (r.max !== undefined && r.max < r.min)
      issues.push({ path: ["ranges", i, "max"], message: `max is below min ${r.min}`, received: r.max });
    if (i === 0) {
      if (r.min !== 0)
        issues.push({
          path: ["ranges", 0, "min"],
          message: "the first range must start at 0 days past due",
          received: r.min,
        });
    } else {
      const before = ranges[i - 1]!;
      if (before.max === undefined) {
        issues.push({ path: ["ranges", i - 1, "max"], message: "only the last range may be open-ended (no max)" });
      } else if (r.min <= before.max) {
        issues.push({
          path: ["ranges", i, "min"],
          message:
            r.min < before.min
              ? `ranges must be sorted by min (previous range starts at ${before.min})`
              : `overlaps ranges[${i - 1}] (${before.min}–${before.max})`,
          received: r.min,
        });
      } else if (r.min > before.max + 1) {
        issues.push({
          path: ["ranges", i, "min"],
          message: `gap after ranges[${i - 1}]: expected ${before.max + 1}`,
          received: r.min,
        });
      }
    }
  });
  const last = ranges[ranges.length - 1];
  if (last && last.max !== undefined)
    issues.push({
      path: ["ranges", ranges.length - 1, "max"],
      message: "the last range must be open-ended (omit max) so every DPD has a bucket",
      received: last.max,
    });
  return issues;
}

/**
 * Validates a bucket scheme (JSON from `rules/buckets/` or your own) and compiles it for fast
 * lookup. Ranges must start at 0, be sorted, contiguous (no gap, no overlap) and end with an
 * open range; labels must be unique. Passing an already compiled scheme returns it unchanged.
 *
 * @throws {ArrearsError} code `INVALID_BUCKET_SCHEME`, e.g. `ranges[2].min: gap after ranges[1]: expected 31, received 32`.
 *
 * @example
 * const scheme = loadBucketScheme({ schemaVersion: 1, id: "simple", version: "1", description: "Two buckets",
 *   source: "house rule", ranges: [{ label: "current", min: 0, max: 0 }, { label: "late", min: 1 }] });
 * bucketFor(scheme, 12).bucket; // "late"
 */
export function loadBucketScheme(json: unknown): BucketScheme {
  if (typeof json === "object" && json !== null) {
    if (compiled.has(json)) return json as BucketScheme;
    const cached = compiledFromJson.get(json);
    if (cached) return cached;
  }
  const id = ownField(json, "id");
  const context =
    typeof id === "string" && id !== "" && id.length <= 80 ? `bucket scheme ${JSON.stringify(id)}` : "bucket scheme";
  const r = readInput("INVALID_BUCKET_SCHEME", context, () => BucketSchemeSchema.safeParse(json));
  if (!r.success) throw new ArrearsError("INVALID_BUCKET_SCHEME", issuesFromZod(r.error, json), context);
  const s = r.data;
  const issues = rangeIssues(s.ranges);
  s.tests.forEach((t, i) => {
    if (!s.ranges.some((x) => x.label === t.expect.bucket))
      issues.push({
        path: ["tests", i, "expect", "bucket"],
        message: "not a label of this scheme",
        received: t.expect.bucket,
      });
  });
  if (issues.length > 0) throw new ArrearsError("INVALID_BUCKET_SCHEME", issues, context);
  const chargeOffDays: { revolving?: number; installment?: number } = {};
  if (s.chargeOffDays?.revolving !== undefined) chargeOffDays.revolving = s.chargeOffDays.revolving;
  if (s.chargeOffDays?.installment !== undefined) chargeOffDays.installment = s.chargeOffDays.installment;
  const scheme: BucketScheme = {
    id: s.id,
    version: s.version,
    description: s.description,
    source: s.source,
    ranges: s.ranges,
    chargeOffDays,
    tests: s.tests,
    mins: s.ranges.map((x) => x.min),
    labels: s.ranges.map((x) => x.label),
  };
  deepFreeze(scheme);
  compiled.add(scheme);
  if (typeof json === "object" && json !== null) compiledFromJson.set(json, scheme);
  return scheme;
}

/**
 * True for a scheme returned by {@link loadBucketScheme}.
 *
 * @example
 * isBucketScheme(BUCKET_SCHEMES["cn-m"]); // true
 */
export function isBucketScheme(value: unknown): value is BucketScheme {
  return typeof value === "object" && value !== null && compiled.has(value);
}

/**
 * The bucket of a DPD in a scheme, and whether the account is due for charge-off.
 * `scheme` is a compiled scheme, the id of a shipped one (`"us-cycle"`), or scheme JSON
 * (validated and compiled once, then cached).
 *
 * @throws {ArrearsError} `INVALID_INPUT` when `dpd` is not a non-negative integer;
 * `INVALID_BUCKET_SCHEME` for a bad scheme.
 *
 * @example
 * bucketFor(BUCKET_SCHEMES["us-cycle"], 125, "installment"); // { bucket: "120-149", bucketIndex: 5, chargeOffDue: true }
 * bucketFor("cn-m", 31).bucket; // "M2"
 */
export function bucketFor(
  scheme: BucketScheme | BucketSchemeId | BucketSchemeJson,
  dpd: number,
  product?: "installment" | "revolving",
): BucketResult {
  const s = resolveBucketScheme(scheme, ["scheme"]);
  if (!Number.isSafeInteger(dpd) || dpd < 0)
    throw new ArrearsError("INVALID_INPUT", [
      { path: ["dpd"], message: "expected a non-negative integer", received: dpd },
    ]);
  if (product !== undefined && product !== "installment" && product !== "revolving")
    throw new ArrearsError("INVALID_INPUT", [
      { path: ["product"], message: 'expected "installment" or "revolving"', received: product },
    ]);
  return lookup(s, dpd, product);
}

/**
 * Unchecked lookup for hot paths (scheme compiled, dpd a non-negative integer). @internal
 *
 * @example
 * lookup(BUCKET_SCHEMES["cn-m"], 45).bucket; // "M2"
 */
export function lookup(s: BucketScheme, dpd: number, product?: "installment" | "revolving"): BucketResult {
  const mins = s.mins;
  // Schemes have a handful of ranges: a backwards scan beats a binary search here.
  let i = mins.length - 1;
  while (mins[i]! > dpd) i--;
  const age = product === undefined ? undefined : s.chargeOffDays[product];
  return { bucket: s.labels[i]!, bucketIndex: i, chargeOffDue: age !== undefined && dpd >= age };
}

/**
 * The shipped bucket schemes (`rules/buckets/`), compiled, by id: `cn-m`, `us-cycle`,
 * `cn-five-category`, `gb-arrears`.
 *
 * @example
 * BUCKET_SCHEMES["cn-five-category"].labels; // ["正常", "关注", "次级", "可疑", "损失"]
 */
/** The shipped bucket-scheme files as raw JSON, deep-frozen. @internal */
export const BUCKET_SCHEME_FILES: Readonly<Record<string, unknown>> = deepFreeze({
  "cn-m": cnM as unknown,
  "us-cycle": usCycle as unknown,
  "cn-five-category": cnFiveCategory as unknown,
  "gb-arrears": gbArrears as unknown,
});

export const BUCKET_SCHEMES = {
  "cn-m": loadBucketScheme(cnM),
  "us-cycle": loadBucketScheme(usCycle),
  "cn-five-category": loadBucketScheme(cnFiveCategory),
  "gb-arrears": loadBucketScheme(gbArrears),
} as const;

/** Id of a shipped bucket scheme. */
export type BucketSchemeId = keyof typeof BUCKET_SCHEMES;

/** Compiled scheme from a compiled scheme, a shipped id or JSON. @internal */
export function resolveBucketScheme(scheme: unknown, path: (string | number)[]): BucketScheme {
  if (typeof scheme === "object" && scheme !== null && compiled.has(scheme)) return scheme as BucketScheme;
  if (typeof scheme === "string") {
    const s = (BUCKET_SCHEMES as Record<string, BucketScheme>)[scheme];
    if (s && Object.hasOwn(BUCKET_SCHEMES, scheme)) return s;
    throw new ArrearsError("INVALID_INPUT", [
      {
        path,
        message: `unknown bucket scheme id; shipped: ${Object.keys(BUCKET_SCHEMES).join(", ")}`,
        received: scheme,
      },
    ]);
  }
  return loadBucketScheme(scheme);
}

/**
 * Runs a scheme's embedded `tests` and reports each (the project's test suite runs this for
 * every shipped file; run it on your own schemes too).
 *
 * @example
 * testBucketScheme(BUCKET_SCHEMES["cn-m"]).every((t) => t.passed); // true
 */
export function testBucketScheme(scheme: BucketScheme | BucketSchemeId | BucketSchemeJson): EmbeddedTestResult[] {
  const s = resolveBucketScheme(scheme, ["scheme"]);
  return runEmbeddedCases(s.tests, (t) => {
    const actual = lookup(s, t.dpd, t.product);
    const e = t.expect;
    const f: string[] = [];
    expectEqual(f, "bucket", e.bucket, actual.bucket);
    if (e.bucketIndex !== undefined) expectEqual(f, "bucketIndex", e.bucketIndex, actual.bucketIndex);
    if (e.chargeOffDue !== undefined) expectEqual(f, "chargeOffDue", e.chargeOffDue, actual.chargeOffDue);
    return f;
  });
}
