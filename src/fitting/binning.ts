/**
 * Binning for scorecards: fine equal-frequency bins, merged into coarse bins that follow a
 * monotonic trend of the bad rate (pool-adjacent-violators), hold at least a minimum count, and
 * number at most `maxBins` (the adjacent pair losing the least information value merges first).
 * Categories are ordered by bad rate and merged the same way. Missing values keep their own bin.
 */

/** Goods and bads in one bin. */
export interface Counts {
  good: number;
  bad: number;
}

/**
 * Weight of evidence `ln((good / totalGood) / (bad / totalBad))`: above 0 where goods are
 * over-represented. A bin with no goods or no bads gets ½ added to both of its counts (so its
 * WoE stays finite); an empty bin has WoE 0.
 */
export function weightOfEvidence(c: Counts, totalGood: number, totalBad: number): number {
  if (c.good + c.bad === 0) return 0;
  const adjust = c.good === 0 || c.bad === 0 ? 0.5 : 0;
  return Math.log((c.good + adjust) / totalGood / ((c.bad + adjust) / totalBad));
}

/** The bin's part of the information value: `(good% − bad%) · WoE`. */
export function informationValue(c: Counts, totalGood: number, totalBad: number): number {
  return (c.good / totalGood - c.bad / totalBad) * weightOfEvidence(c, totalGood, totalBad);
}

/** Direction of the bad rate as the value grows. */
export type Trend = "ascending" | "descending" | "none";

export interface MergeOptions {
  /** Smallest count a bin may hold (missing excepted). */
  minCount: number;
  maxBins: number;
  totalGood: number;
  totalBad: number;
}

/** A run of adjacent fine bins (numeric: distinct values `from..to`; categorical: categories). */
interface Block extends Counts {
  from: number;
  to: number;
}

const rate = (b: Counts): number => b.bad / (b.good + b.bad);
const join = (a: Block, b: Block): Block => ({ from: a.from, to: b.to, good: a.good + b.good, bad: a.bad + b.bad });

/** Pool adjacent violators: merges neighbours until the bad rate strictly rises (or falls). */
function pool(blocks: readonly Block[], trend: "ascending" | "descending"): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    out.push(b);
    while (out.length >= 2) {
      const last = out[out.length - 1]!;
      const prev = out[out.length - 2]!;
      const bad = trend === "ascending" ? rate(prev) >= rate(last) : rate(prev) <= rate(last);
      if (!bad) break;
      out.splice(out.length - 2, 2, join(prev, last));
    }
  }
  return out;
}

/** Merges bins below `minCount`, then the pairs losing the least IV until at most `maxBins`. */
function coarsen(blocks: Block[], o: MergeOptions): Block[] {
  const iv = (b: Counts) => informationValue(b, o.totalGood, o.totalBad);
  let out = blocks.slice();
  for (;;) {
    if (out.length <= 1) break;
    let small = -1;
    for (let i = 0; i < out.length; i++) {
      const c = out[i]!.good + out[i]!.bad;
      if (c < o.minCount && (small < 0 || c < out[small]!.good + out[small]!.bad)) small = i;
    }
    if (small < 0) break;
    const s = out[small]!;
    let with_: number;
    if (small === 0) with_ = 1;
    else if (small === out.length - 1) with_ = small - 1;
    else {
      const left = Math.abs(rate(out[small - 1]!) - rate(s));
      const right = Math.abs(rate(out[small + 1]!) - rate(s));
      with_ = right < left ? small + 1 : small - 1;
    }
    const at = Math.min(small, with_);
    out.splice(at, 2, join(out[at]!, out[at + 1]!));
  }
  while (out.length > o.maxBins) {
    let best = 0;
    let loss = Number.POSITIVE_INFINITY;
    for (let i = 0; i + 1 < out.length; i++) {
      const l = iv(out[i]!) + iv(out[i + 1]!) - iv(join(out[i]!, out[i + 1]!));
      if (l < loss) {
        loss = l;
        best = i;
      }
    }
    out = [...out.slice(0, best), join(out[best]!, out[best + 1]!), ...out.slice(best + 2)];
  }
  return out;
}

/** The simplest number `c` with `lo < c ≤ hi` (fewest significant digits): a readable cut point. */
export function niceCut(lo: number, hi: number): number {
  const span = hi - lo;
  if (!(span > 0)) return hi;
  if (!Number.isFinite(span)) return lo < 0 && hi >= 0 ? 0 : hi; // neighbours at the ends of the doubles
  for (let e = Math.ceil(Math.log10(Math.max(Math.abs(lo), Math.abs(hi), span))) + 1; e >= -15; e--) {
    const step = 10 ** e;
    const c = Number(((Math.floor(lo / step) + 1) * step).toPrecision(15));
    if (c > lo && c <= hi) return c;
  }
  return hi;
}

/** A numeric bin `[min, max)`; the first has no `min`, the last no `max`. */
interface NumericBin extends Counts {
  min?: number;
  max?: number;
}

export interface NumericBinning {
  bins: NumericBin[];
  missing: Counts;
  /** The trend the bins follow ("none" when unconstrained or fixed cuts). */
  trend: Trend;
}

export interface NumericBinOptions {
  fineBins: number;
  trend: Trend | "auto";
  /** Fixed interior cut points: no search. */
  cuts?: readonly number[];
}

/**
 * Bins numeric values (`null` = missing) against outcomes (`bad[i]` 1 = bad). The caller has
 * checked that every value is finite and that at least one is present.
 */
export function binNumeric(
  values: readonly (number | null)[],
  bad: Uint8Array,
  options: NumericBinOptions,
  merge: MergeOptions,
): NumericBinning {
  const missing: Counts = { good: 0, bad: 0 };
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null) {
      if (bad[i]) missing.bad++;
      else missing.good++;
    } else present.push(i);
  }
  present.sort((a, b) => values[a]! - values[b]! || a - b);

  if (options.cuts) {
    const cuts = options.cuts;
    const bins: NumericBin[] = Array.from({ length: cuts.length + 1 }, (_, j) => ({
      ...(j > 0 ? { min: cuts[j - 1]! } : {}),
      ...(j < cuts.length ? { max: cuts[j]! } : {}),
      good: 0,
      bad: 0,
    }));
    let j = 0;
    for (const i of present) {
      while (j < cuts.length && values[i]! >= cuts[j]!) j++;
      if (bad[i]) bins[j]!.bad++;
      else bins[j]!.good++;
    }
    return { bins, missing, trend: "none" };
  }

  // Distinct values with their counts.
  const distinct: number[] = [];
  const counts: Counts[] = [];
  for (const i of present) {
    const v = values[i]!;
    if (distinct.length === 0 || distinct[distinct.length - 1] !== v) {
      distinct.push(v);
      counts.push({ good: 0, bad: 0 });
    }
    const c = counts[counts.length - 1]!;
    if (bad[i]) c.bad++;
    else c.good++;
  }
  // Fine bins: about equal counts, never splitting a value.
  const fine: Block[] = [];
  const m = present.length;
  let open: Block | null = null;
  let seen = 0;
  for (let d = 0; d < distinct.length; d++) {
    const c = counts[d]!;
    if (!open) fine.push((open = { from: d, to: d, good: 0, bad: 0 }));
    open.to = d;
    open.good += c.good;
    open.bad += c.bad;
    seen += c.good + c.bad;
    if (seen * options.fineBins >= fine.length * m) open = null;
  }

  const ivOf = (bs: readonly Block[]) =>
    bs.reduce((s, b) => s + informationValue(b, merge.totalGood, merge.totalBad), 0);
  let blocks: Block[];
  let trend: Trend;
  if (options.trend === "none") {
    blocks = coarsen(fine, merge);
    trend = "none";
  } else if (options.trend === "auto") {
    const up = coarsen(pool(fine, "ascending"), merge);
    const down = coarsen(pool(fine, "descending"), merge);
    [blocks, trend] = ivOf(down) > ivOf(up) ? [down, "descending"] : [up, "ascending"];
  } else {
    blocks = coarsen(pool(fine, options.trend), merge);
    trend = options.trend;
  }
  const bins: NumericBin[] = blocks.map((b, j) => ({
    ...(j > 0 ? { min: niceCut(distinct[blocks[j - 1]!.to]!, distinct[b.from]!) } : {}),
    ...(j < blocks.length - 1 ? { max: niceCut(distinct[b.to]!, distinct[blocks[j + 1]!.from]!) } : {}),
    good: b.good,
    bad: b.bad,
  }));
  return { bins, missing, trend: blocks.length > 1 ? trend : "none" };
}

/** A categorical bin: the values it lists. */
interface CategoryBin extends Counts {
  values: (string | boolean)[];
}

export interface CategoricalBinning {
  bins: CategoryBin[];
  missing: Counts;
}

const categoryKey = (v: string | boolean): string => (typeof v === "boolean" ? `b:${v}` : `s:${v}`);

/** Bins categories (`null` = missing): ordered by bad rate, then merged like numeric bins. */
export function binCategorical(
  values: readonly (string | boolean | null)[],
  bad: Uint8Array,
  merge: MergeOptions,
): CategoricalBinning {
  const missing: Counts = { good: 0, bad: 0 };
  const byKey = new Map<string, { value: string | boolean; good: number; bad: number }>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === null) {
      if (bad[i]) missing.bad++;
      else missing.good++;
      continue;
    }
    const key = categoryKey(v);
    let c = byKey.get(key);
    if (!c) byKey.set(key, (c = { value: v, good: 0, bad: 0 }));
    if (bad[i]) c.bad++;
    else c.good++;
  }
  const cats = [...byKey.entries()]
    .sort(([ka, a], [kb, b]) => rate(a) - rate(b) || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .map(([, c]) => c);
  const blocks = coarsen(
    cats.map((c, i) => ({ from: i, to: i, good: c.good, bad: c.bad })),
    merge,
  );
  return {
    bins: blocks.map((b) => ({ values: cats.slice(b.from, b.to + 1).map((c) => c.value), good: b.good, bad: b.bad })),
    missing,
  };
}
