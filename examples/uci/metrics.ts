/** Validation metrics for a score where a higher `risk` means more likely to default. */

/** ROC AUC by Mann–Whitney (ties count ½). */
export function rocAuc(risk: readonly number[], bad: readonly boolean[]): number {
  const idx = risk.map((_, i) => i).sort((a, b) => risk[a]! - risk[b]!);
  let rankSumBad = 0;
  let nBad = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j < idx.length && risk[idx[j]!] === risk[idx[i]!]) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++)
      if (bad[idx[k]!]) {
        rankSumBad += avgRank;
        nBad++;
      }
    i = j;
  }
  const nGood = risk.length - nBad;
  return (rankSumBad - (nBad * (nBad + 1)) / 2) / (nBad * nGood);
}

/** Kolmogorov–Smirnov: max gap between the cumulative bad and good distributions over the score. */
export function ks(risk: readonly number[], bad: readonly boolean[]): number {
  const idx = risk.map((_, i) => i).sort((a, b) => risk[b]! - risk[a]!);
  const nBad = bad.filter(Boolean).length;
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

export interface CalibrationRow {
  decile: number;
  count: number;
  predicted: number;
  observed: number;
  minScore: number;
  maxScore: number;
}

/** Deciles by predicted probability (1 = lowest risk), mean predicted vs observed default rate. */
export function calibration(
  pred: readonly number[],
  bad: readonly boolean[],
  scores: readonly number[],
): CalibrationRow[] {
  const idx = pred.map((_, i) => i).sort((a, b) => pred[a]! - pred[b]! || a - b);
  const rows: CalibrationRow[] = [];
  for (let d = 0; d < 10; d++) {
    const part = idx.slice(Math.floor((d * idx.length) / 10), Math.floor(((d + 1) * idx.length) / 10));
    const p = part.reduce((s, i) => s + pred[i]!, 0) / part.length;
    const o = part.filter((i) => bad[i]).length / part.length;
    const sc = part.map((i) => scores[i]!);
    rows.push({
      decile: d + 1,
      count: part.length,
      predicted: p,
      observed: o,
      minScore: Math.min(...sc),
      maxScore: Math.max(...sc),
    });
  }
  return rows;
}
