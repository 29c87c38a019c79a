import { type EmbeddedTestResult, expectEqual, runEmbeddedCases } from "../util/index.js";
import { score } from "./score.js";
import { compiledScorecard, type Scorecard } from "./scorecard.js";
import { loadSegmentation, type Segmentation, segmentOf } from "./segment.js";

/**
 * Runs the embedded `tests` of a scorecard (JSON or compiled) and reports each one; never
 * throws for a failing test (a bad card still throws `ArrearsError` from loading).
 *
 * @example
 * const results = runScorecardTests(myCardJson);
 * results.filter((r) => !r.passed); // []
 */
export function runScorecardTests(card: Scorecard | unknown): EmbeddedTestResult[] {
  const c = compiledScorecard(card);
  return runEmbeddedCases(c.source.tests, (t) => {
    const failures: string[] = [];
    const e = t.expect;
    {
      const r = score(c, t.facts);
      const eq = (what: string, want: unknown, got: unknown) => expectEqual(failures, what, want, got);
      if (e.score !== undefined) eq("score", e.score, r.score);
      if (e.scoreMin !== undefined && r.score < e.scoreMin)
        failures.push(`score: expected ≥ ${e.scoreMin}, got ${r.score}`);
      if (e.scoreMax !== undefined && r.score > e.scoreMax)
        failures.push(`score: expected ≤ ${e.scoreMax}, got ${r.score}`);
      if (e.probability !== undefined) eq("probability", e.probability, r.probability);
      if (e.probabilityMin !== undefined && !(r.probability !== null && r.probability >= e.probabilityMin))
        failures.push(`probability: expected ≥ ${e.probabilityMin}, got ${r.probability}`);
      if (e.probabilityMax !== undefined && !(r.probability !== null && r.probability <= e.probabilityMax))
        failures.push(`probability: expected ≤ ${e.probabilityMax}, got ${r.probability}`);
      const codes = r.reasons.map((x) => x.code);
      if (e.reasons !== undefined) eq("reasons", e.reasons, codes.slice(0, e.reasons.length));
      if (e.reasonsExact !== undefined) eq("reasons", e.reasonsExact, codes);
      for (const [name, pts] of Object.entries(e.points ?? {}))
        eq(`points of ${name}`, pts, r.points.find((p) => p.characteristic === name)?.points);
    }
    return failures;
  });
}

/**
 * Runs the embedded `tests` of a segmentation (JSON or compiled).
 *
 * @example
 * runSegmentationTests(defaultSegmentation).every((r) => r.passed); // true
 */
export function runSegmentationTests(segmentation: Segmentation | unknown): EmbeddedTestResult[] {
  const s = loadSegmentation(segmentation);
  return runEmbeddedCases(s.source.tests, (t) => {
    const f: string[] = [];
    expectEqual(f, "segment", t.expect.segment, segmentOf(s, t.facts));
    return f;
  });
}
