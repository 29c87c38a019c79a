/**
 * `npm run bench`: throughput and latency of `decide` on generated realistic accounts, the
 * compiled rules against a hand-written function and json-rules-engine on the same facts, and
 * resident memory of `decideMany` streaming a million accounts. One process = one core.
 *
 *   npm run bench                 # 20,000 accounts, then bench/stream.ts streams 1,000,000
 *   npx tsx bench/run.ts --quick  # smaller, for a smoke run
 */
import type { Engine } from "json-rules-engine";
import {
  type Account,
  decide,
  evaluatePolicy,
  type Facts,
  loadPolicy,
  parseAccount,
  routePolicies,
} from "../src/index.js";
import { setFastPath } from "../src/model/account.js";
import ladder from "../test/fixtures/us-ladder-2.0.0.json" with { type: "json" };
// The loader the differential tests prove gives the same events as the compiled rules.
import { engineFor } from "../test/rules/helpers.js";
import { BENCH_AS_OF, generateAccounts } from "./accounts.js";
import { handwrittenDefault } from "./handwritten.js";

const quick = process.argv.includes("--quick");
const N = quick ? 3_000 : 20_000;
// decide: the three shipped policies, each account routed by its jurisdiction (CN, US, GB).
const shippedPolicies = ["cn-default", "us-default", "gb-default"].map((id) => loadPolicy(id));
const policy = routePolicies(shippedPolicies);
// Rules alone: the frozen us-default 2.0.0 ladder, which bench/handwritten.ts mirrors rule for rule.
const rulesPolicy = loadPolicy(ladder);
const asOf = BENCH_AS_OF;

type Row = { what: string; perSec: number; p50us?: number; p99us?: number; note?: string };
const rows: Row[] = [];

function timeLoop(label: string, items: number, fn: () => void, minMs = 3000): number {
  fn(); // warm-up pass
  let passes = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    fn();
    passes++;
  }
  const perSec = (passes * items) / ((performance.now() - t0) / 1000);
  process.stderr.write(`  ${label}: ${Math.round(perSec).toLocaleString("en-US")}/s\n`);
  return perSec;
}

function latencies<T>(items: readonly T[], fn: (x: T) => void): { p50: number; p99: number } {
  const samples = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const t = process.hrtime.bigint();
    fn(items[i]!);
    samples[i] = Number(process.hrtime.bigint() - t) / 1000;
  }
  samples.sort();
  return { p50: samples[Math.floor(samples.length * 0.5)]!, p99: samples[Math.floor(samples.length * 0.99)]! };
}

process.stderr.write(`generating ${N} accounts…\n`);
const raw = generateAccounts(N, 7);

const rawJson = raw.map((a) => JSON.stringify(a));
// The end-to-end rows run first, in a heap that holds only their inputs, as a service's does:
// the parsed accounts and caches of the rows after them would be marked again by every full GC.
// The whole path from what a service holds: a plain object (never parsed: decide validates it,
// every time a new parsed account, nothing cached), or JSON text.
let plainPerSec = 0;
{
  plainPerSec = timeLoop("plain object → parseAccount + decide", N, () => {
    for (const a of raw) decide(policy, a, { asOf, render: false });
  });
  const l = latencies(raw, (a) => decide(policy, a, { asOf, render: false }));
  rows.push({
    what: "plain account object → validate → decide (nothing cached)",
    perSec: plainPerSec,
    p50us: l.p50,
    p99us: l.p99,
  });
}
let jsonPerSec = 0;
{
  jsonPerSec = timeLoop("JSON.parse + parseAccount + decide", N, () => {
    for (const s of rawJson) decide(policy, JSON.parse(s), { asOf, render: false });
  });
  const l = latencies(rawJson, (s) => decide(policy, JSON.parse(s), { asOf, render: false }));
  rows.push({ what: "JSON text → JSON.parse → validate → decide", perSec: jsonPerSec, p50us: l.p50, p99us: l.p99 });
}
// json-rules-engine on the same facts, in the same heap as the end-to-end rows (the inputs, no
// parsed accounts).
// The facts decide derives, for the first 5,000 accounts (from the plain objects, as the row above).
const jreAccounts = raw.slice(0, quick ? 1000 : 5000);
const jreSample = jreAccounts.map((a) => decide(policy, a, { asOf, render: false }).facts);
let jrePerSec = 0;
{
  const e = engineFor(rulesPolicy.source); // runs below are sequential, so one engine is safe here
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < 3000) {
    for (const f of jreSample) {
      await e.run({ ...f });
      n++;
    }
  }
  jrePerSec = n / ((performance.now() - t0) / 1000);
  process.stderr.write(`  json-rules-engine: ${Math.round(jrePerSec).toLocaleString("en-US")}/s\n`);
}
// The rules decide runs: each account's facts through json-rules-engine loaded with the shipped
// ladder of its jurisdiction (46–51 rules each), the same JSON the compiled policies came from.
let jreRoutedPerSec = 0;
{
  const byId = new Map<string, Engine>();
  for (const p of shippedPolicies) byId.set(p.source.id, engineFor(p.source));
  const sample = jreAccounts.map((a) => {
    const d = decide(policy, a, { asOf, render: false });
    return { e: byId.get(d.policy?.id ?? "")!, f: d.facts };
  });
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < 3000) {
    for (const { e, f } of sample) {
      await e.run({ ...f });
      n++;
    }
  }
  jreRoutedPerSec = n / ((performance.now() - t0) / 1000);
  process.stderr.write(
    `  json-rules-engine, shipped ladders: ${Math.round(jreRoutedPerSec).toLocaleString("en-US")}/s\n`,
  );
}
// 1. decide, full pipeline. "First decision" is the realistic case (a service deciding each
// account once); "again" shows the per-account preparation cached on a parsed account.
{
  const rounds = quick ? 3 : 6;
  const samples: number[] = [];
  let n = 0;
  let ms = 0;
  for (let r = 0; r < rounds + 1; r++) {
    const fresh = raw.map((a) => parseAccount(structuredClone(a)));
    const t0 = performance.now();
    for (const a of fresh) {
      const t = process.hrtime.bigint();
      decide(policy, a, { asOf, render: false });
      if (r > 0) samples.push(Number(process.hrtime.bigint() - t) / 1000);
    }
    if (r > 0) {
      ms += performance.now() - t0;
      n += fresh.length;
    }
  }
  samples.sort((x, y) => x - y);
  const perSec = n / (ms / 1000);
  process.stderr.write(`  decide, first decision per account: ${Math.round(perSec).toLocaleString("en-US")}/s\n`);
  rows.push({
    what: "decide, first decision on accounts parsed earlier in bulk (data out of cache)",
    perSec,
    p50us: samples[Math.floor(samples.length * 0.5)]!,
    p99us: samples[Math.floor(samples.length * 0.99)]!,
  });
}
// The pattern of a service and of decideMany: validate an account, decide it at once (its data
// still in cache). Only the decide is timed: the cost of the decision that validation feeds.
let decideAfterParsePerSec = 0;
{
  const texts = raw.map((a) => JSON.stringify(a));
  const samples: number[] = [];
  let ms = 0;
  for (let r = 0; r < (quick ? 2 : 3); r++) {
    for (const s of texts) {
      const a = parseAccount(JSON.parse(s));
      const t0 = performance.now();
      decide(policy, a, { asOf, render: false });
      const dt = performance.now() - t0;
      if (r > 0) {
        ms += dt;
        samples.push(dt * 1000);
      }
    }
  }
  samples.sort((x, y) => x - y);
  const perSec = samples.length / (ms / 1000);
  decideAfterParsePerSec = perSec;
  process.stderr.write(`  decide right after parseAccount: ${Math.round(perSec).toLocaleString("en-US")}/s\n`);
  rows.push({
    what: "decide, first decision right after parseAccount (a service's pattern, decideMany's)",
    perSec,
    p50us: samples[Math.floor(samples.length * 0.5)]!,
    p99us: samples[Math.floor(samples.length * 0.99)]!,
  });
}

// Built after the first-decision rounds so they do not pay for marking these in every GC.
const parsed: Account[] = raw.map((a) => parseAccount(a));
{
  const perSec = timeLoop("decide (parsed, no render)", N, () => {
    for (const a of parsed) decide(policy, a, { asOf, render: false });
  });
  const l = latencies(parsed, (a) => decide(policy, a, { asOf, render: false }));
  rows.push({
    what: "decide again on the same parsed accounts (preparation cached)",
    perSec,
    p50us: l.p50,
    p99us: l.p99,
  });
}
{
  const perSec = timeLoop("decide (parsed, with offer+message)", N, () => {
    for (const a of parsed) decide(policy, a, { asOf });
  });
  const l = latencies(parsed, (a) => decide(policy, a, { asOf }));
  rows.push({ what: "decide again, with offer + rendered message", perSec, p50us: l.p50, p99us: l.p99 });
}
let validatePerSec = 0;
{
  validatePerSec = timeLoop("parseAccount alone (plain objects)", N, () => {
    for (const a of raw) parseAccount(a);
  });
  rows.push({ what: "validate only: parseAccount on plain objects (fast path)", perSec: validatePerSec });
  setFastPath(false);
  const zodPerSec = timeLoop("parseAccount alone, zod only", N, () => {
    for (const a of raw) parseAccount(a);
  });
  setFastPath(true);
  rows.push({
    what: "validate only: parseAccount on plain objects, zod alone (before #15)",
    perSec: zodPerSec,
    note: `the fast path is ${(validatePerSec / zodPerSec).toFixed(1)}× faster`,
  });
}
{
  const perSec = timeLoop("JSON.parse + parseAccount", N, () => {
    for (const s of rawJson) parseAccount(JSON.parse(s));
  });
  rows.push({ what: "validate only: JSON.parse + parseAccount", perSec });
  const parseOnly = timeLoop("JSON.parse alone", N, () => {
    for (const s of rawJson) JSON.parse(s);
  });
  rows.push({ what: "JSON.parse alone (the floor of the JSON rows)", perSec: parseOnly });
}

// 2. rules alone on the same facts
const facts: Facts[] = parsed.map((a) => decide(policy, a, { asOf, render: false }).facts);
let mismatches = 0;
for (const f of facts) {
  const compiled = evaluatePolicy(rulesPolicy, f)
    .events.map((e) => e.type)
    .join(",");
  if (compiled !== handwrittenDefault(f).join(",")) mismatches++;
}
const hand = timeLoop("hand-written rules", N, () => {
  for (const f of facts) handwrittenDefault(f);
});
const compiled = timeLoop("compiled rules", N, () => {
  for (const f of facts) evaluatePolicy(rulesPolicy, f);
});
const compiledTrace = timeLoop("compiled rules + trace of fired rules", N, () => {
  for (const f of facts) evaluatePolicy(rulesPolicy, f, { trace: "fired" });
});
const compiledFullTrace = timeLoop("compiled rules + trace of every rule", N, () => {
  for (const f of facts) evaluatePolicy(rulesPolicy, f, { trace: true });
});
rows.push({ what: "rules: hand-written function", perSec: hand });
rows.push({
  what: "rules: compiled policy",
  perSec: compiled,
  note: `${(hand / compiled).toFixed(1)}× slower than hand-written`,
});
rows.push({
  what: "rules: compiled policy + trace of fired rules (what decide records)",
  perSec: compiledTrace,
  note: `${(hand / compiledTrace).toFixed(1)}× slower than hand-written`,
});
rows.push({
  what: "rules: compiled policy + trace of every rule (closures)",
  perSec: compiledFullTrace,
  note: `${(hand / compiledFullTrace).toFixed(1)}× slower than hand-written`,
});
rows.push({
  what: "rules: json-rules-engine 7.3",
  perSec: jrePerSec,
  note: `compiled is ${(compiled / jrePerSec).toFixed(0)}× faster`,
});
rows.push({
  what: "rules: json-rules-engine 7.3, the shipped CN/US/GB ladders decide runs (by jurisdiction)",
  perSec: jreRoutedPerSec,
});

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const lines = [
  `arrears benchmark: ${N.toLocaleString("en-US")} generated accounts (12–36 dues, ≤ 40 payments, ≤ 60 contacts, half snapshots; CN, US and GB), decided by the shipped policy of each jurisdiction (rules rows: the frozen us-default 2.0.0 ladder), asOf ${asOf}`,
  `node ${process.version}, one core (single thread)`,
  "",
  "| what | per second | p50 µs | p99 µs | note |",
  "| --- | ---: | ---: | ---: | --- |",
  ...rows.map(
    (r) =>
      `| ${r.what} | ${fmt(r.perSec)} | ${r.p50us?.toFixed(1) ?? ""} | ${r.p99us?.toFixed(1) ?? ""} | ${r.note ?? ""} |`,
  ),
  "",
  `compiled rules vs hand-written: identical events on ${N - mismatches}/${N} accounts`,
  "",
  "Ratios (issue #15, this run):",
  `- plain account object → decision vs json-rules-engine running only the rules on the same facts: ${(plainPerSec / jrePerSec).toFixed(1)}× (goal ≥ 10×)`,
  `- JSON text → decision vs json-rules-engine: ${(jsonPerSec / jrePerSec).toFixed(1)}× (goal ≥ 6×)`,
  `- the same two against json-rules-engine running the shipped ladders decide runs: ${(plainPerSec / jreRoutedPerSec).toFixed(1)}× and ${(jsonPerSec / jreRoutedPerSec).toFixed(1)}×`,
  `- validation cost / cost of the decision it feeds (parseAccount on a plain object vs decide right after it): ${(decideAfterParsePerSec / validatePerSec).toFixed(2)} (goal ≤ 0.5)`,
];
console.log(lines.join("\n"));
if (mismatches > 0) process.exitCode = 1;
