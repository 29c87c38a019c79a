/**
 * Discrimination and calibration of a score: ROC AUC, KS, Gini and a table by decile of the
 * predicted probability. Every function takes the predicted probability of the unfavourable
 * outcome (higher = riskier) and the observed outcomes (1 = unfavourable).
 */

/** One decile of a calibration table (decile 1 = the lowest predicted probabilities). */
export interface CalibrationRow {
  decile: number;
  count: number;
  /** Lowest and highest score in the decile. */
  minScore: number;
  maxScore: number;
  /** Mean predicted probability of the unfavourable outcome. */
  predicted: number;
  /** Observed rate of the unfavourable outcome. */
  observed: number;
}

/** How well a score separates and calibrates, on one set of rows. */
export interface Performance {
  rows: number;
  /** Rows with the unfavourable outcome. */
  bads: number;
  badRate: number;
  /** Mean predicted probability (calibration in the large: compare with `badRate`). */
  meanPredicted: number;
  /** ROC AUC (Mann–Whitney; ties count ½). */
  auc: number;
  /** Kolmogorov–Smirnov: the largest gap between the cumulative bad and good distributions. */
  ks: number;
  /** 2 · AUC − 1. */
  gini: number;
  /** Mean squared error of the predicted probability. */
  brier: number;
  /** Ten rows by predicted probability; ties at a decile edge fall by row order. */
  calibration: CalibrationRow[];
  /** True when the observed rate never falls from one decile to the next. */
  calibrationMonotone: boolean;
}

/** Row indices sorted by `key` ascending, ties by index (a stable, deterministic order). */
function order(key: Float64Array): Uint32Array {
  const idx = new Uint32Array(key.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((a, b) => key[a]! - key[b]! || a - b);
}

/** ROC AUC of `risk` (higher = riskier) against `bad` (1 = bad), ties counting ½. */
function rocAuc(risk: Float64Array, bad: Uint8Array): number {
  const idx = order(risk);
  let rankSum = 0;
  let nBad = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j < idx.length && risk[idx[j]!] === risk[idx[i]!]) j++;
    const avg = (i + 1 + j) / 2;
    for (let k = i; k < j; k++)
      if (bad[idx[k]!]) {
        rankSum += avg;
        nBad++;
      }
    i = j;
  }
  const nGood = idx.length - nBad;
  return (rankSum - (nBad * (nBad + 1)) / 2) / (nBad * nGood);
}

/** Kolmogorov–Smirnov statistic of `risk` between bads and goods. */
function ksStatistic(risk: Float64Array, bad: Uint8Array): number {
  const idx = order(risk);
  let nBad = 0;
  for (const b of bad) nBad += b;
  const nGood = bad.length - nBad;
  let cb = 0;
  let cg = 0;
  let best = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j < idx.length && risk[idx[j]!] === risk[idx[i]!]) {
      if (bad[idx[j]!]) cb++;
      else cg++;
      j++;
    }
    best = Math.max(best, Math.abs(cb / nBad - cg / nGood));
    i = j;
  }
  return best;
}

/**
 * Discrimination and calibration of predicted probabilities `p` (of the unfavourable outcome)
 * against outcomes `bad`, with the `score` of each row for the decile ranges. Needs both
 * outcomes among the rows (the caller checks).
 */
export function performance(p: Float64Array, bad: Uint8Array, score: Float64Array): Performance {
  const n = p.length;
  let bads = 0;
  let sumP = 0;
  let brier = 0;
  for (let i = 0; i < n; i++) {
    bads += bad[i]!;
    sumP += p[i]!;
    brier += (p[i]! - bad[i]!) ** 2;
  }
  const idx = order(p);
  const calibration: CalibrationRow[] = [];
  for (let d = 0; d < 10; d++) {
    const from = Math.floor((d * n) / 10);
    const to = Math.floor(((d + 1) * n) / 10);
    if (to <= from) continue;
    let sp = 0;
    let sb = 0;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let k = from; k < to; k++) {
      const i = idx[k]!;
      sp += p[i]!;
      sb += bad[i]!;
      lo = Math.min(lo, score[i]!);
      hi = Math.max(hi, score[i]!);
    }
    const count = to - from;
    calibration.push({ decile: d + 1, count, minScore: lo, maxScore: hi, predicted: sp / count, observed: sb / count });
  }
  const auc = rocAuc(p, bad);
  return {
    rows: n,
    bads,
    badRate: bads / n,
    meanPredicted: sumP / n,
    auc,
    ks: ksStatistic(p, bad),
    gini: 2 * auc - 1,
    brier: brier / n,
    calibration,
    calibrationMonotone: calibration.every((c, k) => k === 0 || c.observed >= calibration[k - 1]!.observed),
  };
}
