/**
 * The worker thread of `arrears/parallel` (built as `dist/parallel-worker.js`): loads the policy
 * source the pool was created with, once, and decides the chunks it is sent.
 */
import Tinypool from "tinypool";
import type { DecideOptions } from "../decision/index.js";
import type { PolicyLike } from "../portfolio/batch.js";
import { type ChunkResult, type ChunkTask, runChunk } from "./chunk.js";
import { loadCloned, type PolicySource } from "./source.js";

/** What the pool gives each worker at start. @internal */
export interface WorkerData {
  readonly source: PolicySource;
}

let policy: PolicyLike | undefined;
let batch = -1;
let options: DecideOptions | undefined;

export default function decideChunk(task: ChunkTask): ChunkResult {
  policy ??= loadCloned((Tinypool.workerData as WorkerData).source);
  // One options object per batch: decide caches per options object (guardrail overrides).
  if (task.batch !== batch || options === undefined) {
    batch = task.batch;
    options = task.options;
  }
  return runChunk(policy, task, options, true);
}
