import * as z from "zod";
import { ConditionValidator, compilePredicate, type OperatorName, type Predicate } from "../conditions/index.js";
import { ArrearsError, type ArrearsIssue, issuesFromZod, readInput } from "../errors/index.js";
import { FACT_NAMES, type Facts } from "../facts/catalog.js";
import { sharedRegistry } from "../util/shared.js";
import { unknownMessage } from "./suggest.js";

/**
 * The four can-pay / will-pay segments.
 *
 * @example
 * SEGMENTS.includes(facts.segment); // true after applyScores
 */
export const SEGMENTS = ["self_cure", "hardship", "escalate", "settlement_review"] as const;
export type Segment = (typeof SEGMENTS)[number];

/**
 * Operators a segmentation signal may use: a subset of the policy rules' operators, validated and
 * compiled by the same conditions layer, so with the same meaning (json-rules-engine 7.3's, see
 * `docs/operators.md`). A null or missing fact fails the numeric operators, `equal` and `in` (the
 * number check rejects `null`: `null < 5` is not true) but satisfies `notEqual` and `notIn`
 * (`null !== "x"`), exactly as in a policy rule.
 *
 * @example
 * { "fact": "refusals90d", "operator": "greaterThanInclusive", "value": 1, "points": -3 }
 */
const SIGNAL_OPERATORS = [
  "equal",
  "notEqual",
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
  "in",
  "notIn",
] as const satisfies readonly OperatorName[];

const Scalar = z.union([z.number(), z.string(), z.boolean()]);

const SignalSchema = z.strictObject({
  fact: z.string().min(1),
  operator: z.enum(SIGNAL_OPERATORS),
  value: z.union([Scalar, z.array(Scalar).min(1)]),
  /** Points added when the condition holds (negative = against). */
  points: z.int().min(-1000).max(1000),
  /** Short explanation shown by `explainSegment`. */
  label: z.string().optional(),
});

const AxisSchema = z.strictObject({
  description: z.string().optional(),
  /** Each signal that holds adds its points to the axis total. */
  signals: z.array(SignalSchema).min(1),
  /** The borrower is able (ability axis) / willing (willingness axis) when the total is ≥ this. */
  threshold: z.number(),
});

const SegmentTestSchema = z.strictObject({
  name: z.string().min(1),
  facts: z.record(z.string(), z.union([z.number(), z.boolean(), z.string(), z.null()])),
  expect: z.strictObject({ segment: z.enum(SEGMENTS) }),
});

/**
 * JSON form of a segmentation (`rules/scorecards/segments.json`; shape only, {@link loadSegmentation}
 * adds the fact checks): two axes of signals with
 * thresholds. Able & willing → `self_cure`; unable & willing → `hardship`; able & unwilling →
 * `escalate`; unable & unwilling → `settlement_review`.
 *
 * @example
 * SegmentationSchema.safeParse(json).success;
 */
export const SegmentationSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lowercase id like "segments"'),
  version: z.string().min(1),
  description: z.string().min(1),
  ability: AxisSchema,
  willingness: AxisSchema,
  tests: z.array(SegmentTestSchema).default([]),
});
type SegmentationJson = z.infer<typeof SegmentationSchema>;

interface CompiledSignal {
  readonly fact: string;
  /** The signal's condition, compiled by the conditions layer. */
  readonly test: Predicate;
  readonly points: number;
  readonly label: string;
}

/** A validated segmentation: pass it to {@link segmentOf}. */
export interface Segmentation {
  readonly id: string;
  readonly version: string;
  readonly ability: { readonly signals: readonly CompiledSignal[]; readonly threshold: number };
  readonly willingness: { readonly signals: readonly CompiledSignal[]; readonly threshold: number };
  readonly source: SegmentationJson;
}

/** What {@link explainSegment} returns. */
export interface SegmentExplanation {
  segment: Segment;
  able: boolean;
  willing: boolean;
  ability: {
    points: number;
    threshold: number;
    signals: { fact: string; value: unknown; points: number; label: string }[];
  };
  willingness: {
    points: number;
    threshold: number;
    signals: { fact: string; value: unknown; points: number; label: string }[];
  };
}

const NEVER: Predicate = () => false;
const compiled = sharedRegistry("scoring.segmentations/v1", () => new WeakSet<object>());
const cache = new WeakMap<object, Segmentation>();

/**
 * Validates segmentation JSON and compiles its signals. Each signal's `{fact, operator, value}`
 * is checked and compiled like a policy rule's condition (same messages: facts in the catalogue,
 * numeric operators on numeric facts with a number, `in`/`notIn` with a list, closed string
 * values), and `segment` itself may not be read.
 *
 * @throws {ArrearsError} code `INVALID_SCORECARD` with the JSON path of each problem.
 *
 * @example
 * import segmentsJson from "arrears/rules/scorecards/segments.json" with { type: "json" };
 * const seg = loadSegmentation(segmentsJson);
 */
export function loadSegmentation(json: unknown): Segmentation {
  if (typeof json === "object" && json !== null && compiled.has(json)) return json as Segmentation;
  const r = readInput("INVALID_SCORECARD", "segmentation", () => SegmentationSchema.safeParse(json));
  if (!r.success) throw new ArrearsError("INVALID_SCORECARD", issuesFromZod(r.error, json), "segmentation");
  const s = r.data;
  const issues: ArrearsIssue[] = [];
  const validator = new ConditionValidator();
  const axis = (name: "ability" | "willingness") => {
    const signals = s[name].signals.map((sig, i): CompiledSignal => {
      const at: (string | number)[] = [name, "signals", i];
      let test = NEVER;
      if (sig.fact === "segment")
        issues.push({
          path: [...at, "fact"],
          message: "a segmentation cannot read the segment it computes",
          received: sig.fact,
        });
      else {
        const seen = validator.issues.length;
        const node = validator.condition({ fact: sig.fact, operator: sig.operator, value: sig.value }, at);
        issues.push(...validator.issues.slice(seen));
        if (node) test = compilePredicate(node);
      }
      return {
        fact: sig.fact,
        test,
        points: sig.points,
        label: sig.label ?? `${sig.fact} ${sig.operator} ${JSON.stringify(sig.value)}`,
      };
    });
    return Object.freeze({ signals: Object.freeze(signals), threshold: s[name].threshold });
  };
  const ability = axis("ability");
  const willingness = axis("willingness");
  s.tests.forEach((t, i) => {
    for (const name of Object.keys(t.facts))
      if (!FACT_NAMES.has(name))
        issues.push({ path: ["tests", i, "facts", name], message: unknownMessage("fact", name, FACT_NAMES) });
  });
  if (issues.length > 0) throw new ArrearsError("INVALID_SCORECARD", issues, `segmentation ${JSON.stringify(s.id)}`);
  const out: Segmentation = Object.freeze({ id: s.id, version: s.version, ability, willingness, source: s });
  compiled.add(out);
  return out;
}

function compiledSegmentation(seg: unknown): Segmentation {
  if (typeof seg === "object" && seg !== null) {
    if (compiled.has(seg)) return seg as Segmentation;
    const hit = cache.get(seg);
    if (hit) return hit;
    const c = loadSegmentation(seg);
    cache.set(seg, c);
    return c;
  }
  return loadSegmentation(seg);
}

function total(
  signals: readonly CompiledSignal[],
  facts: Facts,
  hits?: SegmentExplanation["ability"]["signals"],
): number {
  let sum = 0;
  for (let i = 0; i < signals.length; i++) {
    const s = signals[i]!;
    if (s.test(facts)) {
      sum += s.points;
      hits?.push({ fact: s.fact, value: facts[s.fact] ?? null, points: s.points, label: s.label });
    }
  }
  return sum;
}

function segmentFor(able: boolean, willing: boolean): Segment {
  return able ? (willing ? "self_cure" : "escalate") : willing ? "hardship" : "settlement_review";
}

/**
 * Can-pay / will-pay segment of a facts record: `self_cure` (can & will), `hardship` (can't &
 * will), `escalate` (can & won't) or `settlement_review` (can't & won't). Each axis sums the
 * points of its signals that hold and compares the sum with the axis threshold. Run it after
 * scoring when signals read `hardshipScore` or `riskProbability` (see {@link applyScores}).
 * Signals hold as a policy condition would: a null or missing fact fails `equal`, `in` and the
 * numeric operators but satisfies `notEqual` and `notIn` (see {@link SIGNAL_OPERATORS}).
 *
 * @example
 * segmentOf(segments, { hardshipScore: 70, promisesKept90d: 1, refusals90d: 0, ... }); // "hardship"
 */
export function segmentOf(segmentation: Segmentation | unknown, facts: Facts): Segment {
  const s = compiledSegmentation(segmentation);
  checkFacts(facts, s);
  return readInput("INVALID_INPUT", `segmentation ${JSON.stringify(s.id)}`, () => {
    const able = total(s.ability.signals, facts) >= s.ability.threshold;
    const willing = total(s.willingness.signals, facts) >= s.willingness.threshold;
    return segmentFor(able, willing);
  });
}

function checkFacts(facts: unknown, s: Segmentation): void {
  if (typeof facts !== "object" || facts === null)
    throw new ArrearsError(
      "INVALID_INPUT",
      [{ path: [], message: "expected a facts record", received: facts }],
      `segmentation ${JSON.stringify(s.id)}`,
    );
}

/**
 * Like {@link segmentOf}, with the points of each axis and the signals that held.
 *
 * @example
 * explainSegment(segments, facts).willingness.signals; // [{ fact: "refusals90d", value: 2, points: -3, label: "refused to pay" }]
 */
export function explainSegment(segmentation: Segmentation | unknown, facts: Facts): SegmentExplanation {
  const s = compiledSegmentation(segmentation);
  checkFacts(facts, s);
  const a: SegmentExplanation["ability"]["signals"] = [];
  const w: SegmentExplanation["willingness"]["signals"] = [];
  const [ap, wp] = readInput("INVALID_INPUT", `segmentation ${JSON.stringify(s.id)}`, () => [
    total(s.ability.signals, facts, a),
    total(s.willingness.signals, facts, w),
  ]);
  const able = ap >= s.ability.threshold;
  const willing = wp >= s.willingness.threshold;
  return {
    segment: segmentFor(able, willing),
    able,
    willing,
    ability: { points: ap, threshold: s.ability.threshold, signals: a },
    willingness: { points: wp, threshold: s.willingness.threshold, signals: w },
  };
}
