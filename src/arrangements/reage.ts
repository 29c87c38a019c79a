import * as z from "zod";
import cnPolicy from "../../rules/reaging/cn-policy.json";
import ukPolicy from "../../rules/reaging/uk-policy.json";
import usFfiecOpenEnd from "../../rules/reaging/us-ffiec-open-end.json";
import { deriveDelinquency } from "../delinquency/index.js";
import { lookup, resolveBucketScheme } from "../delinquency/scheme.js";
import { ArrearsError, issuesFromZod, readInput } from "../errors/index.js";
import { parseOptions } from "../errors/options.js";
import {
  type Account,
  AsOfSchema,
  IsoDateSchema,
  isParsedAccount,
  JurisdictionSchema,
  type PreparedAccount,
  parseAccount,
  prepareAccount,
} from "../model/index.js";
import { formatMinor } from "../money/index.js";
import { type AsOf, addMonthsToDay, formatIsoDate, resolveAsOf } from "../time/index.js";
import { deepFreeze, type EmbeddedTestResult, expectEqual, runEmbeddedCases } from "../util/index.js";
import { sharedRegistry } from "../util/shared.js";
import { contractInstallmentAt } from "./contract.js";
import {
  type ArrangementRules,
  currentArrangement,
  DEFAULT_ARRANGEMENT_RULES,
  type TrackedArrangement,
} from "./track.js";

/**
 * Re-aging ("bringing an account current" after the borrower has shown renewed willingness and
 * ability to pay) as rule data: which accounts may be re-aged and how often. Applying a re-age to
 * the dues is the lender's system's job; this module says whether a re-age is allowed now, why,
 * and what the account will show afterwards.
 */

/** The checks of a re-age, in the order they are reported. */
export const REAGE_CHECKS = [
  "jurisdiction",
  "product",
  "delinquent",
  "account_age",
  "qualifying_payments",
  "arrangement",
  "frequency",
] as const;
export type ReageCheck = (typeof REAGE_CHECKS)[number];

const Id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lowercase id such as "us-ffiec-open-end"');
const Months = z.number().int().min(0).max(600);

/** At most `count` re-ages in any window of `years` years ending today, the one considered included. */
const ReageLimitSchema = z.strictObject({
  count: z.number().int().min(1).max(100),
  years: z.number().int().min(1).max(50),
});

/**
 * An embedded test of a re-age rule set: an account, an evaluation time and what
 * `reageEligibility` must answer.
 */
const ReageTestSchema = z.strictObject({
  name: z.string().min(1),
  account: z.unknown(),
  asOf: AsOfSchema,
  expect: z.strictObject({
    eligible: z.boolean(),
    /** The failed checks, in report order (omit to not check them). */
    failed: z.array(z.enum(REAGE_CHECKS)).optional(),
    /** The earliest day the age and frequency limits allow a re-age (null when they do not limit). */
    earliestOn: IsoDateSchema.nullable().optional(),
  }),
});

/**
 * JSON form of a re-age rule set (`rules/reaging/*.json`).
 *
 * - `basis`: `regulation` when the numbers come from a supervisory text (cite it in `source`),
 *   `lender_policy` when they are the lender's own documented choice.
 * - `jurisdictions` / `products`: where the rules apply; any other account is not eligible.
 * - `minDpd` / `maxDpd`: the days past due an account must have (re-aging a current account
 *   means nothing) and may not exceed.
 * - `minAccountAgeMonths`: calendar months from `openedOn` to the evaluation date.
 * - `minConsecutivePayments`: monthly payments of at least the contract installment in each of
 *   the last N months (calendar months back from the evaluation date), or, with
 *   `allowCumulativeEquivalent`, N contract installments paid in total over those months; with
 *   `arrangementPaymentsQualify`, the last N installments of the current arrangement paid in
 *   full and on time qualify as well.
 * - `requireArrangement`: only an account on a current, unbroken arrangement may be re-aged.
 * - `maxReages`: `[{count, years}]`: at most `count` re-ages (`reaged` events on the account,
 *   plus the one considered) in any window of `years` years ending on the evaluation date.
 *
 * @example
 * ReageRulesSchema.parse(shippedReageRules["us-ffiec-open-end"]).maxReages;
 * // [{ count: 1, years: 1 }, { count: 2, years: 5 }]
 */
export const ReageRulesSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id: Id,
  version: z.string().min(1),
  description: z.string().min(1),
  /** The primary source of the numbers, or where the lender's policy is documented. */
  source: z.string().min(1),
  basis: z.enum(["regulation", "lender_policy"]),
  jurisdictions: z.array(JurisdictionSchema).min(1).optional(),
  products: z.array(z.enum(["installment", "revolving"])).min(1),
  /** Bucket scheme that explains DPD before and after the re-age (id of a shipped scheme). */
  bucketScheme: z.string().min(1).optional(),
  minDpd: z.number().int().min(0).max(100_000).default(1),
  maxDpd: z.number().int().min(0).max(100_000).optional(),
  minAccountAgeMonths: Months.default(0),
  minConsecutivePayments: z.number().int().min(0).max(60).default(0),
  allowCumulativeEquivalent: z.boolean().default(true),
  arrangementPaymentsQualify: z.boolean().default(true),
  requireArrangement: z.boolean().default(false),
  maxReages: z.array(ReageLimitSchema).max(10).default([]),
  tests: z.array(ReageTestSchema).default([]),
});

/** A re-age rule set as written in JSON. */
export type ReageRulesJson = z.input<typeof ReageRulesSchema>;
type ParsedReageRules = z.infer<typeof ReageRulesSchema>;

/** A validated re-age rule set (from {@link loadReageRules}); deep-frozen. */
export type ReageRules = Readonly<ParsedReageRules>;

const loaded = sharedRegistry("arrangements.reage-rules/v1", () => new WeakSet<object>());
const loadedFromJson = new WeakMap<object, ReageRules>();

function rulesError(json: unknown, issues: ArrearsError["issues"]): ArrearsError {
  const id =
    typeof json === "object" && json !== null && typeof (json as { id?: unknown }).id === "string"
      ? (json as { id: string }).id
      : undefined;
  return new ArrearsError("INVALID_INPUT", issues, id ? `re-age rules ${JSON.stringify(id)}` : "re-age rules");
}

/**
 * Validates a re-age rule set (JSON from `rules/reaging/` or your own) and freezes it; a set
 * already loaded is returned as is.
 *
 * @throws {ArrearsError} `INVALID_INPUT` with the JSON path, e.g. `maxReages[0].years: Too small`.
 *
 * @example
 * const rules = loadReageRules(shippedReageRules["us-ffiec-open-end"]);
 * rules.minConsecutivePayments; // 3
 */
export function loadReageRules(json: unknown): ReageRules {
  if (typeof json === "object" && json !== null) {
    if (loaded.has(json)) return json as ReageRules;
    const hit = loadedFromJson.get(json);
    if (hit) return hit;
  }
  const r = readInput("INVALID_INPUT", "re-age rules", () => ReageRulesSchema.safeParse(json));
  if (!r.success) throw rulesError(json, issuesFromZod(r.error, json));
  const s = r.data;
  const issues: ArrearsError["issues"] = [];
  if (s.maxDpd !== undefined && s.maxDpd < s.minDpd)
    issues.push({ path: ["maxDpd"], message: `below minDpd ${s.minDpd}`, received: s.maxDpd });
  const years = new Set<number>();
  s.maxReages.forEach((l, i) => {
    if (years.has(l.years))
      issues.push({ path: ["maxReages", i, "years"], message: "duplicate window", received: l.years });
    years.add(l.years);
  });
  if (s.bucketScheme !== undefined) {
    try {
      resolveBucketScheme(s.bucketScheme, ["bucketScheme"]);
    } catch {
      issues.push({
        path: ["bucketScheme"],
        message: "not the id of a shipped bucket scheme",
        received: s.bucketScheme,
      });
    }
  }
  if (issues.length > 0) throw rulesError(json, issues);
  // A copy: zod hands back some nested values (test accounts) by reference, and freezing them
  // would freeze the caller's JSON (found by the fuzz harness).
  let rules: ReageRules;
  try {
    // Frozen too: a value JSON cannot hold (a typed array in a test account) fails here.
    rules = deepFreeze(structuredClone(s)) as ReageRules;
  } catch {
    throw rulesError(json, [{ path: ["tests"], message: "expected JSON data (it could not be copied)" }]);
  }
  loaded.add(rules);
  if (typeof json === "object" && json !== null) loadedFromJson.set(json, rules);
  return rules;
}

/**
 * The shipped re-age rule files as raw JSON (deep-frozen), by id: `us-ffiec-open-end` (the
 * FFIEC numbers for US open-end credit), `cn-policy` and `uk-policy` (documented lender policy
 * choices).
 *
 * @example
 * loadReageRules(shippedReageRules["cn-policy"]).basis; // "lender_policy"
 */
export const shippedReageRules: Readonly<Record<"us-ffiec-open-end" | "cn-policy" | "uk-policy", unknown>> = deepFreeze(
  {
    "us-ffiec-open-end": usFfiecOpenEnd as unknown,
    "cn-policy": cnPolicy as unknown,
    "uk-policy": ukPolicy as unknown,
  },
);

/** A loaded rule set from a loaded set, a shipped id or JSON. @internal */
export function resolveReageRules(rules: unknown, path: (string | number)[] = ["rules"]): ReageRules {
  if (typeof rules === "object" && rules !== null && loaded.has(rules)) return rules as ReageRules;
  if (typeof rules === "string") {
    if (!Object.hasOwn(shippedReageRules, rules))
      throw new ArrearsError("INVALID_INPUT", [
        {
          path,
          message: `unknown re-age rule set; shipped: ${Object.keys(shippedReageRules).join(", ")}`,
          received: rules,
        },
      ]);
    return loadReageRules(shippedReageRules[rules as keyof typeof shippedReageRules]);
  }
  return loadReageRules(rules);
}

// ---------- eligibility ----------

/** One check of a re-age and its outcome. */
export interface ReageCheckResult {
  code: ReageCheck;
  met: boolean;
  /** What was checked, with the numbers (English). */
  detail: string;
}

/** What {@link reageEligibility} returns. */
export interface ReageEligibility {
  rules: { id: string; version: string; basis: "regulation" | "lender_policy"; source: string };
  /** The evaluation date (the borrower's local date of `asOf`). */
  asOfDate: string;
  eligible: boolean;
  /** Every check that applies, in order, met or not. */
  checks: ReageCheckResult[];
  /** The codes of the checks not met. */
  failed: ReageCheck[];
  /** Re-ages on record (`reaged` events on or before the evaluation date) and each limit's use. */
  reages: {
    dates: string[];
    windows: { count: number; years: number; used: number; remaining: number }[];
  };
  /** The payments that qualify (or not) under `minConsecutivePayments`. */
  qualifyingPayments: {
    basis: "arrangement" | "contract_payments" | "none";
    /** The contract installment each month must reach (contract payments), or null. */
    required: string | null;
    /** Newest month first: the window and what was paid in it. */
    months: { from: string; to: string; paid: string }[];
    total: string;
  };
  /**
   * The earliest day the account age and frequency limits allow a re-age (the payment and DPD
   * checks aside); null when neither limits it any more.
   */
  earliestOn: string | null;
  /** DPD and bucket today. */
  current: { dpd: number; bucket: string; oldestUnpaidDueDate: string | null };
  /**
   * What the account will show once re-aged (when eligible): 0 days past due, the scheme's
   * current bucket, and an explanation of where the arrears go.
   */
  afterReage: { dpd: 0; bucket: string; explanation: string } | null;
  /** Inconsistencies worth fixing (e.g. dues that still show arrears older than a re-age on record). */
  warnings: string[];
}

/** Options of {@link reageEligibility}. */
export interface ReageEligibilityOptions {
  /** Evaluation instant (ISO with offset), or an ISO date meaning the end of that local day. */
  asOf: string;
  /** The rule set: a shipped id (`"us-ffiec-open-end"`), rule JSON, or a loaded set. */
  rules: unknown;
  /** Bucket scheme for the explanation (id, JSON or compiled); default the rules' `bucketScheme`, else `cn-m`. */
  scheme?: unknown;
  /** Arrangement tracking numbers, for arrangement payments (defaults as `arrangementStatus`). */
  arrangement?: { graceDays?: number; brokenAfterMissed?: number; brokenAfterDaysLate?: number } | undefined;
}

const OptionsSchema = z.strictObject({
  asOf: AsOfSchema,
  rules: z.unknown(),
  scheme: z.unknown().optional(),
  arrangement: z
    .strictObject({
      graceDays: z.number().int().min(0).max(3650).optional(),
      brokenAfterMissed: z.number().int().min(1).max(600).optional(),
      brokenAfterDaysLate: z.number().int().min(0).max(3650).optional(),
    })
    .optional(),
});

/** The first day whose window of `months` months back no longer contains day `e`. */
function firstDayOutOfWindow(e: number, months: number): number {
  let d = addMonthsToDay(e, months);
  while (addMonthsToDay(d, -months) < e) d++;
  return d;
}

/**
 * Whether the account may be re-aged on the evaluation date under a rule set, with every check
 * and its numbers, the re-ages already on record (`reaged` events) counted against the limits,
 * and what DPD and bucket the account will show once re-aged.
 *
 * A re-age is allowed only when every check is met: the jurisdiction and product match; DPD is
 * within `minDpd`..`maxDpd`; the account is at least `minAccountAgeMonths` old; the qualifying
 * payments are there (see `ReageRulesSchema`); the arrangement requirement, if any, is met; and
 * one more re-age keeps every `maxReages` window within its count.
 *
 * @throws {ArrearsError} `INVALID_ACCOUNT`, `INVALID_OPTIONS`, or `INVALID_INPUT` for bad rules.
 *
 * @example
 * const r = reageEligibility(card, { asOf: "2026-11-23", rules: "us-ffiec-open-end" });
 * r.eligible;   // false
 * r.failed;     // ["frequency"]: re-aged 2026-03-02, at most once in 12 months
 * r.earliestOn; // "2027-03-02"
 */
export function reageEligibility(account: unknown, options: ReageEligibilityOptions): ReageEligibility {
  const o = parseOptions(OptionsSchema, options, "reageEligibility options");
  const rules = resolveReageRules(o.rules);
  const a = isParsedAccount(account) ? account : parseAccount(account);
  const asOf = resolveAsOf(o.asOf, a.timeZone);
  const arrangementRules = { ...DEFAULT_ARRANGEMENT_RULES, ...(o.arrangement ?? {}) } as ArrangementRules;
  return reageEligibilityParsed(a, asOf, rules, o.scheme, arrangementRules);
}

/** {@link reageEligibility} on a parsed account and a loaded rule set. @internal */
export function reageEligibilityParsed(
  a: Account,
  asOf: AsOf,
  rules: ReageRules,
  scheme: unknown,
  arrangementRules: ArrangementRules,
): ReageEligibility {
  const p = prepareAccount(a);
  const T = asOf.day;
  const money = (m: number) => formatMinor(m, p.digits);
  const checks: ReageCheckResult[] = [];
  const check = (code: ReageCheck, met: boolean, detail: string) => checks.push({ code, met, detail });

  if (rules.jurisdictions !== undefined) {
    const j = a.jurisdiction;
    const met = j !== undefined && rules.jurisdictions.some((x) => j === x || j.startsWith(`${x}-`));
    check(
      "jurisdiction",
      met,
      `the rules apply in ${rules.jurisdictions.join(", ")}; the account's jurisdiction is ${j ?? "not given"}`,
    );
  }
  check(
    "product",
    rules.products.includes(a.product),
    `the rules apply to ${rules.products.join(" and ")} accounts; this one is ${a.product}`,
  );

  const schemeIn = scheme ?? rules.bucketScheme;
  const d = deriveDelinquency(a, { asOf: asOf.iso, ...(schemeIn === undefined ? {} : { scheme: schemeIn }) });
  const maxDpd = rules.maxDpd;
  check(
    "delinquent",
    d.dpd >= rules.minDpd && (maxDpd === undefined || d.dpd <= maxDpd),
    `${d.dpd} days past due; the rules need at least ${rules.minDpd}${maxDpd === undefined ? "" : ` and at most ${maxDpd}`}`,
  );

  let earliest = Number.NEGATIVE_INFINITY;
  if (rules.minAccountAgeMonths > 0) {
    const oldEnough = addMonthsToDay(p.openedDay, rules.minAccountAgeMonths);
    if (oldEnough > earliest) earliest = oldEnough;
    check(
      "account_age",
      oldEnough <= T,
      `opened ${formatIsoDate(p.openedDay)}; at least ${rules.minAccountAgeMonths} months old from ${formatIsoDate(oldEnough)}`,
    );
  }

  const current = currentArrangement(a, p, T, arrangementRules);
  const q = qualifyingPayments(p, T, rules, current, arrangementRules, money);
  if (rules.minConsecutivePayments > 0) check("qualifying_payments", q.met, q.detail);
  if (rules.requireArrangement)
    check(
      "arrangement",
      current !== null && current.state !== "broken",
      current === null
        ? "the rules need a current arrangement; there is none"
        : `current arrangement ${JSON.stringify(current.arrangement.id)} is ${current.state}`,
    );

  // Frequency: re-ages on record in each window, plus the one considered.
  const reaged = p.events.filter((e) => e.event.type === "reaged" && e.day <= T).map((e) => e.day);
  const windows = rules.maxReages.map((l) => {
    const start = addMonthsToDay(T, -12 * l.years);
    const inWindow = reaged.filter((day) => day > start);
    const used = inWindow.length;
    if (used + 1 > l.count) {
      // The window frees up when enough of its oldest re-ages fall out of it.
      const k = used + 1 - l.count;
      const allow = firstDayOutOfWindow(inWindow[k - 1]!, 12 * l.years);
      if (allow > earliest) earliest = allow;
    }
    return { count: l.count, years: l.years, used, remaining: Math.max(0, l.count - used) };
  });
  if (rules.maxReages.length > 0) {
    const over = windows.filter((w) => w.used + 1 > w.count);
    check(
      "frequency",
      over.length === 0,
      over.length === 0
        ? `${reaged.length} re-age(s) on record; one more stays within ${windows.map((w) => `${w.count} in ${w.years} year(s)`).join(" and ")}`
        : over
            .map((w) => `${w.used} re-age(s) in the last ${w.years} year(s): one more would exceed ${w.count}`)
            .join("; "),
    );
  }

  const failed = checks.filter((c) => !c.met).map((c) => c.code);
  const eligible = failed.length === 0;
  const s = resolveBucketScheme(schemeIn ?? "cn-m", ["scheme"]);
  const warnings: string[] = [];
  const lastReage = reaged.length === 0 ? null : reaged[reaged.length - 1]!;
  if (lastReage !== null && d.oldestUnpaidDueDate !== null && d.oldestUnpaidDueDate < formatIsoDate(lastReage))
    warnings.push(
      `the account was re-aged on ${formatIsoDate(lastReage)} but its dues still show arrears from ${d.oldestUnpaidDueDate}: send the re-aged dues (or a snapshot) so DPD counts from the re-age`,
    );
  return {
    rules: { id: rules.id, version: rules.version, basis: rules.basis, source: rules.source },
    asOfDate: formatIsoDate(T),
    eligible,
    checks,
    failed,
    reages: { dates: reaged.map(formatIsoDate), windows },
    qualifyingPayments: q.result,
    earliestOn: earliest > T ? formatIsoDate(earliest) : null,
    current: { dpd: d.dpd, bucket: d.bucket, oldestUnpaidDueDate: d.oldestUnpaidDueDate },
    afterReage: eligible
      ? {
          dpd: 0,
          bucket: lookup(s, 0, a.product).bucket,
          explanation: `Re-aging brings the account current: from the re-age date it shows 0 days past due (${lookup(s, 0, a.product).bucket}). The ${d.overdue.total} ${a.currency} in arrears stays owed but is no longer past due (the lender's system capitalises it or moves it to the end of the term and records a "reaged" event); DPD counts again from the first due missed after the re-age. This library does not rewrite the dues: send the re-aged dues, or a snapshot, after applying it.`,
        }
      : null,
    warnings,
  };
}

function qualifyingPayments(
  p: PreparedAccount,
  T: number,
  rules: ReageRules,
  current: TrackedArrangement | null,
  ar: ArrangementRules,
  money: (m: number) => string,
): { met: boolean; detail: string; result: ReageEligibility["qualifyingPayments"] } {
  const N = rules.minConsecutivePayments;
  // Under an arrangement: its last N installments due by today, each paid in full on time.
  if (N > 0 && rules.arrangementPaymentsQualify && current !== null && current.state !== "broken") {
    const r = current.arrangement;
    const due: number[] = [];
    for (let k = r.amount.length - 1; k >= 0 && due.length < N; k--)
      if (r.amount[k]! > 0 && r.day[k]! <= T) due.push(k);
    const ok = due.length === N && due.every((k) => current.paidDay[k]! <= r.day[k]! + ar.graceDays);
    if (ok) {
      const total = due.reduce((s, k) => s + r.amount[k]!, 0);
      return {
        met: true,
        detail: `the last ${N} installments of arrangement ${JSON.stringify(r.id)} were paid in full and on time`,
        result: {
          basis: "arrangement",
          required: null,
          months: due.map((k) => ({
            from: formatIsoDate(r.day[k]!),
            to: formatIsoDate(r.day[k]! + ar.graceDays),
            paid: money(r.amount[k]!),
          })),
          total: money(total),
        },
      };
    }
  }
  const required = contractInstallmentAt(p, T);
  if (required === null)
    return {
      met: N === 0,
      detail: `${N} consecutive monthly payments are needed, but without dues the contract installment is unknown (and no arrangement qualifies)`,
      result: { basis: "none", required: null, months: [], total: money(0) },
    };
  // N monthly windows back from today: (T − (k+1) months, T − k months].
  const months: { from: string; to: string; paid: string }[] = [];
  const paidIn: number[] = [];
  const { day: payDay, amount: payAmount } = p.payments;
  let total = 0;
  for (let k = 0; k < N; k++) {
    const to = addMonthsToDay(T, -k);
    const from = addMonthsToDay(T, -(k + 1)) + 1;
    let paid = 0;
    for (let j = 0; j < payDay.length; j++) if (payDay[j]! >= from && payDay[j]! <= to) paid += payAmount[j]!;
    paidIn.push(paid);
    total += paid;
    months.push({ from: formatIsoDate(from), to: formatIsoDate(to), paid: money(paid) });
  }
  const each = paidIn.every((x) => x >= required);
  const met = each || (rules.allowCumulativeEquivalent && total >= N * required);
  return {
    met,
    detail: `${N} consecutive monthly payments of at least ${money(required)} (the contract installment)${
      rules.allowCumulativeEquivalent ? `, or ${money(N * required)} in total over those months` : ""
    }: paid ${paidIn.map(money).join(", ")} (newest month first)`,
    result: { basis: "contract_payments", required: money(required), months, total: money(total) },
  };
}

/**
 * Runs a re-age rule set's embedded `tests` (the project's test suite runs this for every
 * shipped file; run it on your own sets too).
 *
 * @example
 * testReageRules("us-ffiec-open-end").every((t) => t.passed); // true
 */
export function testReageRules(rules: unknown): EmbeddedTestResult[] {
  const r = resolveReageRules(rules);
  return runEmbeddedCases(r.tests, (t) => {
    const got = reageEligibility(t.account, { asOf: t.asOf, rules: r });
    const f: string[] = [];
    expectEqual(f, "eligible", t.expect.eligible, got.eligible);
    if (t.expect.failed !== undefined) expectEqual(f, "failed", t.expect.failed, got.failed);
    if (t.expect.earliestOn !== undefined) expectEqual(f, "earliestOn", t.expect.earliestOn, got.earliestOn);
    return f;
  });
}
