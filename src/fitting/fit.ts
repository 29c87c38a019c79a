import * as z from "zod";
import { ArrearsError, readInput } from "../errors/index.js";
import { parseOptions } from "../errors/options.js";
import { FACT_NAMES, FACTS, type FactDefinition } from "../facts/catalog.js";
import type { OwnFact, ScorecardInput } from "../scoring/schema.js";
import { loadScorecard } from "../scoring/scorecard.js";
import { unknownMessage } from "../scoring/suggest.js";
import {
  binCategorical,
  binNumeric,
  type Counts,
  informationValue,
  type MergeOptions,
  type Trend,
  weightOfEvidence,
} from "./binning.js";
import { logisticRegression, SingularFitError } from "./logistic.js";
import { type Performance, performance } from "./metrics.js";
import { type FitRow, Issues, probabilityAt, readRows, rowValue } from "./rows.js";

const FACT_BY_NAME: ReadonlyMap<string, FactDefinition> = new Map(FACTS.map((d) => [d.name, d]));
/** Distinct values a categorical characteristic may have (more is an id, not a category). */
const MAX_CATEGORIES = 1000;
/** The largest points a card holds (the scorecard schema's bound). */
const MAX_POINTS = 100_000;
const TrendSchema = z.enum(["auto", "ascending", "descending", "none"]);
const Share = z.number().min(0).max(0.5);

const CharacteristicOptionsSchema = z.strictObject({
  /** The row field read, and the card's fact: a catalogued fact, or your own with `allowOwnFacts`. */
  fact: z.string().min(1).max(60),
  /** Name in the card (reasons, points); default the fact. */
  name: z.string().min(1).max(60).optional(),
  /** Default: from the catalogue's type, or the values (numbers → numeric). */
  type: z.enum(["numeric", "categorical"]).optional(),
  trend: TrendSchema.optional(),
  /** Fixed interior cut points, increasing: bins `(-∞, c0)`, `[c0, c1)` … `[cn, ∞)`; no search. */
  cuts: z
    .array(z.number().finite())
    .min(1)
    .max(49)
    .refine((c) => c.every((v, i) => i === 0 || v > c[i - 1]!), "expected strictly increasing cut points")
    .optional(),
  maxBins: z.int().min(1).max(50).optional(),
  minBinShare: Share.optional(),
  reasonCode: z.string().min(1).max(40).optional(),
  reasonText: z.string().min(1).optional(),
  description: z.string().min(1).optional(),
});

const FitOptionsSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lowercase id like "my-risk"'),
  version: z.string().min(1).default("1.0.0"),
  description: z.string().min(1).optional(),
  /** The row field holding the outcome: true or 1 = the unfavourable outcome (the "bad"). */
  target: z.string().min(1),
  /** What the card's probability is the probability of (`odds.event`), e.g. "default next month". */
  event: z.string().min(1).optional(),
  characteristics: z
    .array(z.union([z.string().min(1).max(60), CharacteristicOptionsSchema]))
    .min(1)
    .max(100),
  /** Allow facts that are not in the catalogue: they are declared in the card's `ownFacts`. */
  allowOwnFacts: z.boolean().default(false),
  /** Equal-frequency fine bins before merging. */
  fineBins: z.int().min(2).max(500).default(20),
  maxBins: z.int().min(1).max(50).default(8),
  /** Smallest share of all rows a bin may hold (the missing bin excepted). */
  minBinShare: Share.default(0.05),
  /** Trend of the bad rate as a numeric value grows; `auto` takes the direction with the higher IV. */
  trend: TrendSchema.default("auto"),
  /** Characteristics with a lower information value are left out. */
  minIv: z.number().min(0).max(10).default(0.02),
  /** Ridge penalty of the logistic regression (see `logisticRegression`); 0 = maximum likelihood. */
  ridge: z.number().min(0).max(1000).default(1e-4),
  maxIterations: z.int().min(1).max(1000).default(100),
  /**
   * Leave out characteristics whose coefficient comes out ≤ 0 (their points would run against
   * their own WoE, a sign of collinearity), one at a time, refitting each time.
   */
  dropReversed: z.boolean().default(true),
  /** Points scaling: `baseOdds` good:bad at `baseScore`, doubling every `pointsToDoubleOdds`. */
  scaling: z
    .strictObject({
      baseScore: z.number().min(-100_000).max(100_000),
      baseOdds: z.number().positive().max(1e9),
      pointsToDoubleOdds: z.number().positive().max(1000),
    })
    .default({ baseScore: 600, baseOdds: 50, pointsToDoubleOdds: 20 }),
  maxReasons: z.int().min(0).max(50).default(4),
});

/** How to bin one characteristic (a bare string is `{ fact }`). */
export type FitCharacteristicOptions = z.input<typeof CharacteristicOptionsSchema>;
/** Options of {@link fitScorecard}. */
export type FitScorecardOptions = z.input<typeof FitOptionsSchema>;
type Options = z.infer<typeof FitOptionsSchema>;

/** One bin of a fitted characteristic. */
export interface FitBin {
  /** The card's label for the bin (`[0.1, 0.5)`, `a | b`, `missing`, `other`). */
  label: string;
  count: number;
  /** Share of all rows. */
  share: number;
  goods: number;
  bads: number;
  /** Bad rate in the bin; null for an empty bin. */
  badRate: number | null;
  /** Weight of evidence `ln(good% / bad%)` (see `weightOfEvidence`: ½ added to a zero count). */
  woe: number;
  /** `(good% − bad%) · WoE`. */
  iv: number;
  /** Points in the card (0 for a characteristic left out). */
  points: number;
}

/** A characteristic in the fit report. */
export interface FitCharacteristic {
  name: string;
  fact: string;
  type: "numeric" | "categorical";
  /** True for a fact declared in the card's `ownFacts`. */
  ownFact: boolean;
  /** Trend of the bad rate over the numeric bins (`none` for categories, or with a single bin). */
  trend: Trend;
  /** Information value: the sum of the bins' IV. */
  iv: number;
  /** In the card, or why not. */
  status: "used" | "low_iv" | "reversed";
  /** Logistic coefficient of its WoE (null when left out). */
  coefficient: number | null;
  bins: FitBin[];
}

/** The fit report: the binning, the model and how the card performs on the rows it was fitted on. */
export interface FitReport {
  kind: "fit";
  card: { id: string; version: string };
  target: string;
  scaling: { baseScore: number; baseOdds: number; pointsToDoubleOdds: number };
  /** Logistic regression of the favourable outcome on the WoE values. */
  model: { intercept: number; ridge: number; iterations: number; converged: boolean; logLikelihood: number };
  characteristics: FitCharacteristic[];
  /** The card (integer points) scored on the fitting rows. */
  performance: Performance;
}

/** What {@link fitScorecard} returns. */
export interface FitResult {
  /** Scorecard JSON: pass it to `loadScorecard`, save it as a rule file. */
  card: ScorecardInput;
  report: FitReport;
}

type Kind = "numeric" | "categorical";
interface Spec {
  index: number;
  name: string;
  fact: string;
  kind: Kind;
  def: FactDefinition | undefined;
  trend: Trend | "auto";
  cuts: number[] | undefined;
  maxBins: number;
  minBinShare: number;
  reasonCode: string;
  reasonText: string;
  description: string | undefined;
}

function specsOf(o: Options): Spec[] {
  const issues = new Issues("INVALID_OPTIONS", "fitScorecard");
  const names = new Map<string, number>();
  const specs = o.characteristics.map((c, i): Spec => {
    const x = typeof c === "string" ? { fact: c } : c;
    const name = x.name ?? x.fact;
    const at = typeof c === "string" ? ["characteristics", i] : ["characteristics", i, "fact"];
    const def = FACT_BY_NAME.get(x.fact);
    if (!def && !o.allowOwnFacts)
      issues.add({
        path: at,
        message: `${unknownMessage("fact", x.fact, FACT_NAMES)}; set allowOwnFacts: true to fit on a fact of your own`,
        received: x.fact,
      });
    if (x.fact === o.target)
      issues.add({ path: at, message: "the outcome field cannot be a characteristic", received: x.fact });
    const prev = names.get(name);
    if (prev !== undefined)
      issues.add({
        path: typeof c === "string" || x.name === undefined ? at : ["characteristics", i, "name"],
        message: `duplicate characteristic name (also characteristics[${prev}]): give one a name`,
        received: name,
      });
    else names.set(name, i);
    let kind: Kind | undefined = x.type;
    if (def) {
      const natural: Kind = def.type === "number" ? "numeric" : "categorical";
      if (kind && kind !== natural)
        issues.add({
          path: ["characteristics", i, "type"],
          message: `fact "${x.fact}" is a ${def.type}: use "${natural}"`,
          received: kind,
        });
      kind = natural;
    }
    if (x.cuts && kind === "categorical")
      issues.add({ path: ["characteristics", i, "cuts"], message: "cut points apply to numeric characteristics" });
    return {
      index: i,
      name,
      fact: x.fact,
      kind: kind ?? "numeric", // settled from the values for own facts without a type
      def,
      trend: x.trend ?? o.trend,
      cuts: x.cuts,
      maxBins: x.maxBins ?? o.maxBins,
      minBinShare: x.minBinShare ?? o.minBinShare,
      reasonCode: x.reasonCode ?? `R${String(i + 1).padStart(2, "0")}`,
      reasonText: x.reasonText ?? x.description ?? `Unfavourable ${name}`,
      description: x.description,
    };
  });
  issues.throwIfAny();
  return specs;
}

/** The values of one characteristic across the rows, checked (`null` = missing). */
function valuesOf(
  spec: Spec,
  rows: readonly object[],
  inferKind: boolean,
  issues: Issues,
): { kind: Kind; values: (number | string | boolean | null)[]; ownType: OwnFact["type"] | undefined } {
  let kind = spec.kind;
  const values: (number | string | boolean | null)[] = new Array(rows.length);
  let ownType: OwnFact["type"] | undefined;
  if (inferKind)
    for (const row of rows) {
      const v = rowValue(row, spec.fact);
      if (v !== null && v !== undefined) {
        kind = typeof v === "number" ? "numeric" : "categorical";
        break;
      }
    }
  if (!spec.def && kind === "numeric") ownType = "number";
  const def = spec.def;
  for (let i = 0; i < rows.length && !issues.full; i++) {
    const v = rowValue(rows[i]!, spec.fact);
    const at = ["rows", i, spec.fact];
    if (v === null || v === undefined) {
      values[i] = null;
      continue;
    }
    if (kind === "numeric") {
      if (typeof v === "number" && Number.isFinite(v)) values[i] = v;
      else
        issues.add({
          path: at,
          message: "expected a finite number (null or absent for a missing value)",
          received: v,
        });
      continue;
    }
    if (typeof v !== "string" && typeof v !== "boolean") {
      issues.add({ path: at, message: "expected a string or a boolean (null or absent for missing)", received: v });
      continue;
    }
    const want = def ? def.type : ownType;
    if (want && want !== typeof v) {
      issues.add({
        path: at,
        message: `expected a ${want}${def ? ` (fact "${spec.fact}" is a ${def.type})` : " like the rows before"}`,
        received: v,
      });
      continue;
    }
    if (!def && !ownType) ownType = typeof v as "string" | "boolean";
    if (def?.values && typeof v === "string" && !def.values.includes(v)) {
      issues.add({ path: at, message: unknownMessage(`value of "${spec.fact}"`, v, def.values), received: v });
      continue;
    }
    values[i] = v;
  }
  if (kind === "categorical") {
    const distinct = new Set(values.filter((v) => v !== null));
    if (distinct.size > MAX_CATEGORIES)
      issues.add({
        path: ["characteristics", spec.index, "fact"],
        message: `${distinct.size} distinct values of ${JSON.stringify(spec.fact)}: a categorical characteristic takes at most ${MAX_CATEGORIES} (group them, or bin a number as numeric)`,
        received: spec.fact,
      });
  }
  return { kind, values, ownType };
}

interface Binned {
  spec: Spec;
  kind: Kind;
  ownType: OwnFact["type"] | undefined;
  trend: Trend;
  /** Bins in card order, then `other` (categorical), then `missing`. */
  counts: Counts[];
  woe: number[];
  iv: number;
  /** Card JSON of the bins without points: numeric ranges or category lists. */
  shape: ({ min?: number; max?: number } | { values: (string | boolean)[] })[];
  /** Per row: its bin's position in `counts`. */
  rowBin: Uint16Array;
}

function binOne(
  spec: Spec,
  kind: Kind,
  values: readonly (number | string | boolean | null)[],
  bad: Uint8Array,
  totals: { good: number; bad: number },
  ownType: OwnFact["type"] | undefined,
  fineBins: number,
): Binned {
  const n = values.length;
  const merge: MergeOptions = {
    minCount: Math.ceil(spec.minBinShare * n),
    maxBins: spec.maxBins,
    totalGood: totals.good,
    totalBad: totals.bad,
  };
  const rowBin = new Uint16Array(n);
  let counts: Counts[];
  let shape: Binned["shape"];
  let trend: Trend = "none";
  if (kind === "numeric") {
    const b = binNumeric(
      values as (number | null)[],
      bad,
      { fineBins, trend: spec.trend, ...(spec.cuts ? { cuts: spec.cuts } : {}) },
      merge,
    );
    trend = b.trend;
    counts = [...b.bins, b.missing];
    shape = b.bins.map(({ min, max }) => ({
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
    }));
    const edges = b.bins.slice(1).map((x) => x.min!);
    for (let i = 0; i < n; i++) {
      const v = values[i] as number | null;
      if (v === null) rowBin[i] = b.bins.length;
      else {
        let j = 0;
        while (j < edges.length && v >= edges[j]!) j++;
        rowBin[i] = j;
      }
    }
  } else {
    const b = binCategorical(values as (string | boolean | null)[], bad, merge);
    counts = [...b.bins, { good: 0, bad: 0 }, b.missing];
    shape = b.bins.map((x) => ({ values: x.values }));
    const where = new Map<string | boolean, number>();
    b.bins.forEach((x, j) => {
      for (const v of x.values) where.set(v, j);
    });
    for (let i = 0; i < n; i++) {
      const v = values[i] as string | boolean | null;
      rowBin[i] = v === null ? b.bins.length + 1 : where.get(v)!;
    }
  }
  const woe = counts.map((c) => weightOfEvidence(c, totals.good, totals.bad));
  const iv = counts.reduce((s, c) => s + informationValue(c, totals.good, totals.bad), 0);
  return { spec, kind, ownType, trend, counts, woe, iv, shape, rowBin };
}

/**
 * Fits a points scorecard on rows of fact values and a binary outcome, the way a credit-risk
 * team does it by hand: each characteristic is binned (fine equal-frequency bins merged under a
 * monotonic trend of the bad rate, a minimum bin share and a maximum number of bins; missing
 * values in a bin of their own; categories ordered by bad rate and merged), each bin gets its
 * weight of evidence, characteristics below `minIv` are left out, a logistic regression of the
 * favourable outcome on the WoE values is fitted (IRLS, optional ridge), and points are scaled:
 * `points = round(factor · β · WoE)`, `basePoints = round(offset + factor · intercept)`,
 * `factor = pointsToDoubleOdds / ln 2`, `offset = baseScore − factor · ln(baseOdds)`.
 *
 * The card is plain JSON in the library's format (`loadScorecard` accepts it; reason codes are
 * the characteristics that cost the most points). A fact outside the catalogue (with
 * `allowOwnFacts`) is declared in the card's `ownFacts`: such a card scores with `score` where
 * you supply the fact, not inside `decide`. Deterministic: the same rows in the same order and
 * the same options give the same card, bit for bit (no randomness anywhere).
 *
 * @param rows Objects of fact values (numbers, strings, booleans; `null` or absent = missing)
 * with the outcome in `options.target` (`true`/1 = unfavourable).
 * @throws {ArrearsError} `INVALID_OPTIONS` for bad options (path in the options, e.g.
 * `characteristics[2].fact: unknown fact "dpdd" (did you mean "dpd"?)`); `INVALID_INPUT` for
 * bad rows (path like `rows[41].utilization: expected a finite number`), a single outcome, a
 * characteristic with every value missing, or no characteristic informative enough.
 *
 * @example
 * const { card, report } = fitScorecard(rows, {
 *   id: "my-risk", target: "defaulted",
 *   characteristics: ["dpd", "worstCycle12m", "utilization", { fact: "paidAmount90d", trend: "descending" }],
 * });
 * report.performance.auc;                     // 0.78
 * score(loadScorecard(card), facts).reasons; // [{ code: "R01", … }]
 */
export function fitScorecard(rows: readonly FitRow[] | unknown, options: FitScorecardOptions): FitResult {
  const o = parseOptions(FitOptionsSchema, options, "fitScorecard");
  const specs = specsOf(o);
  const read = readInput("INVALID_INPUT", "fitScorecard", () => readRows(rows, o.target, "fitScorecard"));
  return readInput("INVALID_INPUT", "fitScorecard", () => fitWith(read.rows, read.bad, specs, o));
}

function fitWith(rows: readonly object[], bad: Uint8Array, specs: Spec[], o: Options): FitResult {
  const n = rows.length;
  let bads = 0;
  for (const b of bad) bads += b;
  const totals = { good: n - bads, bad: bads };
  const issues = new Issues("INVALID_INPUT", "fitScorecard");
  const columns: { kind: Kind; values: (number | string | boolean | null)[]; ownType: OwnFact["type"] | undefined }[] =
    specs.map((s) => {
      const c = o.characteristics[s.index]!;
      const infer = !s.def && (typeof c === "string" || c.type === undefined);
      return valuesOf(s, rows, infer, issues);
    });
  issues.throwIfAny();
  specs.forEach((s, j) => {
    if (columns[j]!.values.every((v) => v === null))
      issues.add({
        path: ["characteristics", s.index],
        message: `every row's ${JSON.stringify(s.fact)} is missing: nothing to bin`,
      });
  });
  issues.throwIfAny();
  const binned = specs.map((s, j) =>
    binOne(s, columns[j]!.kind, columns[j]!.values, bad, totals, columns[j]!.ownType, o.fineBins),
  );

  // Selection by IV, then the model; a reversed coefficient leaves, one at a time.
  const status = binned.map((b): FitCharacteristic["status"] => (b.iv >= o.minIv ? "used" : "low_iv"));
  if (!status.includes("used"))
    throw new ArrearsError(
      "INVALID_INPUT",
      [
        {
          path: ["characteristics"],
          message: `no characteristic reaches minIv ${o.minIv} (best IV ${Math.max(...binned.map((b) => b.iv)).toFixed(4)}): nothing to fit`,
        },
      ],
      "fitScorecard",
    );
  const good = new Uint8Array(n);
  for (let i = 0; i < n; i++) good[i] = 1 - bad[i]!;
  const woeColumn = (b: Binned): Float64Array => {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = b.woe[b.rowBin[i]!]!;
    return col;
  };
  const cols = binned.map(woeColumn);
  let fit: ReturnType<typeof logisticRegression>;
  let used: number[];
  let start: number[] | undefined;
  for (;;) {
    used = status.flatMap((s, j) => (s === "used" ? [j] : []));
    try {
      fit = logisticRegression(
        used.map((j) => cols[j]!),
        good,
        { ridge: o.ridge, maxIterations: o.maxIterations, ...(start ? { start } : {}) },
      );
    } catch (e) {
      if (!(e instanceof SingularFitError)) throw e;
      throw new ArrearsError(
        "INVALID_OPTIONS",
        [
          {
            path: ["ridge"],
            message:
              "no unique fit: the characteristics' WoE values are collinear or separate the outcomes perfectly; set ridge above 0 (e.g. 0.001) or leave one out",
            received: o.ridge,
          },
        ],
        "fitScorecard",
      );
    }
    if (!o.dropReversed) break;
    let worst = -1;
    fit.coefficients.forEach((c, k) => {
      if (c <= 0 && (worst < 0 || c < fit.coefficients[worst]!)) worst = k;
    });
    if (worst < 0) break;
    status[used[worst]!] = "reversed";
    // Refit from where this fit ended, without the characteristic left out.
    start = [fit.intercept, ...fit.coefficients.filter((_, k) => k !== worst)];
    if (!status.includes("used"))
      throw new ArrearsError(
        "INVALID_INPUT",
        [{ path: ["characteristics"], message: "every characteristic's coefficient came out ≤ 0: nothing to fit" }],
        "fitScorecard",
      );
  }
  const beta = new Map(used.map((j, k) => [j, fit.coefficients[k]!]));

  const { baseScore, baseOdds, pointsToDoubleOdds } = o.scaling;
  const factor = pointsToDoubleOdds / Math.LN2;
  const offset = baseScore - factor * Math.log(baseOdds);
  const round = (x: number) => Math.round(x) || 0; // no -0 in the JSON
  const pointsOf = (j: number): number[] => binned[j]!.woe.map((w) => round(factor * (beta.get(j) ?? 0) * w));

  const ownFacts: OwnFact[] = [];
  const seenOwn = new Set<string>();
  const characteristics = used.map((j) => {
    const b = binned[j]!;
    const s = b.spec;
    const pts = pointsOf(j);
    if (!s.def && !seenOwn.has(s.fact)) {
      seenOwn.add(s.fact);
      ownFacts.push({
        name: s.fact,
        type: b.ownType ?? "number",
        ...(s.description ? { description: s.description } : {}),
      });
    }
    const base = {
      name: s.name,
      fact: s.fact,
      ...(s.description ? { description: s.description } : {}),
      reasonCode: s.reasonCode,
      reasonText: s.reasonText,
    };
    const bins = b.shape.map((shape, k) => ({ ...shape, points: pts[k]! }));
    return b.kind === "numeric"
      ? {
          ...base,
          type: "numeric" as const,
          bins: bins as { min?: number; max?: number; points: number }[],
          missing: { points: pts[pts.length - 1]! },
        }
      : {
          ...base,
          type: "categorical" as const,
          bins: bins as { values: (string | boolean)[]; points: number }[],
          other: { points: pts[pts.length - 2]! },
          missing: { points: pts[pts.length - 1]! },
        };
  });
  const event = o.event ?? `${o.target} (the unfavourable outcome)`;
  const card: ScorecardInput = {
    schemaVersion: 1,
    id: o.id,
    version: o.version,
    description:
      o.description ??
      `Fitted by fitScorecard on ${n} rows (${bads} with ${o.target}) by WoE binning and logistic regression. Higher score = less likely: ${event}.`,
    higherIs: "better",
    basePoints: round(offset + factor * fit.intercept),
    odds: { baseScore, baseOdds, pointsToDoubleOdds, event },
    maxReasons: o.maxReasons,
    ...(ownFacts.length > 0 ? { ownFacts } : {}),
    characteristics,
    tests: [],
    meta: {
      fittedWith: "fitScorecard",
      rows: n,
      bads,
      target: o.target,
      intercept: fit.intercept,
      coefficients: Object.fromEntries(used.map((j) => [binned[j]!.spec.name, beta.get(j)!])),
    },
  };
  const tooBig = [card.basePoints!, ...used.flatMap((j) => pointsOf(j))].find((x) => Math.abs(x) > MAX_POINTS);
  if (tooBig !== undefined)
    throw new ArrearsError(
      "INVALID_OPTIONS",
      [
        {
          path: ["scaling"],
          message: `the scaled points reach ${tooBig}, beyond the ±${MAX_POINTS} a card holds: use a smaller pointsToDoubleOdds or a baseScore nearer 0`,
        },
      ],
      "fitScorecard",
    );
  const compiled = loadScorecard(card);

  const labelsOf = (j: number): string[] => {
    const u = used.indexOf(j);
    if (u >= 0) {
      const c = compiled.characteristics[u]!;
      return [...c.labels, ...(c.other ? [c.other.label] : []), c.missing.label];
    }
    const b = binned[j]!;
    return [
      ...b.shape.map((x) =>
        "values" in x
          ? x.values.map(String).join(" | ")
          : x.min === undefined && x.max === undefined
            ? "any"
            : x.min === undefined
              ? `< ${x.max}`
              : x.max === undefined
                ? `≥ ${x.min}`
                : `[${x.min}, ${x.max})`,
      ),
      ...(b.kind === "categorical" ? ["other"] : []),
      "missing",
    ];
  };
  const reportChars: FitCharacteristic[] = binned.map((b, j) => {
    const labels = labelsOf(j);
    const pts = status[j] === "used" ? pointsOf(j) : b.counts.map(() => 0);
    return {
      name: b.spec.name,
      fact: b.spec.fact,
      type: b.kind,
      ownFact: !b.spec.def,
      trend: b.trend,
      iv: b.iv,
      status: status[j]!,
      coefficient: beta.get(j) ?? null,
      bins: b.counts.map((c, k) => ({
        label: labels[k]!,
        count: c.good + c.bad,
        share: (c.good + c.bad) / n,
        goods: c.good,
        bads: c.bad,
        badRate: c.good + c.bad > 0 ? c.bad / (c.good + c.bad) : null,
        woe: b.woe[k]!,
        iv: informationValue(c, totals.good, totals.bad),
        points: pts[k]!,
      })),
    };
  });

  // Each row's score from its bins (what `score` gives with this card: no range to clamp).
  const sc = new Float64Array(n).fill(compiled.basePoints);
  for (const j of used) {
    const pts = pointsOf(j);
    const rowBin = binned[j]!.rowBin;
    for (let i = 0; i < n; i++) sc[i]! += pts[rowBin[i]!]!;
  }
  const p = sc.map((s) => probabilityAt(compiled, s));
  return {
    card,
    report: {
      kind: "fit",
      card: { id: o.id, version: o.version },
      target: o.target,
      scaling: { baseScore, baseOdds, pointsToDoubleOdds },
      model: {
        intercept: fit.intercept,
        ridge: o.ridge,
        iterations: fit.iterations,
        converged: fit.converged,
        logLikelihood: fit.logLikelihood,
      },
      characteristics: reportChars,
      performance: performance(p, bad, sc),
    },
  };
}
