/**
 * What a worker does with one message: decide a chunk of accounts exactly as `decideMany` decides
 * each account (same decisions, same error entries, input positions kept). Pure; the CLI runs it
 * in its own thread too, so that one thread and many give the same bytes. @internal
 */
import type { DecideOptions } from "../decision/index.js";
import { decideOne, type PolicyLike } from "../portfolio/batch.js";
import { type BatchItem, type DecisionError, isDecisionError } from "../portfolio/index.js";

/** Per account of a chunk, where it came from in a file (the CLI's records). @internal */
export interface ChunkRecords {
  /** Record index (0-based, unreadable records counted). */
  readonly index: number[];
  /** 1-based line of the record, 0 when unknown. */
  readonly line: number[];
  /** Why a record could not be read (its account is then null), else null. */
  readonly unreadable: (string | null)[];
}

/**
 * How a chunk's items come back: objects, one JSON text each, or `"jsonl"`: all of them as one
 * block of UTF-8 JSON Lines (`JSON.stringify(item) + "\n"` each, in order). @internal
 */
export type ChunkOutput = "items" | "json" | "jsonl";

/** Records whose index is `k` modulo `n` (the CLI's `--shard k/n`). @internal */
export interface Shard {
  readonly k: number;
  readonly n: number;
}

/**
 * Whole lines of a JSON Lines file as UTF-8 bytes, for a worker to split and parse itself (the
 * reading thread then never makes a string of them). The CLI's reader gives a view of its buffer,
 * valid until it reads on: the pool copies it into a slot, or into a block it moves. @internal
 */
export interface JsonLinesBlock {
  readonly bytes: Uint8Array;
  /** Lines of the file before the block. */
  readonly line: number;
  /** Records (non-blank lines) of the file before the block. */
  readonly index: number;
  /** Decide only this shard's records (the others are counted, not parsed). */
  readonly shard?: Shard | undefined;
}

/**
 * A line of a JSON Lines file as a record's text: without a final `\r`; null for a blank line,
 * which is not a record (it still counts as a line). One definition for every reader. @internal
 */
export function jsonLinesRecord(raw: string): string | null {
  const s = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
  return s.trim() === "" ? null : s;
}

/** One message to a worker. @internal */
export interface ChunkTask {
  /** The batch (a pool may run several): a worker reuses one options object per batch. */
  readonly batch: number;
  /** Input position of `accounts[0]`. */
  readonly base: number;
  readonly accounts: unknown[];
  readonly options: DecideOptions;
  readonly out: ChunkOutput;
  /** The accounts are JSON texts, parsed here (a text that is not JSON is an `INVALID_INPUT` entry). */
  readonly text?: boolean | undefined;
  readonly records?: ChunkRecords | undefined;
  /** Instead of `accounts`: JSON Lines to split here (`accounts` is then empty). */
  readonly block?: JsonLinesBlock | undefined;
  /** `"jsonl"`: the slot of the pool's {@link LentMemory} to write the block into, if it fits. */
  readonly slot?: number | undefined;
  /** `block`'s bytes are this many at the start of the slot (read before the answer is written there). */
  readonly blockInSlot?: number | undefined;
}

/**
 * Memory shared once between the calling thread and every worker, in slots of `slotBytes`: a
 * worker writes a chunk's JSON Lines into the slot its task names, and the calling thread lends
 * the bytes where they lie. A fresh block per chunk would be memory outside V8's heap that only a
 * full collection of the calling thread's heap gives back; a thread that allocates little else
 * reaches that collection through these blocks alone, every few hundred milliseconds. @internal
 */
export interface LentMemory {
  readonly buffer: SharedArrayBuffer;
  readonly slotBytes: number;
}

/** A worker's answer: the items in input order, and which of them are error entries. @internal */
export interface ChunkResult {
  /** The items, objects or JSON texts (empty for `"jsonl"`). */
  readonly items: (BatchItem | string)[];
  /** `"jsonl"`: the items as UTF-8 JSON Lines, in order (absent when written to the task's slot). */
  readonly jsonl?: Uint8Array | undefined;
  /** `"jsonl"` with a slot: the bytes written at the start of the slot. */
  readonly lentBytes?: number | undefined;
  /** How many items (accounts) the chunk had. */
  readonly count: number;
  /** Positions (in input order) of the error entries. */
  readonly errors: number[];
}

// JSON Lines are encoded into one growing scratch block and copied out at the exact size: chunks
// run one at a time per thread, and a worker transfers the copy, so nothing here is shared.
const encoder = new TextEncoder();
let scratch = new Uint8Array(1 << 20);

/** Appends `text` and a newline as UTF-8 at `at`; returns the new length. */
function appendLine(text: string, at: number): number {
  const need = at + text.length * 3 + 1; // a UTF-16 unit is at most 3 bytes of UTF-8
  if (need > scratch.length) {
    const grown = new Uint8Array(Math.max(need, scratch.length * 2));
    grown.set(scratch.subarray(0, at));
    scratch = grown;
  }
  const end = at + encoder.encodeInto(text, scratch.subarray(at)).written;
  scratch[end] = 10;
  return end + 1;
}

/** An error entry of an account read from a file: with its 1-based `line` when known. */
export type RecordError = DecisionError & { line?: number };

/**
 * One record of a file → decision or error entry: an unreadable record is an `INVALID_INPUT`
 * entry; an error entry gets the record's `line` (after `index`) when it is known. @internal
 */
export function decideRecord(
  policy: PolicyLike,
  value: unknown,
  index: number,
  line: number,
  unreadable: string | null,
  options: DecideOptions,
): BatchItem | RecordError {
  const where = line > 0 ? { line } : {};
  if (unreadable !== null)
    return { accountId: null, index, ...where, error: { code: "INVALID_INPUT", message: unreadable, issues: [] } };
  const item = decideOne(policy, value, index, options);
  if (line > 0 && isDecisionError(item)) return { accountId: item.accountId, index, line, error: item.error };
  return item;
}

const decoder = new TextDecoder();

/** A block's records (their texts, indices and lines), as the CLI's line reader makes them. @internal */
export function blockRecords(block: JsonLinesBlock): { accounts: string[]; records: ChunkRecords } {
  const { bytes } = block;
  const accounts: string[] = [];
  const records: ChunkRecords = { index: [], line: [], unreadable: [] };
  let { line, index } = block;
  for (let start = 0; start < bytes.length; ) {
    let nl = bytes.indexOf(10, start);
    if (nl < 0) nl = bytes.length; // the file's last line, without its newline
    line++;
    // A line at a time, each its own string: a slice of one decoded block would keep the whole
    // block alive for as long as any string taken from it (an account id in a decision) lives.
    const record = jsonLinesRecord(decoder.decode(bytes.subarray(start, nl)));
    start = nl + 1;
    if (record === null) continue;
    const i = index++;
    if (block.shard !== undefined && i % block.shard.n !== block.shard.k) continue;
    accounts.push(record);
    records.index.push(i);
    records.line.push(line);
    records.unreadable.push(null);
  }
  return { accounts, records };
}

/**
 * Decides a chunk. With `release`, each account is dropped from `task.accounts` once decided (the
 * worker owns its copy): what is decided can be collected young, instead of surviving the chunk
 * and being promoted, which would cost the worker major collections. @internal
 */
export function runChunk(
  policy: PolicyLike,
  task: ChunkTask,
  options: DecideOptions,
  release = false,
  lent?: LentMemory,
): ChunkResult {
  const { accounts, records } =
    task.block === undefined
      ? task
      : blockRecords(
          task.blockInSlot === undefined || lent === undefined
            ? task.block
            : { ...task.block, bytes: new Uint8Array(lent.buffer, task.slot! * lent.slotBytes, task.blockInSlot) },
        );
  const { out } = task;
  const text = task.text === true || task.block !== undefined;
  const jsonl = out === "jsonl";
  const items: (BatchItem | string)[] = jsonl ? [] : new Array(accounts.length);
  let bytes = 0;
  const errors: number[] = [];
  for (let i = 0; i < accounts.length; i++) {
    let account = accounts[i];
    if (release) accounts[i] = undefined;
    let unreadable = records === undefined ? null : records.unreadable[i]!;
    if (text && unreadable === null) {
      try {
        if (typeof account !== "string") throw new TypeError("expected JSON text");
        account = JSON.parse(account);
      } catch (e) {
        unreadable = `not JSON: ${(e as Error).message}`;
      }
    }
    const item =
      records === undefined && unreadable === null
        ? decideOne(policy, account, task.base + i, options)
        : records === undefined
          ? decideRecord(policy, null, task.base + i, 0, unreadable, options)
          : decideRecord(policy, account, records.index[i]!, records.line[i]!, unreadable, options);
    if (isDecisionError(item)) errors.push(i);
    if (jsonl) bytes = appendLine(JSON.stringify(item), bytes);
    else items[i] = out === "json" ? JSON.stringify(item) : item;
  }
  if (!jsonl) return { items, count: accounts.length, errors };
  if (task.slot !== undefined && lent !== undefined && bytes <= lent.slotBytes) {
    new Uint8Array(lent.buffer, task.slot * lent.slotBytes, bytes).set(scratch.subarray(0, bytes));
    return { items, lentBytes: bytes, count: accounts.length, errors };
  }
  const block = scratch.slice(0, bytes);
  if (scratch.length > 1 << 24) scratch = new Uint8Array(1 << 20); // a huge chunk's scratch is not kept
  return { items, jsonl: block, count: accounts.length, errors };
}
