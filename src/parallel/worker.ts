/**
 * The worker thread of `arrears/parallel` (built as `dist/parallel-worker.js`): loads the policy
 * source the pool was created with, once, and decides the chunks it is sent.
 */
import Tinypool, { kTransferable, kValue, type Transferable } from "tinypool";
import type { DecideOptions } from "../decision/index.js";
import type { PolicyLike } from "../portfolio/batch.js";
import { type ChunkResult, type ChunkTask, type LentMemory, runChunk } from "./chunk.js";
import { loadCloned, type PolicySource } from "./source.js";

/** What the pool gives each worker at start. @internal */
export interface WorkerData {
  readonly source: PolicySource;
  /** The pool's slots for JSON Lines (shared once, at start). */
  readonly lent: LentMemory;
}

let policy: PolicyLike | undefined;
let batch = -1;
let options: DecideOptions | undefined;

export default function decideChunk(task: ChunkTask): ChunkResult | ReturnType<typeof Tinypool.move> {
  policy ??= loadCloned((Tinypool.workerData as WorkerData).source);
  // One options object per batch: decide caches per options object (guardrail overrides).
  if (task.batch !== batch || options === undefined) {
    batch = task.batch;
    options = task.options;
  }
  const result = runChunk(policy, task, options, true, (Tinypool.workerData as WorkerData).lent);
  // JSON Lines blocks are moved, not copied: the calling thread gets bytes it can write as they
  // are, where strings cost it a copy each and their collection (measured: ~58 µs of its CPU per
  // account, and ~50 µs more in V8's GC helpers, on two cores shared with the workers).
  if (result.jsonl === undefined) return result;
  const moved: Transferable = { [kTransferable]: [result.jsonl.buffer], [kValue]: result };
  return Tinypool.move(moved);
}
