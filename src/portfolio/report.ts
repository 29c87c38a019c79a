import * as z from "zod";
import { ArrearsError, issuesFromZod, ownField, readInput } from "../errors/index.js";
import {
  type CalibrationReport,
  type EvaluationReport,
  type FitReport,
  formatCalibration,
  formatEvaluation,
  formatFit,
  formatStability,
  pct,
  type StabilityReport,
  table,
} from "../fitting/index.js";
import {
  CalibrationReportShape,
  EvaluationReportShape,
  FitReportShape,
  Num,
  StabilityReportShape,
  Text,
} from "../fitting/report-schema.js";
import type { ExperimentResults, RateComparison } from "./results.js";

const RateShape = z
  .looseObject({
    control: Num,
    variant: Num,
    difference: Num,
    interval: z.tuple([Num, Num]),
    pValue: Num,
    significant: z.boolean(),
  })
  .nullable();
const ExperimentShape = z.looseObject({
  experiment: Text,
  control: Text,
  confidence: Num,
  currency: Text,
  variants: z
    .array(
      z.looseObject({
        variant: Text,
        accounts: Num,
        cureRate: Num,
        rollForwardRate: Num,
        collected: Text,
        collectedPerAccount: Text,
      }),
    )
    .max(1000),
  comparisons: z
    .array(
      z.looseObject({
        variant: Text,
        against: Text,
        cure: RateShape,
        rollForward: RateShape,
        collectedPerAccount: z
          .looseObject({
            control: Text,
            variant: Text,
            difference: Text,
            interval: z.tuple([Text, Text]),
            t: Num,
            pValue: Num,
            significant: z.boolean(),
          })
          .nullable(),
      }),
    )
    .max(1000),
});

/** Each kind: the shape it must have and how it is rendered. */
const KINDS: Record<string, { shape: z.ZodType; format: (r: never) => string[] }> = {
  fit: { shape: FitReportShape, format: formatFit },
  evaluation: { shape: EvaluationReportShape, format: formatEvaluation },
  calibration: { shape: CalibrationReportShape, format: formatCalibration },
  stability: { shape: StabilityReportShape, format: formatStability },
  experiment: { shape: ExperimentShape, format: formatExperiment },
};

/** Any report `formatReport` renders (each has a `kind`). */
export type Report = FitReport | EvaluationReport | CalibrationReport | StabilityReport | ExperimentResults;

const p = (x: number) => (x < 0.0001 ? "< 0.0001" : x.toFixed(4));
const signed = (x: number, digits = 1) => `${x >= 0 ? "+" : "−"}${(100 * Math.abs(x)).toFixed(digits)}`;

function rate(name: string, r: RateComparison | null): string {
  if (!r) return `  ${name}: not compared (a variant has no accounts)`;
  const [lo, hi] = r.interval;
  return `  ${name}: ${pct(r.control)} → ${pct(r.variant)}, lift ${signed(r.difference)} points (${signed(lo)} to ${signed(hi)}), p ${p(r.pValue)}${r.significant ? " significant" : ""}`;
}

function formatExperiment(r: ExperimentResults): string[] {
  return [
    `experiment ${r.experiment}: control ${r.control}, ${Math.round(r.confidence * 100)}% intervals, amounts in ${r.currency}`,
    ...table(
      ["variant", "accounts", "cured", "rolled forward", "collected", "per account"],
      r.variants.map((v) => [
        v.variant,
        String(v.accounts),
        pct(v.cureRate),
        pct(v.rollForwardRate),
        v.collected,
        v.collectedPerAccount,
      ]),
    ),
    ...r.comparisons.flatMap((c) => {
      const a = c.collectedPerAccount;
      return [
        `${c.variant} vs ${c.against}:`,
        rate("cure rate", c.cure),
        rate("roll-forward rate", c.rollForward),
        a
          ? `  collected per account: ${a.control} → ${a.variant}, difference ${a.difference} (${a.interval[0]} to ${a.interval[1]}), Welch t ${a.t.toFixed(2)}, p ${p(a.pValue)}${a.significant ? " significant" : ""}`
          : "  collected per account: not compared (fewer than 2 accounts in a variant)",
      ];
    }),
  ];
}

/**
 * A readable plain-text rendering of any report of the fitting and experiment functions
 * (`fitScorecard`'s report, `evaluateScorecard`, `calibrateScorecard`'s report,
 * `scorecardStability`, `experimentResults`): tables with aligned columns, one string with
 * line breaks.
 *
 * @throws {ArrearsError} `INVALID_INPUT` for anything that is not such a report.
 *
 * @example
 * console.log(formatReport(scorecardStability(card, baseline, current)));
 * // stability of my-risk@1.0.0: STABLE (stable < 0.1 ≤ watch ≤ 0.25 < shift) …
 */
export function formatReport(report: Report): string {
  const kind = ownField(report, "kind");
  const k = typeof kind === "string" && Object.hasOwn(KINDS, kind) ? KINDS[kind]! : null;
  if (!k)
    throw new ArrearsError(
      "INVALID_INPUT",
      [
        {
          path: ["kind"],
          message: 'expected a report: kind "fit", "evaluation", "calibration", "stability" or "experiment"',
          received: kind,
        },
      ],
      "formatReport",
    );
  const r = readInput("INVALID_INPUT", "formatReport", () => k.shape.safeParse(report));
  if (!r.success) throw new ArrearsError("INVALID_INPUT", issuesFromZod(r.error, report), "formatReport");
  // The parsed copy holds plain data of the checked types: rendering it cannot fail.
  const lines = k.format(r.data as never);
  return lines.join("\n");
}
