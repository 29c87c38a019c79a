/** Weight-of-evidence binning and a small logistic regression, for designing scorecards. */
import type { Facts } from "../../src/facts/index.js";

export interface NumericSpec {
  name: string;
  fact: string;
  /** Interior cut points: bins (-∞, c0), [c0, c1) … [cn, ∞). */
  cuts: number[];
}

export interface BinStat {
  good: number;
  bad: number;
  woe: number;
}

/** Bin index of a value: 0 … cuts.length, or -1 for missing. */
export function binOf(spec: NumericSpec, v: unknown): number {
  if (v === null || v === undefined) return -1;
  if (typeof v === "boolean") v = v ? 1 : 0;
  let j = 0;
  while (j < spec.cuts.length && (v as number) >= spec.cuts[j]!) j++;
  return j;
}

/** WoE = ln(%good / %bad) per bin (higher = safer); index cuts.length + 1 holds the missing bin. */
export function woeTable(spec: NumericSpec, facts: readonly Facts[], bad: readonly boolean[]): BinStat[] {
  const n = spec.cuts.length + 2;
  const stats = Array.from({ length: n }, () => ({ good: 0, bad: 0, woe: 0 }));
  const totalBad = bad.filter(Boolean).length;
  const totalGood = bad.length - totalBad;
  facts.forEach((f, i) => {
    const b = binOf(spec, f[spec.fact]);
    const s = stats[b < 0 ? n - 1 : b]!;
    if (bad[i]) s.bad++;
    else s.good++;
  });
  for (const s of stats) {
    // +0.5 smoothing; empty bins get WoE 0 (neutral).
    s.woe = s.good + s.bad === 0 ? 0 : Math.log((s.good + 0.5) / totalGood / ((s.bad + 0.5) / totalBad));
  }
  return stats;
}

/** Logistic regression of P(good) on x by Newton–Raphson with a small ridge; returns [intercept, ...betas]. */
export function logistic(x: readonly number[][], good: readonly boolean[], ridge = 1e-3, iterations = 25): number[] {
  const k = x[0]!.length + 1;
  const beta = new Array(k).fill(0);
  for (let it = 0; it < iterations; it++) {
    const g = new Array(k).fill(0);
    const H = Array.from({ length: k }, () => new Array(k).fill(0));
    for (let i = 0; i < x.length; i++) {
      const row = [1, ...x[i]!];
      let z = 0;
      for (let a = 0; a < k; a++) z += beta[a] * row[a]!;
      const p = 1 / (1 + Math.exp(-z));
      const y = good[i] ? 1 : 0;
      const w = p * (1 - p);
      for (let a = 0; a < k; a++) {
        g[a] += (y - p) * row[a]!;
        for (let b = 0; b < k; b++) H[a]![b] += w * row[a]! * row[b]!;
      }
    }
    for (let a = 1; a < k; a++) {
      g[a] -= ridge * beta[a];
      H[a]![a] += ridge;
    }
    const step = solve(H, g);
    let max = 0;
    for (let a = 0; a < k; a++) {
      beta[a] += step[a]!;
      max = Math.max(max, Math.abs(step[a]!));
    }
    if (max < 1e-9) break;
  }
  return beta;
}

function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((r, i) => r[n]! / r[i]!);
}
