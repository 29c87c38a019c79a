/**
 * arrears/parallel: batches over worker threads, for Node (the root entry `arrears` stays free of
 * Node built-ins and runs in browsers and edge runtimes). Workers cannot receive a loaded policy
 * (it holds compiled functions), so a pool is given a {@link PolicySource}: plain data from which
 * each worker loads the same policy.
 */
export {
  createDecisionPool,
  type DecideManyParallelOptions,
  type DecisionPool,
  type DecisionPoolOptions,
  decideManyParallel,
  type JsonLinesWritten,
  type ParallelBatchOptions,
} from "./pool.js";
export { loadPolicySource, type PolicySource, type PolicySpec } from "./source.js";
