/**
 * `npm run bench:cores`: what two cores give this workload before any pool or queue is involved.
 * The same loop (JSON text → `decideMany` → JSON text, 6,000 generated accounts, shipped policies
 * routed, messages rendered) runs alone, then twice at once in two worker threads of one process,
 * then twice at once in two processes; each loop reports its own µs per account per round. If two
 * loops that share nothing but the machine are each slower than one alone, no pool can beat that.
 *
 *   node bench/bundled.mjs bench/cores.ts [--rounds n]
 */

import { spawn } from "node:child_process";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { decideMany } from "../src/index.js";
import { loadPolicySource } from "../src/parallel/index.js";
import { BENCH_AS_OF, generateAccounts } from "./accounts.js";

const roundsArg = process.argv.indexOf("--rounds");
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 8;
const WARM = 2; // rounds left out: the JIT's warm-up
const N = 6_000;

/** One loop: µs per account for each round after the warm-up. */
function loop(seed: number): number[] {
  const policy = loadPolicySource({ route: ["cn-default", "us-default", "gb-default"] });
  const texts = generateAccounts(N, seed).map((a) => JSON.stringify(a));
  const out: number[] = [];
  let sink = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const parsed = (function* () {
      for (const t of texts) yield JSON.parse(t) as unknown;
    })();
    const t = performance.now();
    for (const d of decideMany(policy, parsed, { asOf: BENCH_AS_OF })) sink += JSON.stringify(d).length;
    if (r >= WARM) out.push(((performance.now() - t) * 1000) / N);
  }
  if (sink === 0) throw new Error("nothing decided");
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function inThread(seed: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url), { workerData: seed, argv: process.argv.slice(2) });
    w.once("message", resolve);
    w.once("error", reject);
  });
}

function inProcess(seed: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [process.argv[1]!, ...process.argv.slice(2), "--loop", String(seed)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let text = "";
    child.stdout.on("data", (b: Buffer) => {
      text += b.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(text) as number[]) : reject(new Error(`exit ${code}`)),
    );
  });
}

const loopArg = process.argv.indexOf("--loop");
if (!isMainThread) parentPort!.postMessage(loop(workerData as number));
else if (loopArg > 0) process.stdout.write(JSON.stringify(loop(Number(process.argv[loopArg + 1]))));
else {
  const rows: { what: string; us: number[] }[] = [];
  for (let pass = 0; pass < 2; pass++) {
    process.stderr.write(`pass ${pass + 1}: alone, two threads, two processes…\n`);
    rows.push({ what: "one loop alone (a process)", us: await inProcess(7) });
    const threads = await Promise.all([inThread(7), inThread(8)]);
    rows.push({ what: "two loops at once, two worker threads of one process", us: threads.flat() });
    const processes = await Promise.all([inProcess(7), inProcess(8)]);
    rows.push({ what: "two loops at once, two processes", us: processes.flat() });
  }
  const alone = median(rows.filter((r) => r.what.startsWith("one")).flatMap((r) => r.us));
  console.log(
    [
      "",
      `two cores for one workload: ${N.toLocaleString("en-US")} accounts per loop, JSON text → decideMany → JSON text, median µs per account of rounds ${WARM + 1}–${ROUNDS}, two passes`,
      "",
      "| loops | µs per account (median) | slowest round | throughput vs one loop alone |",
      "| --- | ---: | ---: | ---: |",
      ...[
        "one loop alone (a process)",
        "two loops at once, two worker threads of one process",
        "two loops at once, two processes",
      ].map((what) => {
        const us = rows.filter((r) => r.what === what).flatMap((r) => r.us);
        const m = median(us);
        const loops = what.startsWith("one") ? 1 : 2;
        return `| ${what} | ${m.toFixed(0)} | ${Math.max(...us).toFixed(0)} | ${((loops * alone) / m).toFixed(2)}× |`;
      }),
    ].join("\n"),
  );
}
