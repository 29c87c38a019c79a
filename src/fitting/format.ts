/** Plain-text renderings of the fitting, evaluation, calibration and stability reports. @internal */
import type { CalibrationReport } from "./calibrate.js";
import type { EvaluationReport } from "./evaluate.js";
import type { FitReport } from "./fit.js";
import type { Performance } from "./metrics.js";
import type { StabilityReport, StabilityRow } from "./stability.js";

/**
 * Columns two spaces apart: left-aligned where `align` has an `l` (default: the first column
 * only), right-aligned elsewhere.
 */
export function table(head: readonly string[], rows: readonly (readonly string[])[], align = "l"): string[] {
  const width = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, j) => ((align[j] ?? "r") === "l" ? c.padEnd(width[j]!) : c.padStart(width[j]!)))
      .join("  ")
      .trimEnd();
  return [line(head), ...rows.map(line)];
}

export const pct = (x: number, digits = 1): string => `${(100 * x).toFixed(digits)}%`;
const num = (x: number, digits = 4): string => x.toFixed(digits);

function performanceLines(p: Performance): string[] {
  return [
    `rows ${p.rows}, bad ${p.bads} (${pct(p.badRate)}), mean predicted ${pct(p.meanPredicted)}`,
    `AUC ${num(p.auc)}  KS ${num(p.ks)}  Gini ${num(p.gini)}  Brier ${num(p.brier)}`,
    `calibration by decile of predicted probability (1 = safest): ${p.calibrationMonotone ? "monotone" : "NOT monotone"}`,
    ...table(
      ["decile", "rows", "scores", "predicted", "observed"],
      p.calibration.map((c) => [
        String(c.decile),
        String(c.count),
        `${c.minScore}–${c.maxScore}`,
        pct(c.predicted),
        pct(c.observed),
      ]),
    ).map((l) => `  ${l}`),
  ];
}

export function formatFit(r: FitReport): string[] {
  const used = r.characteristics.filter((c) => c.status === "used");
  const s = r.scaling;
  return [
    `fit ${r.card.id}@${r.card.version}: ${used.length} of ${r.characteristics.length} characteristics, target ${r.target}`,
    `scaling: ${s.baseScore} points at odds ${s.baseOdds}:1, ${s.pointsToDoubleOdds} points to double the odds`,
    `model: intercept ${num(r.model.intercept)}, ridge ${r.model.ridge}, ${r.model.iterations} iterations${r.model.converged ? "" : " (NOT converged)"}`,
    ...table(
      ["characteristic", "IV", "coefficient", "bins", "trend", "status"],
      r.characteristics.map((c) => [
        c.name,
        num(c.iv),
        c.coefficient === null ? "-" : num(c.coefficient),
        String(c.bins.filter((b) => b.count > 0).length),
        c.type === "categorical" ? "by bad rate" : c.trend,
        c.status === "used" ? "used" : c.status === "low_iv" ? "left out: IV below minIv" : "left out: coefficient ≤ 0",
      ]),
      "lrrrll",
    ),
    "on the fitting rows:",
    ...performanceLines(r.performance),
  ];
}

export function formatEvaluation(r: EvaluationReport): string[] {
  return [`evaluation of ${r.card.id}@${r.card.version}`, ...performanceLines(r)];
}

export function formatCalibration(r: CalibrationReport): string[] {
  return [
    `calibration of ${r.from.id}@${r.from.version} → ${r.card.id}@${r.card.version} (${r.method})`,
    `new log-odds = ${num(r.intercept)} + ${num(r.slope)} × old log-odds${r.testsDropped > 0 ? `; ${r.testsDropped} embedded test(s) left out` : ""}`,
    "before:",
    ...performanceLines(r.before).map((l) => `  ${l}`),
    "after:",
    ...performanceLines(r.after).map((l) => `  ${l}`),
  ];
}

const stabilityTable = (rows: readonly StabilityRow[]) =>
  table(
    ["", "baseline", "current", "contribution"],
    rows.map((b) => [b.label, pct(b.baselineShare), pct(b.currentShare), num(b.contribution)]),
  ).map((l) => `  ${l}`);

export function formatStability(r: StabilityReport): string[] {
  const t = r.thresholds;
  return [
    `stability of ${r.card.id}@${r.card.version}: ${r.status.toUpperCase()} (stable < ${t.watch} ≤ watch ≤ ${t.shift} < shift)`,
    `rows: baseline ${r.rows.baseline}, current ${r.rows.current}; mean score ${r.score.meanScore.baseline.toFixed(1)} → ${r.score.meanScore.current.toFixed(1)}`,
    `score PSI ${num(r.score.psi)} (${r.score.status})`,
    ...stabilityTable(r.score.bands),
    "characteristics (CSI):",
    ...table(
      ["", "CSI", "status", "mean points"],
      r.characteristics.map((c) => [
        c.name,
        num(c.csi),
        c.status,
        `${c.meanPoints.baseline.toFixed(1)} → ${c.meanPoints.current.toFixed(1)}`,
      ]),
    ).map((l) => `  ${l}`),
    ...r.characteristics
      .filter((c) => c.status !== "stable")
      .flatMap((c) => [`${c.name} (${c.status}):`, ...stabilityTable(c.bins)]),
  ];
}
