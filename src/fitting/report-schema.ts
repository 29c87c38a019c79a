/**
 * The shapes `formatReport` reads, as zod schemas: a report that is not one (edited, truncated,
 * from another version) fails with the path of what is wrong, never a TypeError. Loose objects:
 * only the fields the formatter reads are checked. @internal
 */
import * as z from "zod";

/** A number (an infinity allowed: a t statistic can be one), never NaN. */
export const Num = z.custom<number>((v) => typeof v === "number" && !Number.isNaN(v), { message: "expected a number" });
export const Text = z.string().max(10_000);
const Card = z.looseObject({ id: Text, version: Text });

const PerformanceShape = z.looseObject({
  rows: Num,
  bads: Num,
  badRate: Num,
  meanPredicted: Num,
  auc: Num,
  ks: Num,
  gini: Num,
  brier: Num,
  calibrationMonotone: z.boolean(),
  calibration: z
    .array(z.looseObject({ decile: Num, count: Num, minScore: Num, maxScore: Num, predicted: Num, observed: Num }))
    .max(1000),
});

export const FitReportShape = z.looseObject({
  card: Card,
  target: Text,
  scaling: z.looseObject({ baseScore: Num, baseOdds: Num, pointsToDoubleOdds: Num }),
  model: z.looseObject({ intercept: Num, ridge: Num, iterations: Num, converged: z.boolean() }),
  characteristics: z
    .array(
      z.looseObject({
        name: Text,
        type: z.enum(["numeric", "categorical"]),
        trend: Text,
        iv: Num,
        status: z.enum(["used", "low_iv", "reversed"]),
        coefficient: Num.nullable(),
        bins: z.array(z.looseObject({ count: Num })).max(1000),
      }),
    )
    .max(1000),
  performance: PerformanceShape,
});

export const EvaluationReportShape = PerformanceShape.extend({ card: Card });

export const CalibrationReportShape = z.looseObject({
  card: Card,
  from: Card,
  method: Text,
  intercept: Num,
  slope: Num,
  testsDropped: Num,
  before: PerformanceShape,
  after: PerformanceShape,
});

const StabilityRows = z
  .array(z.looseObject({ label: Text, baselineShare: Num, currentShare: Num, contribution: Num }))
  .max(1000);
const Status = z.enum(["stable", "watch", "shift"]);
const Means = z.looseObject({ baseline: Num, current: Num });

export const StabilityReportShape = z.looseObject({
  card: Card,
  thresholds: z.looseObject({ watch: Num, shift: Num }),
  rows: Means,
  status: Status,
  score: z.looseObject({ psi: Num, status: Status, meanScore: Means, bands: StabilityRows }),
  characteristics: z
    .array(z.looseObject({ name: Text, csi: Num, status: Status, meanPoints: Means, bins: StabilityRows }))
    .max(1000),
});
