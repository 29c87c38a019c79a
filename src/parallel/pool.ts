/**
 * Batches over worker threads (tinypool): the accounts go to the workers in chunks, each worker
 * rebuilds the policy from its serialisable source, and the decisions come back in input order.
 */
import type Tinypool from "tinypool";
import * as z from "zod";
import type { DecideOptions } from "../decision/index.js";
import { ArrearsError, asArrearsError } from "../errors/index.js";
import { parseOptions } from "../errors/options.js";
import { isGuardrailProfile } from "../guardrails/index.js";
import { checkBatchOptions } from "../portfolio/batch.js";
import type { BatchItem, DecideManyOptions } from "../portfolio/index.js";
import type { ChunkOutput, ChunkRecords, ChunkResult, ChunkTask, JsonLinesBlock } from "./chunk.js";
import { cloneSource, loadCloned, type PolicySource } from "./source.js";
import type { WorkerData } from "./worker.js";

/** Options of {@link createDecisionPool}. */
export interface DecisionPoolOptions {
  /** Worker threads, 1–256 (default: tinypool's, the machine's available parallelism). */
  threads?: number | undefined;
}

/** Options of a parallel batch: those of `decideMany` (one `asOf`), and how work is split. */
export interface ParallelBatchOptions extends DecideManyOptions {
  /**
   * `"json"`: each input is an account's JSON text (a line of a JSON Lines file, a queue
   * message), parsed by the workers, so the calling thread only passes strings along; a text
   * that is not JSON is an `INVALID_INPUT` error entry (`not JSON: …`). Default `"objects"`.
   */
  input?: "objects" | "json" | undefined;
  /** Accounts per message to a worker, 1–65,536 (default 64). */
  chunkSize?: number | undefined;
  /**
   * Chunks sent to the workers and not yet yielded, at most (default four per thread, at least
   * four): what bounds memory on a stream of accounts, however long.
   */
  maxInFlight?: number | undefined;
}

/** Options of {@link decideManyParallel}: a batch's and the pool's. */
export interface DecideManyParallelOptions extends ParallelBatchOptions, DecisionPoolOptions {}

/**
 * Worker threads that decide batches with one policy source: keep one for the life of a service
 * (the workers load the policy once) and {@link DecisionPool.destroy} it at the end.
 */
export interface DecisionPool {
  /** The number of worker threads. */
  readonly threads: number;
  /**
   * Like `decideMany`: one decision or error entry per account, in input order, with the input
   * positions as `index`. Items are structured clones of what the worker decided (the same
   * JSON, not frozen). Reads the input only as fast as the consumer takes the output.
   *
   * @throws {ArrearsError} `INVALID_OPTIONS` at once for bad options (those `decideMany`
   * rejects, options that are not plain data, a loaded guardrail profile: give its JSON).
   */
  decideMany(
    accounts: Iterable<unknown> | AsyncIterable<unknown>,
    options: ParallelBatchOptions,
  ): AsyncGenerator<BatchItem, void, undefined>;
  /**
   * {@link DecisionPool.decideMany} as JSON text, one string per account, exactly
   * `JSON.stringify` of the item: the workers serialise, which spares the calling thread.
   */
  decideManyJson(
    accounts: Iterable<unknown> | AsyncIterable<unknown>,
    options: ParallelBatchOptions,
  ): AsyncGenerator<string, void, undefined>;
  /**
   * {@link DecisionPool.decideMany} as UTF-8 JSON Lines, for a file, a socket or a queue
   * producer: blocks of bytes in input order, each holding whole lines (`JSON.stringify(item)`
   * and `"\n"` per account, one block per chunk). The fastest way out of a pool: the workers
   * serialise and encode, and the blocks are moved to the calling thread, not copied.
   *
   * @example
   * const out = createWriteStream("decisions.jsonl");
   * for await (const block of pool.decideManyJsonLines(texts, { asOf, input: "json" }))
   *   if (!out.write(block)) await once(out, "drain");
   */
  decideManyJsonLines(
    accounts: Iterable<unknown> | AsyncIterable<unknown>,
    options: ParallelBatchOptions,
  ): AsyncGenerator<Uint8Array, void, undefined>;
  /** Stops the workers (a batch still running fails). Idempotent. */
  destroy(): Promise<void>;
}

/** One account record of the CLI (read, or unreadable with the reason). @internal */
export type InputRecord =
  | { readonly index: number; readonly line: number; readonly value: unknown }
  | { readonly index: number; readonly line: number; readonly text: string }
  | { readonly index: number; readonly line: number; readonly error: string };

const PoolOptionsSchema = z.strictObject({ threads: z.number().int().min(1).max(256).optional() });
const SplitSchema = z.strictObject({
  input: z.enum(["objects", "json"]).optional(),
  chunkSize: z.number().int().min(1).max(65_536).optional(),
  maxInFlight: z.number().int().min(1).max(4096).optional(),
});

// The worker module: from the package, the built worker beside the built code (dist/; the CJS
// build's import.meta.url is its file's URL); from the sources (.ts: the tests, the bench, the CLI
// under tsx), the TypeScript worker through tsx.
function workerFile(): string {
  const here = import.meta.url;
  return new URL(here.endsWith(".ts") ? "./dev-worker.mjs" : "./parallel-worker.js", here).href;
}

// Small chunks: a worker's accounts and answers live only as long as their chunk, so fewer survive
// into the old generation (measured with bench/parallel.ts: 16–1024, 32–64 cost the least CPU per
// account); four per thread keep every worker busy while the calling thread yields a chunk.
const DEFAULT_CHUNK = 64;

interface Split {
  decide: DecideOptions;
  text: boolean;
  chunkSize: number;
  maxInFlight: number;
}

/** Options checked and copied as the workers will see them. */
function splitOptions(options: unknown, threads: number, fn: string): Split {
  if (typeof options !== "object" || options === null) {
    checkBatchOptions(options, fn); // throws INVALID_OPTIONS, as decideMany does
    throw new ArrearsError("INVALID_OPTIONS", [{ path: [], message: "expected options", received: options }], fn);
  }
  const { chunkSize, maxInFlight, input, ...rest } = options as ParallelBatchOptions;
  const split = parseOptions(
    SplitSchema,
    {
      ...(chunkSize === undefined ? {} : { chunkSize }),
      ...(maxInFlight === undefined ? {} : { maxInFlight }),
      ...(input === undefined ? {} : { input }),
    },
    `${fn} options`,
  );
  checkBatchOptions(rest, fn);
  const g = rest.guardrails;
  if (isGuardrailProfile(g) || (Array.isArray(g) && g.some(isGuardrailProfile)))
    throw new ArrearsError(
      "INVALID_OPTIONS",
      [{ path: ["guardrails"], message: "a loaded guardrail profile cannot be sent to a worker: give its JSON" }],
      `${fn} options`,
    );
  let decide: DecideOptions;
  try {
    decide = structuredClone(rest);
  } catch (e) {
    throw new ArrearsError(
      "INVALID_OPTIONS",
      [{ path: [], message: `expected plain data to send to the workers (${(e as Error).name})` }],
      `${fn} options`,
    );
  }
  return {
    decide,
    text: split.input === "json",
    chunkSize: split.chunkSize ?? DEFAULT_CHUNK,
    maxInFlight: split.maxInFlight ?? Math.max(4, 4 * threads),
  };
}

function isIterable(x: unknown): x is Iterable<unknown> {
  try {
    return typeof x === "object" && x !== null && typeof (x as Iterable<unknown>)[Symbol.iterator] === "function";
  } catch {
    return false;
  }
}
function isAsyncIterable(x: unknown): x is AsyncIterable<unknown> {
  try {
    return (
      typeof x === "object" && x !== null && typeof (x as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function"
    );
  } catch {
    return false;
  }
}

function inputIterator(accounts: unknown, fn: string): Iterator<unknown> | AsyncIterator<unknown> {
  if (isIterable(accounts)) return accounts[Symbol.iterator]();
  if (isAsyncIterable(accounts)) return accounts[Symbol.asyncIterator]();
  throw new ArrearsError(
    "INVALID_INPUT",
    [{ path: ["accounts"], message: "expected an iterable or async iterable of accounts", received: accounts }],
    fn,
  );
}

/** The pool and its batches. @internal (the CLI uses {@link PoolImpl.chunks} directly) */
export class PoolImpl implements DecisionPool {
  private batches = 0;
  private destroyed = false;
  constructor(
    private readonly pool: Tinypool,
    readonly threads: number,
  ) {}

  decideMany(
    accounts: Iterable<unknown> | AsyncIterable<unknown>,
    options: ParallelBatchOptions,
  ): AsyncGenerator<BatchItem, void, undefined> {
    return this.flat(accounts, options, "items", "decideMany") as AsyncGenerator<BatchItem, void, undefined>;
  }

  decideManyJson(
    accounts: Iterable<unknown> | AsyncIterable<unknown>,
    options: ParallelBatchOptions,
  ): AsyncGenerator<string, void, undefined> {
    return this.flat(accounts, options, "json", "decideManyJson") as AsyncGenerator<string, void, undefined>;
  }

  decideManyJsonLines(
    accounts: Iterable<unknown> | AsyncIterable<unknown>,
    options: ParallelBatchOptions,
  ): AsyncGenerator<Uint8Array, void, undefined> {
    const split = splitOptions(options, this.threads, "decideManyJsonLines");
    const chunks = this.run(
      inputIterator(accounts, "decideManyJsonLines"),
      split,
      "jsonl",
      "items",
      "decideManyJsonLines",
    );
    return (async function* () {
      for await (const c of chunks) yield c.jsonl!;
    })();
  }

  private flat(
    accounts: unknown,
    options: unknown,
    out: "items" | "json",
    fn: string,
  ): AsyncGenerator<BatchItem | string, void, undefined> {
    const split = splitOptions(options, this.threads, fn);
    const it = inputIterator(accounts, fn);
    const chunks = this.run(it, split, out, "items", fn);
    return (async function* () {
      for await (const c of chunks) yield* c.items;
    })();
  }

  /** The CLI's records, chunk by chunk (in order), as JSON Lines or objects. @internal */
  chunks(
    records: Iterable<InputRecord> | AsyncIterable<InputRecord>,
    options: ParallelBatchOptions,
    out: ChunkOutput,
  ): AsyncGenerator<ChunkResult, void, undefined> {
    const split = splitOptions(options, this.threads, "decide");
    return this.run(inputIterator(records, "decide"), split, out, "records", "decide");
  }

  /**
   * The CLI's JSON Lines file as blocks of bytes, one chunk each (moved to the worker, which
   * splits and parses the lines): the reading thread makes no string of the accounts. @internal
   */
  blocks(
    blocks: Iterable<JsonLinesBlock>,
    options: ParallelBatchOptions,
    out: ChunkOutput,
  ): AsyncGenerator<ChunkResult, void, undefined> {
    const split = splitOptions(options, this.threads, "decide");
    return this.run(inputIterator(blocks, "decide"), split, out, "blocks", "decide");
  }

  /**
   * Reads a chunk, sends it, and keeps at most `maxInFlight` chunks between the input and the
   * consumer; yields the answers in input order. Stopping early (break, an error) closes the
   * input and waits for the chunks already sent.
   */
  private async *run(
    it: Iterator<unknown> | AsyncIterator<unknown>,
    split: Split,
    out: ChunkOutput,
    input: "items" | "records" | "blocks",
    fn: string,
  ): AsyncGenerator<ChunkResult, void, undefined> {
    if (this.destroyed) throw new ArrearsError("INVALID_INPUT", [{ path: [], message: "the pool was destroyed" }], fn);
    const batch = this.batches++;
    const inFlight: Promise<ChunkResult>[] = [];
    let base = 0;
    let ended = false;
    let finished = false;
    const send = (task: ChunkTask, transferList: ArrayBuffer[] = []) => {
      const p = this.pool.run(task, { transferList }) as Promise<ChunkResult>;
      p.catch(() => {}); // rejected before its turn: reported when it is awaited
      inFlight.push(p);
    };
    try {
      for (;;) {
        while (!ended && inFlight.length < split.maxInFlight) {
          if (input === "blocks") {
            const r = await it.next();
            if (r.done) {
              ended = true;
              break;
            }
            const block = r.value as JsonLinesBlock;
            send({ batch, base, accounts: [], options: split.decide, out, block }, [block.bytes.buffer as ArrayBuffer]);
            continue;
          }
          const accounts: unknown[] = [];
          const records: ChunkRecords | undefined =
            input === "records" ? { index: [], line: [], unreadable: [] } : undefined;
          let text = split.text; // the CLI's records say so themselves (JSON Lines read raw)
          while (accounts.length < split.chunkSize) {
            const r = await it.next();
            if (r.done) {
              ended = true;
              break;
            }
            if (records === undefined) accounts.push(r.value);
            else {
              const rec = r.value as InputRecord;
              records.index.push(rec.index);
              records.line.push(rec.line);
              if ("error" in rec) {
                accounts.push(null);
                records.unreadable.push(rec.error);
              } else {
                if ("text" in rec) text = true;
                accounts.push("text" in rec ? rec.text : rec.value);
                records.unreadable.push(null);
              }
            }
          }
          if (accounts.length === 0) break;
          send({ batch, base, accounts, options: split.decide, out, text, records });
          base += accounts.length;
        }
        const next = inFlight.shift();
        if (next === undefined) break;
        let result: ChunkResult;
        try {
          result = await next;
        } catch (e) {
          throw asArrearsError(e, fn);
        }
        yield result;
      }
      finished = true;
    } finally {
      if (!finished) {
        await Promise.allSettled(inFlight);
        if (!ended) await it.return?.();
      }
    }
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    await this.pool.destroy();
  }
}

/**
 * @internal the pool. `loaded`: the caller has already loaded this source itself (the CLI), so
 * it is not loaded here a second time only to be checked (~0.3 s for the shipped policies).
 */
export async function openPool(
  source: PolicySource,
  options: DecisionPoolOptions | undefined,
  loaded = false,
): Promise<PoolImpl> {
  const o = parseOptions(PoolOptionsSchema, options ?? {}, "createDecisionPool options");
  const sent = cloneSource(source);
  if (!loaded) loadCloned(sent); // every problem with the source reported here, before a thread starts
  const { default: Pool } = await import("tinypool");
  const workerData: WorkerData = { source: sent };
  const pool = new Pool({
    filename: workerFile(),
    workerData,
    ...(o.threads === undefined ? {} : { minThreads: o.threads, maxThreads: o.threads }),
  });
  return new PoolImpl(pool, pool.options.maxThreads);
}

/**
 * Starts worker threads that decide with the policy `source` (plain data: see
 * {@link PolicySource}). The source is loaded here first, so an invalid policy fails before any
 * thread starts. Idle workers do not keep the process alive; `destroy()` stops them.
 *
 * @throws {ArrearsError} `INVALID_OPTIONS` for a source that is not plain data of the documented
 * shape, or bad options; `INVALID_POLICY` for an invalid policy.
 *
 * @example
 * const pool = await createDecisionPool({ route: ["cn-default", "us-default", "gb-default"] }, { threads: 4 });
 * try {
 *   for await (const d of pool.decideMany(readJsonLines(file), { asOf })) write(d);
 * } finally {
 *   await pool.destroy();
 * }
 */
export async function createDecisionPool(source: PolicySource, options?: DecisionPoolOptions): Promise<DecisionPool> {
  return openPool(source, options);
}

/**
 * `decideMany` over worker threads: the same items (decisions and error entries, the same JSON)
 * in input order, for an array, a generator or an async stream of accounts, with at most
 * `maxInFlight` chunks of `chunkSize` accounts read ahead. Starts a pool for this batch and
 * destroys it when the batch ends or the consumer stops; to run many batches, keep a
 * {@link createDecisionPool} instead.
 *
 * @throws {ArrearsError} `INVALID_OPTIONS` / `INVALID_POLICY` at the first `next()`, before
 * any account is read.
 *
 * @example
 * for await (const d of decideManyParallel("us-default", accounts, { asOf, threads: 4 })) {
 *   if (isDecisionError(d)) console.warn(d.index, d.error.message);
 * }
 */
export async function* decideManyParallel(
  source: PolicySource,
  accounts: Iterable<unknown> | AsyncIterable<unknown>,
  options: DecideManyParallelOptions,
): AsyncGenerator<BatchItem, void, undefined> {
  const { threads, ...batch } = (
    typeof options === "object" && options !== null ? options : {}
  ) as DecideManyParallelOptions;
  splitOptions(options === null || typeof options !== "object" ? options : batch, 1, "decideManyParallel");
  const pool = await openPool(source, threads === undefined ? {} : { threads });
  try {
    yield* pool.decideMany(accounts, batch);
  } finally {
    await pool.destroy();
  }
}
