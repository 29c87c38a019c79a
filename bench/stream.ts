/**
 * Resident memory of `decideMany` streaming generated accounts (1,000,000 by default) through
 * validation and the shipped policies routed by jurisdiction, in a fresh process so nothing else is resident.
 *
 *   npx tsx bench/stream.ts [count]
 */
import { decideMany, isDecisionError, loadPolicy, routePolicies, summarizePortfolio } from "../src/index.js";
import { BENCH_AS_OF, generateAccount, rng } from "./accounts.js";

const count = Number(process.argv[2] ?? 1_000_000);
// Each account routed to the shipped policy of its jurisdiction (CN, US, GB).
const policy = routePolicies(["cn-default", "us-default", "gb-default"].map((id) => loadPolicy(id)));

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
// summarizePortfolio consumes the stream in one pass: the whole pipeline stays lazy.
const summary = summarizePortfolio(
  (function* () {
    for (const item of decideMany(policy, accounts(), { asOf: BENCH_AS_OF })) {
      if (isDecisionError(item)) errors++;
      if (++seen % 10_000 === 0) {
        peak = Math.max(peak, process.memoryUsage().rss);
        if (gc && seen % 100_000 === 0) {
          gc();
          liveMax = Math.max(liveMax, process.memoryUsage().heapUsed);
        }
      }
      yield item;
    }
  })(),
);
const secs = (performance.now() - t0) / 1000;
console.log(
  `decideMany + summarizePortfolio over ${seen.toLocaleString("en-US")} generated accounts (generate + validate + decide + summarize): ` +
    `${secs.toFixed(0)} s, ${Math.round(seen / secs).toLocaleString("en-US")}/s; peak RSS ${mb(peak)} MB (at start ${mb(rssStart)} MB); ` +
    `${gc ? `live heap after GC ≤ ${mb(liveMax)} MB; ` : ""}${errors} errors; ${Object.keys(summary).length} summary sections`,
);
