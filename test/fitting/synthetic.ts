/** Seeded synthetic credit data for the fitting tests: known effects, some missing values. */

/** mulberry32: the same seed, the same numbers on every platform. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticRow {
  [fact: string]: number | string | boolean | null;
  dpd: number;
  utilization: number | null;
  paymentsCount90d: number;
  hardshipKind: string | null;
  defaulted: boolean;
}

/**
 * `n` rows: the default log-odds rise with dpd and utilization, fall with payments; hardship
 * kinds differ; utilization is missing for about 8 % (and those are riskier). `shift` moves
 * the whole population's log-odds (a market with more defaults).
 */
export function synthetic(n: number, seed = 7, shift = 0): SyntheticRow[] {
  const r = rng(seed);
  const kinds = ["medical", "unemployment", "income_drop", "other"];
  const kindEffect = [0.6, 0.9, 0.3, 0];
  return Array.from({ length: n }, () => {
    const dpd = r() < 0.6 ? 0 : Math.floor(r() * 120);
    const util = r() < 0.08 ? null : Math.round(r() * 1.3 * 1000) / 1000;
    const pays = Math.floor(r() * 4);
    const k = r() < 0.7 ? -1 : Math.floor(r() * 4);
    const eta =
      -2.2 + shift + dpd / 40 + (util === null ? 1.6 : 1.2 * util) - 0.45 * pays + (k >= 0 ? kindEffect[k]! : 0);
    return {
      dpd,
      utilization: util,
      paymentsCount90d: pays,
      hardshipKind: k >= 0 ? kinds[k]! : null,
      defaulted: r() < 1 / (1 + Math.exp(-eta)),
    };
  });
}
