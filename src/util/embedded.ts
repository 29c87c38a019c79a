/**
 * The one shape of an embedded test's outcome, for every rule-file kind (policies, guardrail
 * profiles, scorecards, segmentations, bucket schemes, templates).
 */
export interface EmbeddedTestResult {
  name: string;
  passed: boolean;
  /** What differed, one line each (e.g. `bucket: expected "M2", got "M3"`); empty when passed. */
  failures: string[];
}

/**
 * Runs `check` on every case; a case that throws fails with what it threw (a rule file's test
 * never aborts the others). @internal
 */
export function runEmbeddedCases<C extends { name: string }>(
  cases: readonly C[],
  check: (c: C) => string[],
): EmbeddedTestResult[] {
  return cases.map((c) => {
    let failures: string[];
    try {
      failures = check(c);
    } catch (e) {
      const what = e instanceof Error ? `${(e as { code?: string }).code ?? e.name}: ${e.message}` : String(e);
      failures = [`threw ${what}`];
    }
    return { name: c.name, passed: failures.length === 0, failures };
  });
}

/** `expected X, got Y` when they differ (JSON equality), for the runners' checks. @internal */
export function expectEqual(failures: string[], what: string, want: unknown, got: unknown): void {
  if (JSON.stringify(want) !== JSON.stringify(got))
    failures.push(`${what}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
}
