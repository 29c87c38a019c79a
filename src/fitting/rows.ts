/** Reading the caller's rows: objects of fact values plus a binary outcome. @internal */
import { ArrearsError, type ArrearsIssue, MAX_ISSUES } from "../errors/index.js";
import { type ScoreResult, score } from "../scoring/score.js";
import type { Scorecard } from "../scoring/scorecard.js";

/** One row: fact values by name, plus the outcome field. */
export type FitRow = Readonly<Record<string, unknown>>;

/** An own data property of a row (a key up the prototype chain is missing, never `toString`). */
export function rowValue(row: object, key: string): unknown {
  return Object.hasOwn(row, key) ? (row as Record<string, unknown>)[key] : undefined;
}

/** Collects issues and throws once (at most MAX_ISSUES kept). */
export class Issues {
  readonly list: ArrearsIssue[] = [];
  constructor(
    private readonly code: "INVALID_INPUT" | "INVALID_OPTIONS",
    private readonly context: string,
  ) {}
  add(issue: ArrearsIssue): void {
    if (this.list.length < MAX_ISSUES) this.list.push(issue);
  }
  get full(): boolean {
    return this.list.length >= MAX_ISSUES;
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new ArrearsError(this.code, this.list, this.context);
  }
}

/**
 * The rows as a list of objects and their outcomes (`bad[i]` 1 = the unfavourable outcome:
 * `true` or 1 in the `target` field). Needs at least one row of each outcome.
 *
 * @throws {ArrearsError} `INVALID_INPUT` with paths like `rows[3].defaulted`.
 */
export function readRows(rows: unknown, target: string, context: string): { rows: object[]; bad: Uint8Array } {
  const issues = new Issues("INVALID_INPUT", context);
  if (!Array.isArray(rows)) {
    issues.add({ path: ["rows"], message: "expected an array of rows (objects of fact values)", received: rows });
    issues.throwIfAny();
  }
  const list = rows as unknown[];
  if (list.length === 0) issues.add({ path: ["rows"], message: "expected at least one row" });
  const bad = new Uint8Array(list.length);
  const out: object[] = new Array(list.length);
  let bads = 0;
  for (let i = 0; i < list.length && !issues.full; i++) {
    const row = list[i];
    if (typeof row !== "object" || row === null || Array.isArray(row)) {
      issues.add({ path: ["rows", i], message: "expected an object of fact values", received: row });
      continue;
    }
    out[i] = row;
    const y = rowValue(row, target);
    if (y === true || y === 1) bad[i] = 1;
    else if (y !== false && y !== 0)
      issues.add({
        path: ["rows", i, target],
        message:
          y === undefined || y === null
            ? "required: the outcome (true or 1 = the unfavourable outcome, false or 0 = not)"
            : "expected true or false (or 1 or 0)",
        ...(y === undefined ? {} : { received: y }),
      });
    bads += bad[i]!;
  }
  issues.throwIfAny();
  if (bads === 0 || bads === list.length)
    issues.add({
      path: ["rows"],
      message: `every row has ${JSON.stringify(target)} = ${bads === 0 ? "false" : "true"}: both outcomes are needed`,
    });
  issues.throwIfAny();
  return { rows: out, bad };
}

/**
 * Scores every row with a compiled card; a fact of the wrong type is an `INVALID_INPUT` issue at
 * `rows[i].<fact>`.
 */
export function scoreRows(card: Scorecard, rows: readonly object[], context: string, at = "rows"): ScoreResult[] {
  return rows.map((row, i) => {
    try {
      return score(card, row as Record<string, never>);
    } catch (e) {
      if (!(e instanceof ArrearsError)) throw e;
      throw new ArrearsError(
        e.code,
        e.issues.map((issue, k) => ({
          path: [at, i, ...issue.path],
          message: issue.message,
          ...("received" in issue ? { received: e.receivedValue(k) } : {}),
        })),
        context,
      );
    }
  });
}

/** ln(odds of the favourable outcome) at `points`, from the card's odds (unrounded). */
export function logOddsGood(card: Scorecard, points: number): number {
  const o = card.odds!;
  const steps = ((points - o.baseScore) / o.pointsToDoubleOdds) * Math.LN2;
  return Math.log(o.baseOdds) + (card.higherIs === "better" ? steps : -steps);
}

/** The card's probability of the unfavourable outcome at `points`, unrounded. */
export function probabilityAt(card: Scorecard, points: number): number {
  return 1 / (1 + Math.exp(logOddsGood(card, points)));
}
