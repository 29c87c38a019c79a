import * as z from "zod";
import { readInput } from "../errors/index.js";
import { parseOptions } from "../errors/options.js";
import { compiledScorecard } from "../scoring/scorecard.js";
import { Issues, scoreRows } from "./rows.js";

const StabilityOptionsSchema = z
  .strictObject({
    /** Score bands for the PSI: cut at the baseline's quantiles (fewer when scores tie). */
    bands: z.int().min(2).max(100).default(10),
    /** Index at or above `watch` is worth watching, above `shift` a shift. */
    thresholds: z
      .strictObject({ watch: z.number().positive().max(10), shift: z.number().positive().max(10) })
      .refine((t) => t.watch < t.shift, { message: "watch must be below shift", path: ["shift"] })
      .default({ watch: 0.1, shift: 0.25 }),
  })
  .default({ bands: 10, thresholds: { watch: 0.1, shift: 0.25 } });

/** Options of {@link scorecardStability}. */
export type StabilityOptions = z.input<typeof StabilityOptionsSchema>;

/** `stable` below the watch threshold, `watch` up to the shift threshold, `shift` above it. */
export type StabilityStatus = "stable" | "watch" | "shift";

/** One score band or bin: how many of each population fall in it, and its part of the index. */
export interface StabilityRow {
  label: string;
  baseline: number;
  current: number;
  baselineShare: number;
  currentShare: number;
  /** `(current% − baseline%) · ln(current% / baseline%)` (shares floored at 0.0001 in the log). */
  contribution: number;
}

/** A characteristic's stability (CSI): its bins' distribution, baseline against current. */
export interface CharacteristicStability {
  name: string;
  fact: string;
  csi: number;
  status: StabilityStatus;
  /** Mean points of the characteristic in each population (what the shift costs or gives). */
  meanPoints: { baseline: number; current: number };
  bins: StabilityRow[];
}

/** What {@link scorecardStability} returns. */
export interface StabilityReport {
  kind: "stability";
  card: { id: string; version: string };
  thresholds: { watch: number; shift: number };
  rows: { baseline: number; current: number };
  /** Population stability index of the score, and its bands. */
  score: {
    psi: number;
    status: StabilityStatus;
    meanScore: { baseline: number; current: number };
    bands: StabilityRow[];
  };
  characteristics: CharacteristicStability[];
  /** The worst status of the score and the characteristics. */
  status: StabilityStatus;
}

const FLOOR = 1e-4;

function rowsOf(labels: readonly string[], base: readonly number[], cur: readonly number[], nb: number, nc: number) {
  let index = 0;
  const rows = labels.map((label, k): StabilityRow => {
    const b = base[k]! / nb;
    const c = cur[k]! / nc;
    const contribution = b === c ? 0 : (c - b) * Math.log(Math.max(c, FLOOR) / Math.max(b, FLOOR));
    index += contribution;
    return { label, baseline: base[k]!, current: cur[k]!, baselineShare: b, currentShare: c, contribution };
  });
  return { rows, index };
}

/**
 * Population stability of a scorecard between a baseline population (e.g. the rows it was
 * fitted on) and a current one: the PSI of the score over bands cut at the baseline's quantiles,
 * and the CSI of each characteristic over the card's own bins, each `Σ (current% − baseline%) ·
 * ln(current% / baseline%)`. The usual reading: below 0.10 stable, 0.10–0.25 watch, above 0.25
 * a shift (the population is no longer the one the card was built on: recalibrate or refit).
 * Identical distributions give exactly 0. Format it with `formatReport`.
 *
 * @param baseline Facts records (what `score` reads); outcomes are not needed.
 * @param current Facts records of the population now.
 * @throws {ArrearsError} `INVALID_SCORECARD`; `INVALID_OPTIONS`; `INVALID_INPUT` for an empty
 * population or a fact of the wrong type (path `baseline[3].dpd` or `current[3].dpd`).
 *
 * @example
 * const r = scorecardStability(card, fittedOn, lastMonth);
 * r.score.psi;    // 0.04
 * r.status;       // "stable"
 * console.log(formatReport(r));
 */
export function scorecardStability(
  card: unknown,
  baseline: readonly Readonly<Record<string, unknown>>[] | unknown,
  current: readonly Readonly<Record<string, unknown>>[] | unknown,
  options?: StabilityOptions,
): StabilityReport {
  const o = parseOptions(StabilityOptionsSchema, options, "scorecardStability");
  const c = compiledScorecard(card);
  return readInput("INVALID_INPUT", "scorecardStability", () => {
    const issues = new Issues("INVALID_INPUT", "scorecardStability");
    for (const [name, list] of [
      ["baseline", baseline],
      ["current", current],
    ] as const) {
      if (!Array.isArray(list))
        issues.add({ path: [name], message: "expected an array of facts records", received: list });
      else if (list.length === 0) issues.add({ path: [name], message: "expected at least one row" });
      else
        list.forEach((row, i) => {
          if (typeof row !== "object" || row === null || Array.isArray(row))
            issues.add({ path: [name, i], message: "expected a facts record", received: row });
        });
    }
    issues.throwIfAny();
    const b = scoreRows(c, baseline as object[], "scorecardStability", "baseline");
    const k = scoreRows(c, current as object[], "scorecardStability", "current");
    const nb = b.length;
    const nc = k.length;
    const status = (x: number): StabilityStatus =>
      x < o.thresholds.watch ? "stable" : x <= o.thresholds.shift ? "watch" : "shift";

    // Score bands: edges at the baseline's quantiles, distinct, above its minimum.
    const sorted = Float64Array.from(b, (r) => r.score).sort();
    const edges: number[] = [];
    for (let q = 1; q < o.bands; q++) {
      const e = sorted[Math.floor((q * nb) / o.bands)]!;
      if (e > sorted[0]! && (edges.length === 0 || e > edges[edges.length - 1]!)) edges.push(e);
    }
    const bandOf = (s: number) => {
      let j = 0;
      while (j < edges.length && s >= edges[j]!) j++;
      return j;
    };
    const labels = Array.from({ length: edges.length + 1 }, (_, j) =>
      j === 0
        ? edges.length === 0
          ? "all"
          : `< ${edges[0]}`
        : j === edges.length
          ? `≥ ${edges[j - 1]}`
          : `[${edges[j - 1]}, ${edges[j]})`,
    );
    const count = (rs: readonly { score: number }[]) => {
      const out = new Array<number>(labels.length).fill(0);
      for (const r of rs) out[bandOf(r.score)]!++;
      return out;
    };
    const bands = rowsOf(labels, count(b), count(k), nb, nc);
    const mean = (rs: readonly { score: number }[]) => rs.reduce((s, r) => s + r.score, 0) / rs.length;

    const characteristics = c.characteristics.map((ch, j): CharacteristicStability => {
      const binLabels = [...ch.labels, ...(ch.other ? [ch.other.label] : []), ch.missing.label];
      const distinct = [...new Set(binLabels)];
      const at = new Map(distinct.map((l, i) => [l, i]));
      const tally = (rs: readonly { points: { bin: string; points: number }[] }[]) => {
        const out = new Array<number>(distinct.length).fill(0);
        let pts = 0;
        for (const r of rs) {
          const p = r.points[j]!;
          out[at.get(p.bin)!]!++;
          pts += p.points;
        }
        return { out, mean: pts / rs.length };
      };
      const tb = tally(b);
      const tc = tally(k);
      const r = rowsOf(distinct, tb.out, tc.out, nb, nc);
      return {
        name: ch.name,
        fact: ch.fact,
        csi: r.index,
        status: status(r.index),
        meanPoints: { baseline: tb.mean, current: tc.mean },
        bins: r.rows,
      };
    });
    const order: StabilityStatus[] = ["stable", "watch", "shift"];
    const worst = [status(bands.index), ...characteristics.map((x) => x.status)].reduce((a, s) =>
      order.indexOf(s) > order.indexOf(a) ? s : a,
    );
    return {
      kind: "stability",
      card: { id: c.id, version: c.version },
      thresholds: { ...o.thresholds },
      rows: { baseline: nb, current: nc },
      score: {
        psi: bands.index,
        status: status(bands.index),
        meanScore: { baseline: mean(b), current: mean(k) },
        bands: bands.rows,
      },
      characteristics,
      status: worst,
    };
  });
}
