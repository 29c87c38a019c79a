import * as z from "zod";
import { ArrearsError, type ArrearsIssue, issuesFromZod, MAX_ISSUES, readInput } from "../errors/index.js";
import { parseOptions } from "../errors/options.js";
import { AmountSchema, CurrencySchema } from "../model/schema.js";
import { type AmountInput, Dec, minorDigits, roundAmount, toMinorUnits } from "../money/index.js";
import { normalCdf, normalQuantile, studentTCdf, studentTQuantile } from "../util/stats.js";
import { assignVariant, type CompiledExperiment, loadExperiment } from "./experiment.js";

const OutcomeSchema = z.looseObject({
  accountId: z.string().min(1).max(200),
  /** The variant the account was decided under (`decision.variant`); default its assignment. */
  variant: z.string().min(1).max(200).optional(),
  /** Back to current by the end of the observation window. */
  cured: z.boolean(),
  /** Moved to a worse bucket by the end of the window. */
  rolledForward: z.boolean(),
  /** Amount collected in the window, in `options.currency`. */
  collected: AmountSchema,
});

/** One account's outcome in an experiment. */
export type ExperimentOutcome = z.input<typeof OutcomeSchema>;

const ResultsOptionsSchema = z.strictObject({
  /** Currency of every `collected` amount. */
  currency: CurrencySchema,
  /** The variant the others are compared with; default the experiment's first (the champion). */
  control: z.string().min(1).optional(),
  /** Level of the confidence intervals; a difference is significant when p < 1 − confidence. */
  confidence: z.number().min(0.5).max(0.999).default(0.95),
});

/** Options of {@link experimentResults}. */
export type ExperimentResultsOptions = z.input<typeof ResultsOptionsSchema>;

/** One variant's outcomes. */
export interface VariantResult {
  variant: string;
  accounts: number;
  cured: number;
  cureRate: number;
  rolledForward: number;
  rollForwardRate: number;
  /** Total collected, exact decimal string. */
  collected: string;
  /** Mean collected per account, rounded to the minor unit ("0.00" for no accounts). */
  collectedPerAccount: string;
}

/** A rate of a variant against the control's: lift, interval and two-proportion z-test. */
export interface RateComparison {
  control: number;
  variant: number;
  /** Absolute lift: variant rate − control rate. */
  difference: number;
  /** Confidence interval of the difference (Wald, unpooled). */
  interval: [number, number];
  /** Relative lift `variant / control − 1` and its interval (log method); null when a rate is 0. */
  relative: { lift: number; interval: [number, number] } | null;
  /** Two-proportion z statistic (pooled) and its two-sided p-value. */
  z: number;
  pValue: number;
  significant: boolean;
}

/** Mean collected of a variant against the control's: Welch's t-test. */
export interface AmountComparison {
  control: string;
  variant: string;
  /** Variant mean − control mean, rounded to the minor unit. */
  difference: string;
  /** Confidence interval of the difference, rounded outwards to the minor unit. */
  interval: [string, string];
  t: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  pValue: number;
  significant: boolean;
}

/** A challenger against the control. */
export interface VariantComparison {
  variant: string;
  against: string;
  /** Null when either variant has no accounts. */
  cure: RateComparison | null;
  rollForward: RateComparison | null;
  /** Null when either variant has fewer than 2 accounts. */
  collectedPerAccount: AmountComparison | null;
}

/** What {@link experimentResults} returns. */
export interface ExperimentResults {
  kind: "experiment";
  experiment: string;
  currency: string;
  confidence: number;
  control: string;
  variants: VariantResult[];
  comparisons: VariantComparison[];
}

interface Tally {
  n: number;
  cured: number;
  rolled: number;
  /** Minor units: the exact total, and the running mean and squared deviations (Welford) for the test. */
  total: bigint;
  mean: number;
  m2: number;
}

function rateComparison(
  xc: number,
  nc: number,
  xv: number,
  nv: number,
  zCrit: number,
  alpha: number,
): RateComparison | null {
  if (nc === 0 || nv === 0) return null;
  const pc = xc / nc;
  const pv = xv / nv;
  const d = pv - pc;
  const se = Math.sqrt((pc * (1 - pc)) / nc + (pv * (1 - pv)) / nv);
  const pooled = (xc + xv) / (nc + nv);
  const se0 = Math.sqrt(pooled * (1 - pooled) * (1 / nc + 1 / nv));
  const z = se0 > 0 ? d / se0 : 0;
  const pValue = se0 > 0 ? 2 * (1 - normalCdf(Math.abs(z))) : 1;
  let relative: RateComparison["relative"] = null;
  if (pc > 0 && pv > 0) {
    const s = Math.sqrt((1 - pc) / xc + (1 - pv) / xv);
    const r = pv / pc;
    relative = { lift: r - 1, interval: [r * Math.exp(-zCrit * s) - 1, r * Math.exp(zCrit * s) - 1] };
  }
  return {
    control: pc,
    variant: pv,
    difference: d,
    interval: [d - zCrit * se, d + zCrit * se],
    relative,
    z,
    pValue,
    significant: pValue < alpha,
  };
}

function amountComparison(c: Tally, v: Tally, currency: string, confidence: number): AmountComparison | null {
  if (c.n < 2 || v.n < 2) return null;
  const digits = minorDigits(currency);
  const unit = new Dec(10).pow(digits);
  // Exact means and difference (in major units); the test statistic works on minor units.
  const meanC = new Dec(c.total.toString()).div(c.n).div(unit);
  const meanV = new Dec(v.total.toString()).div(v.n).div(unit);
  const diff = meanV.minus(meanC);
  const variance = (t: Tally) => t.m2 / (t.n - 1);
  const a = variance(c) / c.n;
  const b = variance(v) / v.n;
  const se = Math.sqrt(a + b);
  const dMinor = v.mean - c.mean;
  let t: number;
  let df: number;
  let pValue: number;
  if (se > 0) {
    t = dMinor / se;
    df = (a + b) ** 2 / (a ** 2 / (c.n - 1) + b ** 2 / (v.n - 1));
    pValue = 2 * (1 - studentTCdf(Math.abs(t), df));
  } else {
    // No spread in either variant: the means either agree or differ with certainty.
    t = dMinor === 0 ? 0 : dMinor > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    df = c.n + v.n - 2;
    pValue = dMinor === 0 ? 1 : 0;
  }
  const half = se > 0 ? studentTQuantile(1 - (1 - confidence) / 2, df) * se : 0;
  const halfMajor = new Dec(half.toPrecision(15)).div(unit);
  return {
    control: roundAmount(meanC, currency),
    variant: roundAmount(meanV, currency),
    difference: roundAmount(diff, currency),
    interval: [
      diff.minus(halfMajor).toFixed(digits, Dec.ROUND_FLOOR),
      diff.plus(halfMajor).toFixed(digits, Dec.ROUND_CEIL),
    ],
    t,
    df,
    pValue,
    significant: pValue < 1 - confidence,
  };
}

/**
 * Reads a champion/challenger experiment: per variant the cure rate, the roll-forward rate and
 * the amount collected (exact decimal strings), and each challenger against the control (the
 * champion, the experiment's first variant, unless `control` says otherwise): the lift of each
 * rate with its confidence interval and a two-proportion z-test, and the difference in mean
 * collected per account with Welch's t-test. Several challengers are each compared with the
 * control at the stated level (no correction for multiple comparisons).
 *
 * Each outcome names its account; its variant is the experiment's assignment (`assignVariant`,
 * the same hash `decideWithExperiment` uses), and a recorded `variant` must agree with it.
 *
 * @param experiment The experiment JSON or `loadExperiment` result the accounts were assigned by.
 * @param outcomes One per account: `{accountId, variant?, cured, rolledForward, collected}`.
 * @throws {ArrearsError} `INVALID_EXPERIMENT`; `INVALID_OPTIONS` (e.g. an unknown control, with
 * did-you-mean); `INVALID_INPUT` with the outcome's path for a bad field, an account listed
 * twice, or a recorded variant that is not the account's assignment.
 *
 * @example
 * const r = experimentResults(experiment, outcomes, { currency: "CNY" });
 * r.variants[1].cureRate;                  // 0.34
 * r.comparisons[0].cure?.interval;         // [0.012, 0.071]
 * r.comparisons[0].cure?.significant;      // true
 * r.comparisons[0].collectedPerAccount?.difference; // "41.20"
 */
export function experimentResults(
  experiment: unknown,
  outcomes: readonly ExperimentOutcome[] | unknown,
  options: ExperimentResultsOptions,
): ExperimentResults {
  const o = parseOptions(ResultsOptionsSchema, options, "experimentResults");
  const e: CompiledExperiment = loadExperiment(experiment);
  const names = e.variants.map((v) => v.name);
  const control = o.control ?? names[0]!;
  if (!names.includes(control))
    throw new ArrearsError(
      "INVALID_OPTIONS",
      [
        {
          path: ["control"],
          message: `not a variant of experiment "${e.id}" (${names.join(", ")})`,
          received: control,
        },
      ],
      "experimentResults",
    );
  return readInput("INVALID_INPUT", "experimentResults", () => {
    const r = z.array(OutcomeSchema).safeParse(outcomes);
    if (!r.success) throw new ArrearsError("INVALID_INPUT", issuesFromZod(r.error, outcomes), "experimentResults");
    const tallies = new Map<string, Tally>(
      names.map((n) => [n, { n: 0, cured: 0, rolled: 0, total: 0n, mean: 0, m2: 0 }]),
    );
    const issues: ArrearsIssue[] = [];
    const seen = new Map<string, number>();
    r.data.forEach((x, i) => {
      if (issues.length >= MAX_ISSUES) return;
      const prev = seen.get(x.accountId);
      if (prev !== undefined) {
        issues.push({ path: [i, "accountId"], message: `listed twice (also [${prev}])`, received: x.accountId });
        return;
      }
      seen.set(x.accountId, i);
      const assigned = assignVariant(e, x.accountId);
      if (x.variant !== undefined && x.variant !== assigned) {
        issues.push({
          path: [i, "variant"],
          message: `experiment "${e.id}" assigns account ${JSON.stringify(x.accountId)} to "${assigned}"`,
          received: x.variant,
        });
        return;
      }
      const t = tallies.get(assigned)!;
      const minor = toMinorUnits(x.collected as AmountInput, o.currency);
      t.n++;
      if (x.cured) t.cured++;
      if (x.rolledForward) t.rolled++;
      t.total += BigInt(minor);
      const delta = minor - t.mean;
      t.mean += delta / t.n;
      t.m2 += delta * (minor - t.mean);
    });
    if (issues.length > 0) throw new ArrearsError("INVALID_INPUT", issues, "experimentResults");

    const unit = new Dec(10).pow(minorDigits(o.currency));
    const variants = names.map((name): VariantResult => {
      const t = tallies.get(name)!;
      const total = new Dec(t.total.toString()).div(unit);
      return {
        variant: name,
        accounts: t.n,
        cured: t.cured,
        cureRate: t.n > 0 ? t.cured / t.n : 0,
        rolledForward: t.rolled,
        rollForwardRate: t.n > 0 ? t.rolled / t.n : 0,
        collected: roundAmount(total, o.currency),
        collectedPerAccount: roundAmount(t.n > 0 ? total.div(t.n) : new Dec(0), o.currency),
      };
    });
    const alpha = 1 - o.confidence;
    const zCrit = normalQuantile(1 - alpha / 2);
    const c = tallies.get(control)!;
    const comparisons = names
      .filter((n) => n !== control)
      .map((name): VariantComparison => {
        const v = tallies.get(name)!;
        return {
          variant: name,
          against: control,
          cure: rateComparison(c.cured, c.n, v.cured, v.n, zCrit, alpha),
          rollForward: rateComparison(c.rolled, c.n, v.rolled, v.n, zCrit, alpha),
          collectedPerAccount: amountComparison(c, v, o.currency, o.confidence),
        };
      });
    return {
      kind: "experiment",
      experiment: e.id,
      currency: o.currency,
      confidence: o.confidence,
      control,
      variants,
      comparisons,
    };
  });
}

const PowerOptionsSchema = z.union([
  z.strictObject({
    /** The control's rate (e.g. a cure rate of 0.30). */
    baseRate: z.number().gt(0).lt(1),
    /** The absolute lift to detect (0.02 = two points); base + lift must stay in (0, 1). */
    lift: z.number().refine((x) => x !== 0, "expected a non-zero lift"),
    confidence: z.number().min(0.5).max(0.999).default(0.95),
    power: z.number().min(0.5).max(0.999).default(0.8),
    /** Accounts in the variant per account in the control (0.25 for an 80/20 split). */
    ratio: z.number().gt(0).max(100).default(1),
  }),
  z.strictObject({
    /** Standard deviation of the amount per account (e.g. collected), in currency units. */
    sd: z.number().gt(0),
    /** The difference in means to detect, in the same units. */
    lift: z.number().refine((x) => x !== 0, "expected a non-zero lift"),
    confidence: z.number().min(0.5).max(0.999).default(0.95),
    power: z.number().min(0.5).max(0.999).default(0.8),
    ratio: z.number().gt(0).max(100).default(1),
  }),
]);

/** Options of {@link sampleSizeForLift}: a rate (`baseRate`) or a mean (`sd`). */
export type SampleSizeOptions = z.input<typeof PowerOptionsSchema>;

/** Accounts needed in each arm. */
export interface SampleSize {
  control: number;
  variant: number;
  total: number;
}

/**
 * Accounts needed to detect a given lift with a two-sided test at `confidence` with `power`:
 * for a rate (cure, roll-forward), the two-proportion z-test's formula
 * `n = (z₁₋α/₂·√(p̄q̄(1 + 1/r)) + z₁₋β·√(p₁q₁ + p₂q₂/r))² / Δ²`; for a mean (collected per
 * account), `n = (z₁₋α/₂ + z₁₋β)²·σ²·(1 + 1/r) / Δ²`; `r` = variant accounts per control account.
 * Rounded up.
 *
 * @throws {ArrearsError} `INVALID_OPTIONS`, e.g. a lift that takes the rate outside (0, 1).
 *
 * @example
 * // A cure rate of 30 %: accounts needed to see +3 points (two-sided 5 %, power 80 %)
 * sampleSizeForLift({ baseRate: 0.3, lift: 0.03 });              // { control: 3763, variant: 3763, total: 7526 }
 * sampleSizeForLift({ baseRate: 0.3, lift: 0.03, ratio: 0.25 }); // 80/20: { control: 9346, variant: 2337, total: 11683 }
 */
export function sampleSizeForLift(options: SampleSizeOptions): SampleSize {
  const o = parseOptions(PowerOptionsSchema, options, "sampleSizeForLift");
  const za = normalQuantile(1 - (1 - o.confidence) / 2);
  const zb = normalQuantile(o.power);
  const r = o.ratio;
  let n1: number;
  if ("baseRate" in o) {
    const p1 = o.baseRate;
    const p2 = p1 + o.lift;
    if (!(p2 > 0 && p2 < 1))
      throw new ArrearsError(
        "INVALID_OPTIONS",
        [{ path: ["lift"], message: `baseRate + lift = ${p2} is not a rate in (0, 1)`, received: o.lift }],
        "sampleSizeForLift",
      );
    const pBar = (p1 + r * p2) / (1 + r);
    const num = za * Math.sqrt(pBar * (1 - pBar) * (1 + 1 / r)) + zb * Math.sqrt(p1 * (1 - p1) + (p2 * (1 - p2)) / r);
    n1 = (num * num) / (o.lift * o.lift);
  } else n1 = ((za + zb) ** 2 * o.sd ** 2 * (1 + 1 / r)) / (o.lift * o.lift);
  const control = Math.ceil(n1 - 1e-9);
  const variant = Math.ceil(r * n1 - 1e-9);
  return { control, variant, total: control + variant };
}
