/**
 * The long fuzz run (`npm run fuzz`): ≥ 100,000 mutated accounts, ≥ 10,000 mutated policies and
 * templates, mutated guardrail profiles, scorecards, segmentations, bucket schemes and
 * experiments, and every root function with mutated arguments. Prints the seed, counts per
 * target and function, the slowest call of each function and every failure; exits 1 on any.
 *
 *   FUZZ_SEED=123 npm run fuzz                 reproduce a run
 *   FUZZ_RUNS=20000 npm run fuzz               accounts (others scale: policies and templates /10 …)
 *   FUZZ_TARGETS=policies,templates npm run fuzz
 *   FUZZ_SEED=123 FUZZ_ONLY=accounts:4711 npm run fuzz   one case (or 4700-4711), verbose
 *   FUZZ_BUDGET_MS=250                         per-call time budget
 */
import { Harness } from "./harness.js";
import { plan } from "./plan.js";
import { runTarget, TARGETS } from "./targets.js";

const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : (Date.now() % 2 ** 31) | 0;
const runs = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 100_000;
const budgetMs = process.env.FUZZ_BUDGET_MS ? Number(process.env.FUZZ_BUDGET_MS) : 250;
const only = process.env.FUZZ_ONLY;
const selected = process.env.FUZZ_TARGETS?.split(",");

async function main(): Promise<void> {
  const h = new Harness({ budgetMs, verbose: true, trace: Boolean(only) || process.env.FUZZ_TRACE === "1" });
  console.log(`fuzz seed ${seed}, budget ${budgetMs} ms per call`);
  if (only) {
    // One case (`accounts:4711`) or a range (`accounts:4700-4711`, to replay what led to a state).
    const [target, range] = only.split(":");
    const [from, to] = range!.split("-").map(Number);
    await runTarget(h, target!, seed, (to ?? from!) - from! + 1, from);
    console.log(`shape: ${h.current.shape}`);
    for (const f of h.failureList()) console.log(f.signature, "\n", f.first.error, "\n", f.first.stack ?? "");
    for (const [sig, i] of h.internal) console.log("INTERNAL", sig, "\n", i.first.cause);
  } else {
    const started = performance.now();
    for (const [target, count] of Object.entries(plan(runs))) {
      if (selected && !selected.includes(target)) continue;
      if (!TARGETS[target]) throw new Error(`no target ${target}`);
      const t0 = performance.now();
      const step = Math.max(1, Math.ceil(count / 10));
      for (let start = 0; start < count; start += step) {
        await runTarget(h, target, seed, Math.min(step, count - start), start);
        const done = Math.min(start + step, count);
        console.log(
          `  ${target}: ${done}/${count} (${((performance.now() - t0) / 1000).toFixed(0)} s; failures so far ${h.totalFailures()})`,
        );
      }
    }
    console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  console.log(h.report(seed));
  process.exitCode = h.totalFailures() > 0 ? 1 : 0;
}

await main();
