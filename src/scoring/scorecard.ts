import { ArrearsError, type ArrearsIssue, issuesFromZod, ownField, readInput } from "../errors/index.js";
import { FACT_NAMES, FACTS, type FactDefinition } from "../facts/catalog.js";
import { sharedRegistry } from "../util/shared.js";
import { type ScorecardJson, ScorecardSchema } from "./schema.js";
import { unknownMessage } from "./suggest.js";

const FACT_BY_NAME: ReadonlyMap<string, FactDefinition> = new Map(FACTS.map((d) => [d.name, d]));

/** One characteristic compiled for the hot path (internal layout, read-only). */
interface CompiledCharacteristic {
  readonly name: string;
  readonly fact: string;
  readonly numeric: boolean;
  /** Numeric: lower bounds of bins 1..n-1 (bin i covers [edges[i-1], edges[i])). */
  readonly edges: Float64Array;
  readonly points: Int32Array;
  readonly labels: readonly string[];
  /** Categorical: value → bin index. */
  readonly categories: ReadonlyMap<string | boolean, number>;
  /** Categorical: points/label of `other`, or null when every value of a closed set is listed. */
  readonly other: { points: number; label: string } | null;
  readonly missing: { points: number; label: string };
  /** Points of the most favourable bin (max for `higherIs: better`, min for `worse`). */
  readonly best: number;
  readonly reasonCode: string;
  readonly reasonText: string;
}

/** A validated, compiled scorecard: pass it to {@link score}. */
export interface Scorecard {
  readonly id: string;
  readonly version: string;
  readonly description: string;
  readonly higherIs: "better" | "worse";
  readonly basePoints: number;
  readonly range: { readonly min: number; readonly max: number } | null;
  readonly odds: {
    readonly baseScore: number;
    readonly baseOdds: number;
    readonly pointsToDoubleOdds: number;
    readonly event?: string | undefined;
  } | null;
  readonly maxReasons: number;
  readonly characteristics: readonly CompiledCharacteristic[];
  /** The parsed JSON (defaults filled in), including its embedded `tests`. */
  readonly source: ScorecardJson;
  /** Names of the card's `ownFacts` (facts beyond the catalogue that the caller supplies). */
  readonly ownFacts: readonly string[];
  /** Lowest and highest score the card can produce (after clamping). */
  readonly minScore: number;
  readonly maxScore: number;
}

const compiled = sharedRegistry("scoring.scorecards/v1", () => new WeakSet<object>());
const cache = new WeakMap<object, Scorecard>();

/**
 * True if `value` was returned by {@link loadScorecard}.
 *
 * @example
 * isScorecard(loadScorecard(json)); // true
 * isScorecard(json);                // false
 */
export function isScorecard(value: unknown): value is Scorecard {
  return typeof value === "object" && value !== null && compiled.has(value);
}

function numericLabel(min: number | undefined, max: number | undefined): string {
  if (min === undefined && max === undefined) return "any";
  if (min === undefined) return `< ${max}`;
  if (max === undefined) return `≥ ${min}`;
  return `[${min}, ${max})`;
}

/**
 * Validates scorecard JSON (see `rules/scorecards/`) and compiles it for fast scoring.
 * Checks beyond the shape: every characteristic reads a catalogued fact of the right type,
 * numeric bins are half-open ranges that tile the real line (first open below, last open
 * above, no gap, no overlap), categories are known values listed once, and `other` exists
 * unless the bins list every value of a closed set.
 *
 * Compiling once and reusing the result is the fast path; {@link score} also accepts the raw
 * JSON and caches its compiled form per object (do not mutate it afterwards).
 *
 * @throws {ArrearsError} code `INVALID_SCORECARD`, each issue with its JSON path, e.g.
 * `characteristics[2].fact: unknown fact "dpdd" (did you mean "dpd"?)`.
 *
 * @example
 * import riskJson from "arrears/rules/scorecards/risk-behavioral.json" with { type: "json" };
 * const risk = loadScorecard(riskJson);
 * score(risk, facts).probability; // 0.1234
 */
export function loadScorecard(json: unknown): Scorecard {
  if (isScorecard(json)) return json;
  const where = scorecardName(json);
  const r = readInput("INVALID_SCORECARD", where, () => ScorecardSchema.safeParse(json));
  if (!r.success) throw new ArrearsError("INVALID_SCORECARD", issuesFromZod(r.error, json), where);
  const card = r.data;
  const issues: ArrearsIssue[] = [];
  const worse = card.higherIs === "worse";
  const chars: CompiledCharacteristic[] = [];
  const names = new Map<string, number>();
  let lo = card.basePoints;
  let hi = card.basePoints;
  // The catalogue plus the card's own facts (which may not shadow a catalogued one).
  const own = new Map<string, FactDefinition>();
  (card.ownFacts ?? []).forEach((f, i) => {
    if (FACT_BY_NAME.has(f.name))
      issues.push({
        path: ["ownFacts", i, "name"],
        message: "already a fact of the catalogue: read it from there (remove it from ownFacts)",
        received: f.name,
      });
    else if (f.name in Object.prototype)
      issues.push({
        path: ["ownFacts", i, "name"],
        message: "a reserved name (a property of every object)",
        received: f.name,
      });
    else if (own.has(f.name))
      issues.push({ path: ["ownFacts", i, "name"], message: "declared twice", received: f.name });
    else {
      if (f.values && f.type !== "string")
        issues.push({ path: ["ownFacts", i, "values"], message: "only a string fact has a closed set of values" });
      own.set(f.name, {
        name: f.name,
        type: f.type,
        nullable: true,
        description: f.description ?? "",
        ...(f.values && f.type === "string" ? { values: f.values } : {}),
      });
    }
  });
  const factDef = (name: string): FactDefinition | undefined => FACT_BY_NAME.get(name) ?? own.get(name);
  const known = (): string[] => [...FACT_NAMES, ...own.keys()];

  card.characteristics.forEach((ch, i) => {
    const at = (...p: (string | number)[]) => ["characteristics", i, ...p];
    const prev = names.get(ch.name);
    if (prev !== undefined)
      issues.push({
        path: at("name"),
        message: `duplicate characteristic name (also characteristics[${prev}])`,
        received: ch.name,
      });
    else names.set(ch.name, i);
    const def = factDef(ch.fact);
    if (!def)
      issues.push({
        path: at("fact"),
        message: `${unknownMessage("fact", ch.fact, known())}; a fact of your own must be declared in ownFacts`,
        received: ch.fact,
      });
    else if (ch.type === "numeric" && def.type !== "number")
      issues.push({
        path: at("type"),
        message: `fact "${ch.fact}" is a ${def.type}: use "categorical" bins`,
        received: ch.type,
      });
    else if (ch.type === "categorical" && def.type === "number")
      issues.push({
        path: at("type"),
        message: `fact "${ch.fact}" is a number: use "numeric" bins`,
        received: ch.type,
      });

    const points = ch.bins.map((b) => b.points);
    const labels: string[] = [];
    let edges = new Float64Array(0);
    const categories = new Map<string | boolean, number>();
    let other: { points: number; label: string } | null = null;

    if (ch.type === "numeric") {
      const n = ch.bins.length;
      edges = new Float64Array(Math.max(0, n - 1));
      ch.bins.forEach((b, j) => {
        labels.push(b.label ?? numericLabel(b.min, b.max));
        if (j === 0 && b.min !== undefined)
          issues.push({
            path: at("bins", j, "min"),
            message: "the first bin must be open below (omit min)",
            received: b.min,
          });
        if (j === n - 1 && b.max !== undefined)
          issues.push({
            path: at("bins", j, "max"),
            message: "the last bin must be open above (omit max)",
            received: b.max,
          });
        if (j > 0 && b.min === undefined)
          issues.push({ path: at("bins", j, "min"), message: "required: only the first bin is open below" });
        if (j < n - 1 && b.max === undefined)
          issues.push({ path: at("bins", j, "max"), message: "required: only the last bin is open above" });
        if (b.min !== undefined && b.max !== undefined && !(b.min < b.max))
          issues.push({
            path: at("bins", j, "max"),
            message: `must be greater than min ${b.min} (bins are [min, max))`,
            received: b.max,
          });
        if (j > 0) {
          const before = ch.bins[j - 1]!;
          if (before.max !== undefined && b.min !== undefined && before.max !== b.min) {
            const kind = b.min > before.max ? "gap" : "overlap";
            issues.push({
              path: at("bins", j, "min"),
              message: `${kind}: the previous bin ends at ${before.max} (exclusive), so this one must start at ${before.max}`,
              received: b.min,
            });
          }
          edges[j - 1] = b.min ?? NaN;
        }
      });
    } else {
      const closedValues: readonly (string | boolean)[] | undefined =
        def?.type === "boolean" ? [true, false] : def?.values;
      ch.bins.forEach((b, j) => {
        labels.push(b.label ?? b.values.map(String).join(" | "));
        b.values.forEach((v, k) => {
          const p = at("bins", j, "values", k);
          if (def && def.type === "boolean" && typeof v !== "boolean")
            issues.push({ path: p, message: `fact "${ch.fact}" is a boolean: expected true or false`, received: v });
          else if (def && def.type === "string" && typeof v !== "string")
            issues.push({ path: p, message: `fact "${ch.fact}" is a string: expected a string value`, received: v });
          else if (def?.values && typeof v === "string" && !def.values.includes(v))
            issues.push({ path: p, message: unknownMessage(`value of "${ch.fact}"`, v, def.values), received: v });
          const seen = categories.get(v);
          if (seen !== undefined)
            issues.push({ path: p, message: `value listed twice (also in bins[${seen}])`, received: v });
          else categories.set(v, j);
        });
      });
      const covered = closedValues?.every((v) => categories.has(v));
      if (ch.other) other = { points: ch.other.points, label: ch.other.label ?? "other" };
      else if (!covered)
        issues.push({ path: at("other"), message: "required: the bins do not list every possible value" });
      if (other) points.push(other.points);
    }
    const all = [...points, ch.missing.points];
    const min = Math.min(...all);
    const max = Math.max(...all);
    lo += min;
    hi += max;
    chars.push({
      name: ch.name,
      fact: ch.fact,
      numeric: ch.type === "numeric",
      edges,
      points: Int32Array.from(ch.bins.map((b) => b.points)),
      labels,
      categories,
      other,
      missing: { points: ch.missing.points, label: ch.missing.label ?? "missing" },
      best: worse ? min : max,
      reasonCode: ch.reasonCode,
      reasonText: ch.reasonText,
    });
  });

  if (card.range && !(card.range.min < card.range.max))
    issues.push({
      path: ["range", "max"],
      message: `must be greater than range.min ${card.range.min}`,
      received: card.range.max,
    });
  card.tests.forEach((t, i) => {
    for (const name of Object.keys(t.facts))
      if (!factDef(name))
        issues.push({ path: ["tests", i, "facts", name], message: unknownMessage("fact", name, known()) });
    for (const name of Object.keys(t.expect.points ?? {}))
      if (!names.has(name))
        issues.push({
          path: ["tests", i, "expect", "points", name],
          message: unknownMessage("characteristic", name, names.keys()),
        });
  });
  if (issues.length > 0) throw new ArrearsError("INVALID_SCORECARD", issues, where);

  const range = card.range ? Object.freeze({ ...card.range }) : null;
  const clamp = (s: number) => (range ? Math.min(range.max, Math.max(range.min, s)) : s);
  const out: Scorecard = Object.freeze({
    id: card.id,
    version: card.version,
    description: card.description,
    higherIs: card.higherIs,
    basePoints: card.basePoints,
    range,
    odds: card.odds ? Object.freeze({ ...card.odds }) : null,
    maxReasons: card.maxReasons,
    characteristics: Object.freeze(chars.map((c) => Object.freeze(c))),
    source: card,
    ownFacts: Object.freeze([...own.keys()]),
    minScore: clamp(lo),
    maxScore: clamp(hi),
  });
  compiled.add(out);
  return out;
}

function scorecardName(json: unknown): string {
  const id = ownField(json, "id");
  return typeof id === "string" && id.length <= 80 ? `scorecard ${JSON.stringify(id)}` : "scorecard";
}

/** Compiled form of `card`, compiling raw JSON once per object. */
export function compiledScorecard(card: unknown): Scorecard {
  if (isScorecard(card)) return card;
  if (typeof card === "object" && card !== null) {
    const hit = cache.get(card);
    if (hit) return hit;
    const c = loadScorecard(card);
    cache.set(card, c);
    return c;
  }
  return loadScorecard(card);
}
