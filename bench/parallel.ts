/**
 * `npm run bench` (after bench/run.ts): batches over worker threads (arrears/parallel) against one
 * thread on the same accounts, with an identical-output check, and the bundle size of
 * `import { decide } from "arrears"`.
 *
 *   npx tsx bench/parallel.ts [--quick] [--threads n]
 *
 * Rates are measured in alternating rounds (one thread, then the pool, …) and the best round of
 * each is kept, so that load from other processes on a shared machine hurts both sides alike; the
 * JSON Lines ratio (lent blocks against one thread) is also taken within each round, and the
 * median round reported with every round's ratio.
 */

import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { type BatchItem, decideMany } from "../src/index.js";
import { type LentMemory, runChunk } from "../src/parallel/chunk.js";
import { createDecisionPool, loadPolicySource, type PolicySource } from "../src/parallel/index.js";
import { BENCH_AS_OF, generateAccounts } from "./accounts.js";

const quick = process.argv.includes("--quick");
const threadsArg = process.argv.indexOf("--threads");
const threads = threadsArg > 0 ? Number(process.argv[threadsArg + 1]) : 2;
const N = quick ? 1_500 : 6_000;
const ROUNDS = quick ? 2 : 5;
const asOf = BENCH_AS_OF;
// The repository root: the nearest package.json above this script (it may run from bench/.out/).
let root = fileURLToPath(new URL("./", import.meta.url));
while (!existsSync(join(root, "package.json"))) root = dirname(root);
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

// 1. Bundle size: what a browser app pays for the library (esbuild: bundle, minify, tree-shake).
async function bundle(code: string): Promise<{ min: number; gzip: number }> {
  const r = await build({
    stdin: { contents: code, resolveDir: root, loader: "ts" },
    bundle: true,
    minify: true,
    treeShaking: true,
    platform: "browser", // a Node built-in anywhere in the root entry fails this build
    format: "esm",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const out = r.outputFiles[0]!.contents;
  return { min: out.length, gzip: gzipSync(out, { level: 9 }).length };
}
const sizes = [
  { what: 'import { decide } from "arrears"', ...(await bundle('export { decide } from "./src/index.ts";')) },
  {
    what: 'import { decide, loadPolicy, parseAccount } from "arrears" (the shipped policies included)',
    ...(await bundle('export { decide, loadPolicy, parseAccount } from "./src/index.ts";')),
  },
];

// 2. Parallel batches. The same accounts (raw objects: validated in the batch) and policy source.
const source: PolicySource = { route: ["cn-default", "us-default", "gb-default"] };
const policy = loadPolicySource(source);
process.stderr.write(`generating ${N} accounts…\n`);
const accounts: unknown[] = generateAccounts(N, 21);

const t0 = performance.now();
const pool = await createDecisionPool(source, { threads });
for await (const _ of pool.decideManyJson(accounts.slice(0, 4 * threads), { asOf, chunkSize: 1 })); // start every worker
const startMs = performance.now() - t0;

// CPU time of the whole process (every thread: this one, the workers, V8's GC and compiler
// helpers) per account: what the work costs, whatever else the machine runs meanwhile. Nothing a
// row produces is kept (a heap of earlier rows' decisions made the one-thread rows pay for the
// pool rows' garbage): items go to a sink that counts them, or, in the first round only (not
// timed), hashes their JSON so that every row's output can be compared with the others'.
type Sink = (item: unknown, count?: number) => void;
type Run = { perSec: number; cpuUs: number; digest: string };
async function time(run: (sink: Sink) => Promise<void> | void, check = false): Promise<Run> {
  const hash = check ? createHash("sha256") : null;
  let n = 0;
  // A JSON Lines block (count lines) hashes as its lines would one by one.
  const sink: Sink = hash
    ? (item, count = 1) => {
        n += count;
        if (item instanceof Uint8Array) hash.update(item);
        else {
          hash.update(typeof item === "string" ? item : JSON.stringify(item as BatchItem));
          hash.update("\n");
        }
      }
    : (_, count = 1) => {
        n += count;
      };
  const c = process.cpuUsage();
  const t = performance.now();
  await run(sink);
  const u = process.cpuUsage(c);
  return {
    perSec: n / ((performance.now() - t) / 1000),
    cpuUs: (u.user + u.system) / n,
    digest: hash?.digest("hex") ?? "",
  };
}
const single = (json: boolean) => (sink: Sink) => {
  for (const d of decideMany(policy, accounts, { asOf })) sink(json ? JSON.stringify(d) : d);
};
// JSON text in, JSON text out: a JSON Lines file or a queue (the CLI's case). One thread parses
// each text; the pool hands the texts to its workers, which parse them.
const texts = accounts.map((a) => JSON.stringify(a));
const singleText = (sink: Sink) => {
  const parsed = (function* () {
    for (const t of texts) yield JSON.parse(t);
  })();
  for (const d of decideMany(policy, parsed, { asOf })) sink(JSON.stringify(d));
};
const parallelText = async (sink: Sink) => {
  for await (const s of pool.decideManyJson(texts, { asOf, input: "json" })) sink(s);
};
// JSON text in, UTF-8 JSON Lines out (a file, a socket): one thread runs what a worker does on
// each chunk of 64 (parse, decide, serialise, encode into one block), into memory it reuses, as
// writeJsonLines's workers do.
const CHUNK = 64;
const lent: LentMemory = { buffer: new SharedArrayBuffer(1 << 20), slotBytes: 1 << 20 };
const singleLines = (sink: Sink) => {
  const options = { asOf };
  for (let i = 0; i < texts.length; i += CHUNK) {
    const task = {
      batch: 0,
      base: i,
      accounts: texts.slice(i, i + CHUNK),
      options,
      text: true,
      out: "jsonl",
      slot: 0,
    } as const;
    const r = runChunk(policy, task, options, false, lent);
    sink(r.jsonl ?? new Uint8Array(lent.buffer, 0, r.lentBytes), r.count);
  }
};
const parallelWrite = async (sink: Sink) => {
  let i = 0;
  await pool.writeJsonLines(texts, { asOf, input: "json", chunkSize: CHUNK }, (b) => {
    const count = Math.min(CHUNK, texts.length - i);
    i += count;
    sink(b, count);
  });
};
const parallelLines = async (sink: Sink) => {
  let i = 0;
  for await (const b of pool.decideManyJsonLines(texts, { asOf, input: "json", chunkSize: CHUNK })) {
    const count = Math.min(CHUNK, texts.length - i);
    i += count;
    sink(b, count);
  }
};
const parallel = (json: boolean, chunkSize?: number) => async (sink: Sink) => {
  const o = { asOf, ...(chunkSize === undefined ? {} : { chunkSize }) };
  if (json) for await (const s of pool.decideManyJson(accounts, o)) sink(s);
  else for await (const d of pool.decideMany(accounts, o)) sink(d);
};

// Round 0 checks the outputs (hashing them, so it is not timed); the timed rounds alternate one
// thread and the pool.
const digests = [
  await time(single(false), true),
  await time(parallel(false), true),
  await time(single(true), true),
  await time(parallel(true), true),
  await time(singleText, true),
  await time(parallelText, true),
  await time(singleLines, true),
  await time(parallelLines, true),
  await time(parallelWrite, true),
].map((r) => r.digest);
const identical = digests.every((d) => d === digests[0]);
const load0 = loadavg()[0]!;
const best = {
  single: 0,
  singleJson: 0,
  pool: 0,
  poolJson: 0,
  singleText: 0,
  poolText: 0,
  singleLines: 0,
  poolLines: 0,
  poolWrite: 0,
};
const cpu = {
  single: Infinity,
  singleJson: Infinity,
  pool: Infinity,
  poolJson: Infinity,
  singleText: Infinity,
  poolText: Infinity,
  singleLines: Infinity,
  poolLines: Infinity,
  poolWrite: Infinity,
};
// The JSON Lines ratios also round by round (rows run back to back): the median round is robust
// to the machine's drift, which the best of each row is not.
const writeRatios: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const s = await time(single(false));
  const p = await time(parallel(false));
  const sj = await time(single(true));
  const pj = await time(parallel(true));
  const st = await time(singleText);
  const pt = await time(parallelText);
  // The lent row right after its one-thread row: the moved row leaves this thread memory outside
  // V8's heap that a later row would pay to collect.
  const sl = await time(singleLines);
  const pw = await time(parallelWrite);
  const pl = await time(parallelLines);
  writeRatios.push(pw.perSec / sl.perSec);
  best.poolWrite = Math.max(best.poolWrite, pw.perSec);
  cpu.poolWrite = Math.min(cpu.poolWrite, pw.cpuUs);
  best.singleLines = Math.max(best.singleLines, sl.perSec);
  best.poolLines = Math.max(best.poolLines, pl.perSec);
  cpu.singleLines = Math.min(cpu.singleLines, sl.cpuUs);
  cpu.poolLines = Math.min(cpu.poolLines, pl.cpuUs);
  best.singleText = Math.max(best.singleText, st.perSec);
  best.poolText = Math.max(best.poolText, pt.perSec);
  cpu.singleText = Math.min(cpu.singleText, st.cpuUs);
  cpu.poolText = Math.min(cpu.poolText, pt.cpuUs);
  best.single = Math.max(best.single, s.perSec);
  best.pool = Math.max(best.pool, p.perSec);
  best.singleJson = Math.max(best.singleJson, sj.perSec);
  best.poolJson = Math.max(best.poolJson, pj.perSec);
  cpu.single = Math.min(cpu.single, s.cpuUs);
  cpu.pool = Math.min(cpu.pool, p.cpuUs);
  cpu.singleJson = Math.min(cpu.singleJson, sj.cpuUs);
  cpu.poolJson = Math.min(cpu.poolJson, pj.cpuUs);
  process.stderr.write(
    `  round ${r + 1}: one thread ${fmt(s.perSec)}/s, ${threads} threads ${fmt(p.perSec)}/s; JSON out: ${fmt(sj.perSec)}/s vs ${fmt(pj.perSec)}/s; JSON in and out: ${fmt(st.perSec)}/s vs ${fmt(pt.perSec)}/s; JSON Lines bytes out: ${fmt(sl.perSec)}/s vs ${fmt(pl.perSec)}/s (moved), ${fmt(pw.perSec)}/s (lent)\n`,
  );
}
const chunks: { size: number; perSec: number }[] = [];
for (const size of quick ? [16, 256] : [16, 32, 64, 256, 1024]) {
  const c = await time(parallel(true, size));
  chunks.push({ size, perSec: c.perSec });
  process.stderr.write(`  chunkSize ${size}: ${fmt(c.perSec)}/s\n`);
}
await pool.destroy();

// 3. Processes: `arrears decide --shard k/n`, one process per core, each reading the whole file
// and deciding its records (index ≡ k mod n); their outputs interleaved line by line are the
// one-process output, byte for byte. Wall time from spawn to the last exit: start-up and the
// JIT's warm-up (~1 s per process) included, so the file is large enough for them to amortise as
// they would over a portfolio (50,000 accounts, 240 MB), and the decisions go to /dev/null (the
// disk is not what is measured: that is 500 MB of JSON Lines). The byte-for-byte check runs on a
// smaller file whose outputs are kept.
const cli = join(dirname(fileURLToPath(import.meta.url)), "cli.mjs"); // built beside this script by bundled.mjs
const shardN = quick ? 4_000 : 50_000;
const checkN = quick ? 1_000 : 5_000;
// The first prefixN accounts of the large file: the marginal rate is that of the accounts after
// them, the same accounts for every way. Large enough for every thread or process to be past its
// JIT's warm-up (~2,000 decisions each) before the accounts that are counted.
const prefixN = quick ? 1_500 : 15_000;
const shardDir = join(root, "bench", ".out", "shards");
mkdirSync(shardDir, { recursive: true });
function writeAccounts(path: string, n: number, seed: number): void {
  const fd = openSync(path, "w");
  for (let done = 0; done < n; done += 5_000) {
    const batch = generateAccounts(Math.min(5_000, n - done), seed + done);
    writeFileSync(fd, `${batch.map((a) => JSON.stringify(a)).join("\n")}\n`);
  }
  closeSync(fd);
}
const shardInput = join(shardDir, "accounts.jsonl");
const checkInput = join(shardDir, "check.jsonl");
process.stderr.write(`writing ${fmt(shardN)} accounts as JSON Lines…\n`);
writeAccounts(shardInput, shardN, 22);
writeAccounts(checkInput, checkN, 23);
const prefixInput = join(shardDir, "prefix.jsonl");
writeFileSync(prefixInput, `${readFileSync(shardInput, "utf8").split("\n").slice(0, prefixN).join("\n")}\n`);
function decideProcess(input: string, out: string, shard?: string, extra: string[] = []): Promise<void> {
  const fd = openSync(out, "w");
  const args = [
    cli,
    "decide",
    input,
    "--as-of",
    asOf,
    "--quiet",
    ...(shard === undefined ? [] : ["--shard", shard]),
    ...extra,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", fd, "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => {
      closeSync(fd);
      code === 0 ? resolve() : reject(new Error(`arrears decide ${shard ?? ""} exited with ${code}`));
    });
  });
}
const lines = (f: string) => readFileSync(f, "utf8").split("\n").slice(0, -1);
const outs = Array.from({ length: threads }, (_, k) => join(shardDir, `shard-${k}.jsonl`));
await decideProcess(checkInput, join(shardDir, "one.jsonl"));
await Promise.all(outs.map((o, k) => decideProcess(checkInput, o, `${k}/${threads}`)));
const parts = outs.map(lines);
const merged: string[] = [];
for (let i = 0; merged.length < checkN; i++) for (const p of parts) if (i < p.length) merged.push(p[i]!);
const shardIdentical = merged.join("\n") === lines(join(shardDir, "one.jsonl")).join("\n");
const threaded = ["--threads", String(threads)];
await decideProcess(checkInput, join(shardDir, "threads.jsonl"), undefined, threaded);
const threadsIdentical =
  readFileSync(join(shardDir, "threads.jsonl"), "utf8") === readFileSync(join(shardDir, "one.jsonl"), "utf8");
// Each way is timed on the large file and on its first prefixN accounts: the large file's rate
// includes the start-up and the JIT's warm-up (~2 s per process or thread); the marginal rate,
// the accounts after the prefix over the extra seconds, is what each further account costs: a
// portfolio's rate.
type Way = { name: string; run: (input: string) => Promise<unknown> };
const ways: Way[] = [
  { name: "one", run: (input) => decideProcess(input, "/dev/null") },
  { name: "threads", run: (input) => decideProcess(input, "/dev/null", undefined, threaded) },
  {
    name: "shards",
    run: (input) => Promise.all(outs.map((_, k) => decideProcess(input, "/dev/null", `${k}/${threads}`))),
  },
];
const seconds = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return (performance.now() - t) / 1000;
};
// A marginal rate is a difference of two times, so noise in either is amplified: each round
// times every way back to back, ratios are taken within a round, and the median round is kept
// (not the best of each way, which would pick the luckiest difference).
type Round = { whole: Record<string, number>; marginal: Record<string, number> };
const rounds: Round[] = [];
for (let r = 0; r < (quick ? 1 : 3); r++) {
  const round: Round = { whole: {}, marginal: {} };
  for (const w of ways) {
    const small = await seconds(() => w.run(prefixInput));
    const large = await seconds(() => w.run(shardInput));
    round.whole[w.name] = shardN / large;
    round.marginal[w.name] = (shardN - prefixN) / (large - small);
  }
  rounds.push(round);
  process.stderr.write(
    `  processes, round ${r + 1}: ${ways.map((w) => `${w.name} ${fmt(round.whole[w.name]!)}/s (marginal ${fmt(round.marginal[w.name]!)}/s)`).join(", ")}\n`,
  );
}
const medianOf = (f: (r: Round) => number) => [...rounds.map(f)].sort((a, b) => a - b)[Math.floor(rounds.length / 2)]!;
const shardOne = medianOf((r) => r.whole.one!);
const speedupShards = medianOf((r) => r.whole.shards! / r.whole.one!);
const speedupCliThreads = medianOf((r) => r.whole.threads! / r.whole.one!);
const marginalThreads = medianOf((r) => r.marginal.threads! / r.marginal.one!);
const marginalShards = medianOf((r) => r.marginal.shards! / r.marginal.one!);
const perRound = (way: string) => rounds.map((r) => `${(r.marginal[way]! / r.marginal.one!).toFixed(2)}×`).join(", ");
const whole = { threads: medianOf((r) => r.whole.threads!), shards: medianOf((r) => r.whole.shards!) };
const marginal = {
  one: medianOf((r) => r.marginal.one!),
  threads: medianOf((r) => r.marginal.threads!),
  shards: medianOf((r) => r.marginal.shards!),
};

const speedup = best.pool / best.single;
const speedupJson = best.poolJson / best.singleJson;
const speedupText = best.poolText / best.singleText;
const speedupLines = best.poolLines / best.singleLines;
const speedupWrite = best.poolWrite / best.singleLines;
const medianWrite = [...writeRatios].sort((a, b) => a - b)[Math.floor(writeRatios.length / 2)]!;
const target = (x: number) => (x >= 1.7 ? "" : " (target ≥ 1.7×: not met in this run)");
console.log(
  [
    "",
    `parallel batches: ${N.toLocaleString("en-US")} generated accounts (raw objects: validated in the batch), the shipped policies routed by jurisdiction, offers and messages rendered (decideMany's defaults), asOf ${asOf}`,
    `node ${process.version}, ${availableParallelism()} cores available, load average ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} (other processes: rates compare only within one run); pool of ${threads} worker threads (started in ${fmt(startMs)} ms); best of ${ROUNDS} alternating rounds`,
    "",
    "| what | per second | CPU µs per account (all threads) | note |",
    "| --- | ---: | ---: | --- |",
    `| decideMany, one thread (items as objects) | ${fmt(best.single)} | ${fmt(cpu.single)} | |`,
    `| pool.decideMany, ${threads} threads (items as objects) | ${fmt(best.pool)} | ${fmt(cpu.pool)} | ${speedup.toFixed(2)}× one thread |`,
    `| decideMany + JSON.stringify, one thread (JSON Lines out) | ${fmt(best.singleJson)} | ${fmt(cpu.singleJson)} | |`,
    `| pool.decideManyJson, ${threads} threads (JSON Lines out) | ${fmt(best.poolJson)} | ${fmt(cpu.poolJson)} | ${speedupJson.toFixed(2)}× one thread |`,
    `| JSON text → decideMany → JSON text, one thread (a JSON Lines file, a queue) | ${fmt(best.singleText)} | ${fmt(cpu.singleText)} | |`,
    `| JSON text → pool.decideManyJson({ input: "json" }) → JSON text, ${threads} threads | ${fmt(best.poolText)} | ${fmt(cpu.poolText)} | ${speedupText.toFixed(2)}× one thread |`,
    `| JSON text → UTF-8 JSON Lines blocks, one thread (what a worker does, chunks of ${CHUNK}, memory reused) | ${fmt(best.singleLines)} | ${fmt(cpu.singleLines)} | |`,
    `| JSON text → pool.decideManyJsonLines({ input: "json" }) → UTF-8 blocks (a new block per chunk, moved), ${threads} threads | ${fmt(best.poolLines)} | ${fmt(cpu.poolLines)} | ${speedupLines.toFixed(2)}× one thread |`,
    `| JSON text → pool.writeJsonLines({ input: "json" }) → UTF-8 blocks (lent from memory shared with the workers), ${threads} threads | ${fmt(best.poolWrite)} | ${fmt(cpu.poolWrite)} | ${speedupWrite.toFixed(2)}× one thread (best rounds); within a round, median **${medianWrite.toFixed(2)}×**${target(medianWrite)} (rounds: ${writeRatios.map((x) => `${x.toFixed(2)}×`).join(", ")}) |`,
    ...chunks.map(
      (c) => `| pool.decideManyJson, chunkSize ${c.size} | ${fmt(c.perSec)} | | ${c.size === 64 ? "default" : ""} |`,
    ),
    `| \`arrears decide\` JSON Lines file → JSON Lines, one process (${fmt(shardN)} accounts, start-up included; median of ${rounds.length} rounds) | ${fmt(shardOne)} | | marginal ${fmt(marginal.one)}/s |`,
    `| \`arrears decide --threads ${threads}\`, one process | ${fmt(whole.threads)} | | ${speedupCliThreads.toFixed(2)}× one process; marginal ${fmt(marginal.threads)}/s, **${marginalThreads.toFixed(2)}×**${target(marginalThreads)} (rounds: ${perRound("threads")}) |`,
    `| \`arrears decide --shard k/${threads}\`, ${threads} processes at once | ${fmt(whole.shards)} | | ${speedupShards.toFixed(2)}× one process; marginal ${fmt(marginal.shards)}/s, **${marginalShards.toFixed(2)}×**${target(marginalShards)} (rounds: ${perRound("shards")}) |`,
    "",
    `marginal: the last ${fmt(shardN - prefixN)} of the ${fmt(shardN)} accounts over the time they add to a run of the first ${fmt(prefixN)} (start-up and warm-up excluded)`,
    "",
    `identical output (every item's JSON, in order): ${identical ? "yes" : "NO"}; the shards' outputs interleaved = one process's, byte for byte: ${shardIdentical ? "yes" : "NO"}; \`--threads ${threads}\` = one thread's, byte for byte: ${threadsIdentical ? "yes" : "NO"}`,
    "",
    "| bundle (esbuild: bundle, minify, tree-shake; browser) | minified | gzipped |",
    "| --- | ---: | ---: |",
    ...sizes.map((s) => `| ${s.what} | ${kB(s.min)} | ${kB(s.gzip)} |`),
  ].join("\n"),
);
if (!identical || !shardIdentical || !threadsIdentical) process.exitCode = 1;
