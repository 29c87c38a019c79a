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
import type { ChunkOutput, ChunkRecords, ChunkResult, ChunkTask, JsonLinesBlock, LentMemory } from "./chunk.js";
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
   * and `"\n"` per account, one block per chunk), yours to keep: the workers serialise and
   * encode, and the blocks are moved to the calling thread, not copied. When each block is
   * written out before the next is needed, {@link DecisionPool.writeJsonLines} is faster.
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
  /**
   * {@link DecisionPool.decideManyJsonLines} handed to `write` block by block, in input order,
   * without a new block per chunk: the fastest way out of a pool. Each block is **lent**: its
   * bytes are valid until `write` returns or, if it returns a promise, until that settles; the
   * memory then holds a later chunk. Write it, hash it, or copy it (`block.slice()`) to keep it.
   * The next block is not handed over before then (backpressure).
   *
   * Why: a fresh block per chunk is memory outside V8's heap, which only a full collection of the
   * calling thread's heap gives back; a thread that does little else but pass blocks along
   * reaches such a collection through the blocks alone, and its cost comes out of the workers'
   * cores. Lent blocks lie in memory shared with the workers once, when the pool starts.
   *
   * The pool's slots (one per chunk a default batch keeps in flight, and one more, 1 MiB each)
   * serve one batch at full speed; a chunk that finds none free (batches at once) or needs more
   * than a slot is moved as with `decideManyJsonLines`, and `write` sees no difference.
   *
   * @returns how many accounts were decided, and how many of them are error entries.
   * @throws {ArrearsError} `INVALID_OPTIONS` for bad options or a `write` that is not a function
   * (the promise rejects before any account is read); an error thrown (or a promise rejected) by
   * `write` ends the batch, after the chunks already sent, and is rethrown as it is.
   *
   * @example
   * const fd = openSync("decisions.jsonl", "w");
   * const { accounts, errors } = await pool.writeJsonLines(texts, { asOf, input: "json" }, (block) => {
   *   writeSync(fd, block);
   * });
   * // a stream: (block) => new Promise((done) => out.write(block, () => done()))
   */
  writeJsonLines(
    accounts: Iterable<unknown> | AsyncIterable<unknown>,
    options: ParallelBatchOptions,
    write: (block: Uint8Array) => void | PromiseLike<void>,
  ): Promise<JsonLinesWritten>;
  /** Stops the workers (a batch still running fails). Idempotent. */
  destroy(): Promise<void>;
}

/** What {@link DecisionPool.writeJsonLines} wrote. */
export interface JsonLinesWritten {
  /** Accounts decided (lines written). */
  readonly accounts: number;
  /** Of them, error entries. */
  readonly errors: number;
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
// A default chunk's JSON Lines are 0.3–0.8 MB (decisions of 5–12 kB); a larger one is moved.
const SLOT_BYTES = 1 << 20;
const MAX_SLOTS = 65;

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
  private readonly freeSlots: number[];
  constructor(
    private readonly pool: Tinypool,
    readonly threads: number,
    private readonly lent: LentMemory,
  ) {
    this.freeSlots = Array.from({ length: lent.buffer.byteLength / lent.slotBytes }, (_, i) => i);
  }

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

  async writeJsonLines(
    accounts: Iterable<unknown> | AsyncIterable<unknown>,
    options: ParallelBatchOptions,
    write: (block: Uint8Array) => void | PromiseLike<void>,
  ): Promise<JsonLinesWritten> {
    const fn = "writeJsonLines";
    const split = splitOptions(options, this.threads, fn);
    if (typeof write !== "function")
      throw new ArrearsError(
        "INVALID_OPTIONS",
        [{ path: ["write"], message: "expected a function of a block", received: write }],
        fn,
      );
    let n = 0;
    let errors = 0;
    for await (const c of this.run(inputIterator(accounts, fn), split, "jsonl", "items", fn, true)) {
      n += c.count;
      errors += c.errors.length;
      await write(c.jsonl!);
    }
    return { accounts: n, errors };
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
    lend = false,
  ): AsyncGenerator<ChunkResult, void, undefined> {
    const split = splitOptions(options, this.threads, "decide");
    return this.run(inputIterator(records, "decide"), split, out, "records", "decide", lend);
  }

  /**
   * The CLI's JSON Lines file as blocks of bytes, one chunk each (moved to the worker, which
   * splits and parses the lines): the reading thread makes no string of the accounts. With
   * `lend`, each `jsonl` block is valid only until the next chunk is asked for. @internal
   */
  blocks(
    blocks: Iterable<JsonLinesBlock>,
    options: ParallelBatchOptions,
    out: ChunkOutput,
    lend = false,
  ): AsyncGenerator<ChunkResult, void, undefined> {
    const split = splitOptions(options, this.threads, "decide");
    return this.run(inputIterator(blocks, "decide"), split, out, "blocks", "decide", lend);
  }

  /**
   * Reads a chunk, sends it, and keeps at most `maxInFlight` chunks between the input and the
   * consumer; yields the answers in input order. Stopping early (break, an error) closes the
   * input and waits for the chunks already sent. With `lend`, JSON Lines go through the pool's
   * shared slots: a yielded block is valid until the consumer asks for the next one.
   */
  private async *run(
    it: Iterator<unknown> | AsyncIterator<unknown>,
    split: Split,
    out: ChunkOutput,
    input: "items" | "records" | "blocks",
    fn: string,
    lend = false,
  ): AsyncGenerator<ChunkResult, void, undefined> {
    if (this.destroyed) throw new ArrearsError("INVALID_INPUT", [{ path: [], message: "the pool was destroyed" }], fn);
    const batch = this.batches++;
    const inFlight: { result: Promise<ChunkResult>; slot: number | undefined }[] = [];
    const free = this.freeSlots; // shared by every batch of the pool
    let held: number | undefined; // the slot of the block the consumer has
    let base = 0;
    let ended = false;
    let finished = false;
    const send = (task: ChunkTask) => {
      // No slot free (other batches hold them): the block is made and moved instead.
      const slot = lend && out === "jsonl" ? free.pop() : undefined;
      let sent: ChunkTask = slot === undefined ? task : { ...task, slot };
      const transferList: ArrayBuffer[] = [];
      if (task.block !== undefined) {
        const { bytes } = task.block;
        if (slot !== undefined && bytes.length <= this.lent.slotBytes) {
          new Uint8Array(this.lent.buffer, slot * this.lent.slotBytes, bytes.length).set(bytes);
          sent = { ...sent, block: { ...task.block, bytes: new Uint8Array(0) }, blockInSlot: bytes.length };
        } else {
          const own = new Uint8Array(bytes); // a copy (the reader's may be a Buffer, whose slice is a view)
          sent = { ...sent, block: { ...task.block, bytes: own } };
          transferList.push(own.buffer);
        }
      }
      const result = this.pool.run(sent, { transferList }) as Promise<ChunkResult>;
      result.catch(() => {}); // rejected before its turn: reported when it is awaited
      inFlight.push({ result, slot });
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
            // The reader's block is a view of its buffer: copied now, into a slot or a block to move.
            const block = r.value as JsonLinesBlock;
            send({ batch, base, accounts: [], options: split.decide, out, block });
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
        if (held !== undefined) free.push(held); // the consumer asked for more: done with it
        held = undefined;
        const next = inFlight.shift();
        if (next === undefined) break;
        let result: ChunkResult;
        try {
          result = await next.result;
        } catch (e) {
          if (next.slot !== undefined) free.push(next.slot);
          throw asArrearsError(e, fn);
        }
        if (next.slot !== undefined) {
          if (result.lentBytes === undefined)
            free.push(next.slot); // too large for it: moved
          else {
            held = next.slot;
            const { lentBytes, ...rest } = result;
            const { buffer, slotBytes } = this.lent;
            result = { ...rest, jsonl: new Uint8Array(buffer, held * slotBytes, lentBytes) };
          }
        }
        yield result;
      }
      finished = true;
    } finally {
      if (held !== undefined) free.push(held);
      if (!finished) {
        await Promise.allSettled(inFlight.map((f) => f.result));
        if (!ended) await it.return?.();
      }
      // A slot comes back once its task has settled: no worker writes it any more.
      for (const f of inFlight) if (f.slot !== undefined) free.push(f.slot);
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
  // A slot per chunk a default batch keeps in flight, and one for the block being written. Without
  // `threads` (tinypool's default, the machine's cores, is not read here) the most a default batch
  // can use; slots are taken last-in first-out, so only those a batch uses are ever touched.
  const slots = o.threads === undefined ? MAX_SLOTS : Math.min(Math.max(4, 4 * o.threads), MAX_SLOTS - 1) + 1;
  const lent: LentMemory = {
    buffer: new SharedArrayBuffer(slots * SLOT_BYTES),
    slotBytes: SLOT_BYTES,
  };
  const workerData: WorkerData = { source: sent, lent };
  const pool = new Pool({
    filename: workerFile(),
    workerData,
    ...(o.threads === undefined ? {} : { minThreads: o.threads, maxThreads: o.threads }),
  });
  return new PoolImpl(pool, pool.options.maxThreads, lent);
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
