/**
 * Resident memory of `decideMany` streaming generated accounts (1,000,000 by default) through
 * validation and the shipped policies routed by jurisdiction, in a fresh process so nothing else is resident.
 * With `--threads n`, the same stream through a pool of n worker threads (arrears/parallel): the
 * RSS then includes the workers' heaps.
 *
 *   npx tsx bench/stream.ts [count] [--threads n]
 */
import { decideMany, isDecisionError, loadPolicy, routePolicies, summarizePortfolio } from "../src/index.js";
import { createDecisionPool } from "../src/parallel/index.js";
import { portfolioSummarizer } from "../src/portfolio/summary.js";
import { BENCH_AS_OF, generateAccount, rng } from "./accounts.js";

const args = process.argv.slice(2);
const threadsAt = args.indexOf("--threads");
const threads = threadsAt >= 0 ? Number(args.splice(threadsAt, 2)[1]) : 0;
const count = Number(args[0] ?? 1_000_000);
// Each account routed to the shipped policy of its jurisdiction (CN, US, GB).
const ids = ["cn-default", "us-default", "gb-default"];
const policy = routePolicies(ids.map((id) => loadPolicy(id)));

function* accounts(): Generator<unknown> {
  const rand = rng(99);
  for (let i = 0; i < count; i++) yield generateAccount(i, rand);
}

const mb = (b: number) => (b / 2 ** 20).toFixed(0);
const rssStart = process.memoryUsage().rss;
let peak = rssStart;
// With --expose-gc, also the live heap after a full collection: what the stream really retains.
const gc = (globalThis as { gc?: () => void }).gc;
let liveMax = 0;
let seen = 0;
let errors = 0;
const t0 = performance.now();
function observe(item: Parameters<typeof isDecisionError>[0]): void {
  if (isDecisionError(item)) errors++;
  if (++seen % 10_000 === 0) {
    peak = Math.max(peak, process.memoryUsage().rss);
    if (gc && seen % 100_000 === 0) {
      gc();
      liveMax = Math.max(liveMax, process.memoryUsage().heapUsed);
    }
  }
}
let sections: number;
if (threads > 0) {
  // The pool's items arrive asynchronously: summarised one by one, as the CLI does.
  const pool = await createDecisionPool({ route: ids }, { threads });
  const summary = portfolioSummarizer();
  try {
    for await (const item of pool.decideMany(accounts(), { asOf: BENCH_AS_OF })) {
      observe(item);
      summary.add(item);
    }
  } finally {
    await pool.destroy();
  }
  sections = Object.keys(summary.result()).length;
} else {
  // summarizePortfolio consumes the stream in one pass: the whole pipeline stays lazy.
  const summary = summarizePortfolio(
    (function* () {
      for (const item of decideMany(policy, accounts(), { asOf: BENCH_AS_OF })) {
        observe(item);
        yield item;
      }
    })(),
  );
  sections = Object.keys(summary).length;
}
const secs = (performance.now() - t0) / 1000;
const how = threads > 0 ? `a pool of ${threads} worker threads (decideMany over arrears/parallel)` : "decideMany";
console.log(
  `${how} + summarizePortfolio over ${seen.toLocaleString("en-US")} generated accounts (generate + validate + decide + summarize): ` +
    `${secs.toFixed(0)} s, ${Math.round(seen / secs).toLocaleString("en-US")}/s; peak RSS ${mb(peak)} MB (at start ${mb(rssStart)} MB); ` +
    `${gc ? `live heap after GC ≤ ${mb(liveMax)} MB (this thread); ` : ""}${errors} errors; ${sections} summary sections`,
);
