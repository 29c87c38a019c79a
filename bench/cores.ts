/**
 * `npm run bench:cores`: what two cores give this workload before any pool or queue is involved.
 *
 * One loop (JSON text → `decideMany` → JSON text, generated accounts, shipped policies routed,
 * messages rendered) is timed round by round in a worker thread while, on the other core, a
 * neighbour thread runs, round by round in turn: nothing; an integer loop (arithmetic on a 256 KB
 * array: no allocation); the same decision loop. The neighbour changes every round, so the
 * machine's drift (a shared VM's speed can change by 2× within minutes) falls on every column
 * alike. If the loop is slower beside a copy of itself, two threads (or processes) share less than
 * two cores' worth, and no pool can beat `2 × alone / beside itself`: that is the ceiling printed.
 *
 *   node bench/bundled.mjs bench/cores.ts [--rounds n]   (rounds per neighbour, default 8)
 */

import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { decideMany } from "../src/index.js";
import { loadPolicySource } from "../src/parallel/index.js";
import { BENCH_AS_OF, generateAccounts } from "./accounts.js";

const roundsArg = process.argv.indexOf("--rounds");
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 8;
const N = 1_500; // accounts per round: ~0.3–0.6 s
const NEIGHBOURS = ["nothing", "integer loop", "decision loop"] as const;

// Shared between the threads: [0] the neighbour's task (0 idle, 1 integer, 2 decide, 3 stop),
// [1] set by the neighbour once it runs that task (-1 while it warms up).
type Role = { role: "measured" | "neighbour"; flags: Int32Array };

function decisionLoop(seed: number): () => number {
  const policy = loadPolicySource({ route: ["cn-default", "us-default", "gb-default"] });
  const texts = generateAccounts(N, seed).map((a) => JSON.stringify(a));
  let i = 0;
  // One account per call: the neighbour checks its flag between accounts.
  return () => {
    const text = texts[i++ % N]!;
    let n = 0;
    for (const d of decideMany(policy, [JSON.parse(text) as unknown], { asOf: BENCH_AS_OF }))
      n += JSON.stringify(d).length;
    return n;
  };
}

function integerSlice(a: Int32Array): number {
  let x = a[0]! | 1;
  for (let i = 0; i < 200_000; i++) {
    x = (Math.imul(x, 1103515245) + 12345) | 0;
    a[i & 0xffff] = (a[i & 0xffff]! + x) | 0;
  }
  return x;
}

function neighbour(flags: Int32Array): void {
  const decide = decisionLoop(8);
  const ints = new Int32Array(1 << 16);
  for (let i = 0; i < 2 * N; i++) decide(); // the JIT's warm-up, before any round is timed
  let sink = 0;
  for (;;) {
    const task = Atomics.load(flags, 0);
    if (task === 3) break;
    Atomics.store(flags, 1, task);
    if (task === 0) Atomics.wait(flags, 0, 0, 50);
    else if (task === 1) sink += integerSlice(ints);
    else sink += decide();
  }
  parentPort!.postMessage(sink);
}

function measured(flags: Int32Array): void {
  const decide = decisionLoop(7);
  for (let i = 0; i < 2 * N; i++) decide();
  const us: number[][] = NEIGHBOURS.map(() => []);
  for (let r = 0; r < ROUNDS * NEIGHBOURS.length; r++) {
    const task = r % NEIGHBOURS.length;
    Atomics.store(flags, 0, task);
    Atomics.notify(flags, 0);
    while (Atomics.load(flags, 1) !== task); // until the neighbour has switched
    const t = performance.now();
    for (let i = 0; i < N; i++) decide();
    us[task]!.push(((performance.now() - t) * 1000) / N);
  }
  Atomics.store(flags, 0, 3);
  Atomics.notify(flags, 0);
  parentPort!.postMessage(us);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (!isMainThread) {
  const { role, flags } = workerData as Role;
  if (role === "neighbour") neighbour(flags);
  else measured(flags);
} else {
  const flags = new Int32Array(new SharedArrayBuffer(8));
  flags[1] = -1; // until the neighbour has warmed up
  const start = (role: Role["role"]) => {
    const w = new Worker(new URL(import.meta.url), { workerData: { role, flags } satisfies Role });
    return new Promise<unknown>((resolve, reject) => {
      w.once("message", resolve);
      w.once("error", reject);
    });
  };
  process.stderr.write(`${ROUNDS} rounds beside each neighbour, in turn…\n`);
  const [us] = (await Promise.all([start("measured"), start("neighbour")])) as [number[][], number];
  const m = us.map(median);
  const alone = m[0]!;
  console.log(
    [
      "",
      `two cores for one workload: a decision loop (JSON text → decideMany → JSON text, shipped policies routed) timed over ${N.toLocaleString("en-US")} accounts a round, ${ROUNDS} rounds beside each neighbour, neighbours in turn`,
      "",
      "| on the other core | µs per account (median) | slowest round | vs alone |",
      "| --- | ---: | ---: | ---: |",
      ...NEIGHBOURS.map(
        (what, i) =>
          `| ${what} | ${m[i]!.toFixed(0)} | ${Math.max(...us[i]!).toFixed(0)} | ${(m[i]! / alone).toFixed(2)}× the time |`,
      ),
      "",
      `Ceiling for two threads or processes on this machine: 2 × ${alone.toFixed(0)} / ${m[2]!.toFixed(0)} = **${((2 * alone) / m[2]!).toFixed(2)}×** one loop's throughput.`,
    ].join("\n"),
  );
}
