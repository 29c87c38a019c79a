import * as z from "zod";

const Points = z.int().min(-100_000).max(100_000);
const Label = z.string().min(1).max(80);

/** A numeric bin: the half-open range `[min, max)`. The first bin has no `min`, the last no `max`. */
const NumericBinSchema = z.strictObject({
  label: Label.optional(),
  /** Inclusive lower bound; omitted on the first bin (open below). */
  min: z.number().optional(),
  /** Exclusive upper bound; omitted on the last bin (open above). */
  max: z.number().optional(),
  points: Points,
});

/** A categorical bin: the listed values (strings or booleans). */
const CategoryBinSchema = z.strictObject({
  label: Label.optional(),
  values: z.array(z.union([z.string(), z.boolean()])).min(1),
  points: Points,
});

/** The `missing` bin (fact `null` or absent) and the `other` bin (any unlisted category). */
const PointsBinSchema = z.strictObject({ label: Label.optional(), points: Points });

const CharacteristicBase = {
  /** Unique name, shown in `points` and `reasons`. */
  name: z.string().min(1).max(60),
  /** A fact from the catalogue (`FACT_NAMES`) or one of the card's `ownFacts`. */
  fact: z.string().min(1),
  description: z.string().optional(),
  /** Adverse-action style reason code, e.g. `R01_DELINQ_DEPTH`. */
  reasonCode: z.string().min(1).max(40),
  /** Text shown when this characteristic is among the reasons. */
  reasonText: z.string().min(1),
  missing: PointsBinSchema,
};

const NumericCharacteristicSchema = z.strictObject({
  ...CharacteristicBase,
  type: z.literal("numeric"),
  bins: z.array(NumericBinSchema).min(1).max(50),
});

const CategoricalCharacteristicSchema = z.strictObject({
  ...CharacteristicBase,
  type: z.literal("categorical"),
  bins: z.array(CategoryBinSchema).min(1).max(50),
  /** Points for a value no bin lists; required unless the bins list every value of a closed set. */
  other: PointsBinSchema.optional(),
});

/**
 * One characteristic: a fact, its bins and their points, the `missing` bin, and the reason code.
 *
 * @example
 * CharacteristicSchema.parse({ name: "depth", fact: "dpd", type: "numeric", reasonCode: "R01",
 *   reasonText: "Past due now", bins: [{ max: 1, points: 20 }, { min: 1, points: -40 }], missing: { points: 0 } });
 */
export const CharacteristicSchema = z.discriminatedUnion("type", [
  NumericCharacteristicSchema,
  CategoricalCharacteristicSchema,
]);

/**
 * A fact the card reads that is not in the catalogue (a bureau attribute, a feature of the
 * lender's own): the caller supplies it in the facts record given to `score`. A card that reads
 * one scores anywhere `score` runs, but not inside `decide` (deriveFacts does not compute it).
 */
const OwnFactSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z_$][\w$]*$/, 'expected an identifier like "latestStatus"')
    .max(60),
  type: z.enum(["number", "boolean", "string"]),
  description: z.string().min(1).optional(),
  /** The closed set of a string fact's values (bins may list only these). */
  values: z.array(z.string().min(1)).min(1).max(200).optional(),
});

const FactValue = z.union([z.number(), z.boolean(), z.string(), z.null()]);

/** One embedded test: facts in, expectations out. */
const ScorecardTestSchema = z.strictObject({
  name: z.string().min(1),
  facts: z.record(z.string(), FactValue),
  expect: z.strictObject({
    score: z.number().optional(),
    scoreMin: z.number().optional(),
    scoreMax: z.number().optional(),
    probability: z.number().nullable().optional(),
    probabilityMin: z.number().optional(),
    probabilityMax: z.number().optional(),
    /** Leading reason codes, in order (the actual list may be longer). */
    reasons: z.array(z.string()).optional(),
    /** Exactly these reason codes, in order. */
    reasonsExact: z.array(z.string()).optional(),
    /** Points expected for some characteristics, by name. */
    points: z.record(z.string(), z.number()).optional(),
  }),
});

/**
 * JSON form of a points scorecard (`rules/scorecards/*.json`): the shape only; use
 * {@link loadScorecard} for the full checks (catalogued facts, bins that tile the line).
 *
 * @example
 * const r = ScorecardSchema.safeParse(json); // r.success, r.data.characteristics …
 */
export const ScorecardSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lowercase id like "risk-behavioral"'),
  version: z.string().min(1),
  description: z.string().min(1),
  /** `better`: a higher score is more favourable (risk cards); `worse`: higher = more of the bad thing (hardship). */
  higherIs: z.enum(["better", "worse"]).default("better"),
  /** Points every account starts with. */
  basePoints: Points.default(0),
  /** Clamp the score into this range (e.g. 0–100). */
  range: z.strictObject({ min: z.number(), max: z.number() }).optional(),
  /**
   * Score → probability of the unfavourable outcome: the odds against it are `baseOdds` at
   * `baseScore` and double every `pointsToDoubleOdds` points in the favourable direction.
   * Without `odds`, `probability` is null.
   */
  odds: z
    .strictObject({
      baseScore: z.number(),
      baseOdds: z.number().positive(),
      pointsToDoubleOdds: z.number().positive(),
      /** What the probability is the probability of, e.g. "default next month". */
      event: z.string().optional(),
    })
    .optional(),
  /** Facts the card reads beyond the catalogue, supplied by the caller (see `fitScorecard`). */
  ownFacts: z.array(OwnFactSchema).max(100).optional(),
  /** How many reason codes to return at most. */
  maxReasons: z.int().min(0).max(50).default(4),
  characteristics: z.array(CharacteristicSchema).min(1).max(100),
  tests: z.array(ScorecardTestSchema).max(1_000).default([]),
  /** Free-form provenance (how bins and points were designed). */
  meta: z.record(z.string(), z.unknown()).optional(),
});

/** A scorecard as parsed from JSON (defaults filled in). */
export type ScorecardJson = z.infer<typeof ScorecardSchema>;
/** What a scorecard file may contain before defaults. */
export type ScorecardInput = z.input<typeof ScorecardSchema>;
export type OwnFact = z.infer<typeof OwnFactSchema>;
export type ScorecardTest = z.infer<typeof ScorecardTestSchema>;
export type Characteristic = z.infer<typeof CharacteristicSchema>;
