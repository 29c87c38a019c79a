import { z } from "zod";
import { ArrearsError, type ArrearsIssue, issuesFromZod } from "../errors/index.js";
import { FACT_NAMES, FACTS, type FactDefinition, type Facts } from "../facts/catalog.js";
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
 * Operators of segmentation signals: json-rules-engine's names and meaning, except that a null
 * or absent fact matches nothing (json-rules-engine would compare `null < 5` as true).
 *
 * @example
 * { "fact": "refusals90d", "operator": "greaterThanInclusive", "value": 1, "points": -3 }
 */
export const SIGNAL_OPERATORS = [
  "equal",
  "notEqual",
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
  "in",
  "notIn",
] as const;

const Scalar = z.union([z.number(), z.string(), z.boolean()]);

export const SignalSchema = z.strictObject({
  fact: z.string().min(1),
  operator: z.enum(SIGNAL_OPERATORS),
  value: z.union([Scalar, z.array(Scalar).min(1)]),
  /** Points added when the condition holds (negative = against). */
  points: z.int().min(-1000).max(1000),
  /** Short explanation shown by `explainSegment`. */
  label: z.string().optional(),
});

export const AxisSchema = z.strictObject({
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
export type SegmentationJson = z.infer<typeof SegmentationSchema>;

interface CompiledSignal {
  readonly fact: string;
  readonly test: (v: number | string | boolean) => boolean;
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

const FACT_BY_NAME: ReadonlyMap<string, FactDefinition> = new Map(FACTS.map((d) => [d.name, d]));
const compiled = new WeakSet<object>();
const cache = new WeakMap<object, Segmentation>();

function makeTest(op: (typeof SIGNAL_OPERATORS)[number], value: unknown): (v: number | string | boolean) => boolean {
  switch (op) {
    case "equal":
      return (v) => v === value;
    case "notEqual":
      return (v) => v !== value;
    case "lessThan":
      return (v) => typeof v === "number" && v < (value as number);
    case "lessThanInclusive":
      return (v) => typeof v === "number" && v <= (value as number);
    case "greaterThan":
      return (v) => typeof v === "number" && v > (value as number);
    case "greaterThanInclusive":
      return (v) => typeof v === "number" && v >= (value as number);
    case "in": {
      const s = new Set(value as unknown[]);
      return (v) => s.has(v);
    }
    case "notIn": {
      const s = new Set(value as unknown[]);
      return (v) => !s.has(v);
    }
  }
}

/**
 * Validates segmentation JSON and compiles its signals. Facts must be in the catalogue,
 * numeric operators need a numeric fact and a number, `in`/`notIn` need a list, and
 * `segment` itself may not be read.
 *
 * @throws {ArrearsError} code `INVALID_SCORECARD` with the JSON path of each problem.
 *
 * @example
 * import segmentsJson from "arrears/rules/scorecards/segments.json" with { type: "json" };
 * const seg = loadSegmentation(segmentsJson);
 */
export function loadSegmentation(json: unknown): Segmentation {
  if (typeof json === "object" && json !== null && compiled.has(json)) return json as Segmentation;
  const r = SegmentationSchema.safeParse(json);
  if (!r.success) throw new ArrearsError("INVALID_SCORECARD", issuesFromZod(r.error, json), "segmentation");
  const s = r.data;
  const issues: ArrearsIssue[] = [];
  const axis = (name: "ability" | "willingness") => {
    const signals = s[name].signals.map((sig, i): CompiledSignal => {
      const at = (...p: (string | number)[]) => [name, "signals", i, ...p];
      const def = FACT_BY_NAME.get(sig.fact);
      const list = Array.isArray(sig.value);
      if (!def || !FACT_NAMES.has(sig.fact))
        issues.push({ path: at("fact"), message: unknownMessage("fact", sig.fact, FACT_NAMES), received: sig.fact });
      else if (sig.fact === "segment")
        issues.push({
          path: at("fact"),
          message: "a segmentation cannot read the segment it computes",
          received: sig.fact,
        });
      else {
        const numericOp = sig.operator.startsWith("less") || sig.operator.startsWith("greater");
        if (numericOp && (def.type !== "number" || typeof sig.value !== "number"))
          issues.push({
            path: at("value"),
            message: `${sig.operator} needs a numeric fact and a number value ("${sig.fact}" is a ${def.type})`,
            received: sig.value,
          });
        else if ((sig.operator === "in" || sig.operator === "notIn") !== list)
          issues.push({
            path: at("value"),
            message: list ? `${sig.operator} takes a single value` : `${sig.operator} takes a list of values`,
            received: sig.value,
          });
        else
          for (const v of list ? (sig.value as unknown[]) : [sig.value])
            if (typeof v !== def.type)
              issues.push({ path: at("value"), message: `fact "${sig.fact}" is a ${def.type}`, received: v });
            else if (def.values && typeof v === "string" && !def.values.includes(v))
              issues.push({
                path: at("value"),
                message: unknownMessage(`value of "${sig.fact}"`, v, def.values),
                received: v,
              });
      }
      return {
        fact: sig.fact,
        test: makeTest(sig.operator, sig.value),
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
    const v = facts[s.fact];
    if (v === null || v === undefined) continue;
    if (s.test(v)) {
      sum += s.points;
      hits?.push({ fact: s.fact, value: v, points: s.points, label: s.label });
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
 *
 * @example
 * segmentOf(segments, { hardshipScore: 70, promisesKept90d: 1, refusals90d: 0, ... }); // "hardship"
 */
export function segmentOf(segmentation: Segmentation | unknown, facts: Facts): Segment {
  const s = compiledSegmentation(segmentation);
  const able = total(s.ability.signals, facts) >= s.ability.threshold;
  const willing = total(s.willingness.signals, facts) >= s.willingness.threshold;
  return segmentFor(able, willing);
}

/**
 * Like {@link segmentOf}, with the points of each axis and the signals that held.
 *
 * @example
 * explainSegment(segments, facts).willingness.signals; // [{ fact: "refusals90d", value: 2, points: -3, label: "refused to pay" }]
 */
export function explainSegment(segmentation: Segmentation | unknown, facts: Facts): SegmentExplanation {
  const s = compiledSegmentation(segmentation);
  const a: SegmentExplanation["ability"]["signals"] = [];
  const w: SegmentExplanation["willingness"]["signals"] = [];
  const ap = total(s.ability.signals, facts, a);
  const wp = total(s.willingness.signals, facts, w);
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
