/** How many cases each fuzz target runs for a given number of mutated accounts. */

/** Cases per target for `runs` accounts. */
export function plan(accounts: number): Record<string, number> {
  return {
    accounts,
    policies: Math.ceil(accounts / 10),
    templates: Math.ceil(accounts / 10),
    guardrails: Math.ceil(accounts / 20),
    scorecards: Math.ceil(accounts / 20),
    segmentations: Math.ceil(accounts / 40),
    buckets: Math.ceil(accounts / 40),
    experiments: Math.ceil(accounts / 40),
    api: Math.ceil(accounts / 2),
  };
}
