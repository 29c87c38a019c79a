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

/** One message to a worker. @internal */
export interface ChunkTask {
  /** The batch (a pool may run several): a worker reuses one options object per batch. */
  readonly batch: number;
  /** Input position of `accounts[0]`. */
  readonly base: number;
  readonly accounts: unknown[];
  readonly options: DecideOptions;
  /** Each item as its JSON text (`JSON.stringify(item)`) instead of an object. */
  readonly json: boolean;
  /** The accounts are JSON texts, parsed here (a text that is not JSON is an `INVALID_INPUT` entry). */
  readonly text?: boolean | undefined;
  readonly records?: ChunkRecords | undefined;
}

/** A worker's answer: the items in input order, and which of them are error entries. @internal */
export interface ChunkResult {
  readonly items: (BatchItem | string)[];
  /** Positions in `items` of the error entries. */
  readonly errors: number[];
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

/**
 * Decides a chunk. With `release`, each account is dropped from `task.accounts` once decided (the
 * worker owns its copy): what is decided can be collected young, instead of surviving the chunk
 * and being promoted, which would cost the worker major collections. @internal
 */
export function runChunk(policy: PolicyLike, task: ChunkTask, options: DecideOptions, release = false): ChunkResult {
  const { accounts, records, json } = task;
  const items: (BatchItem | string)[] = new Array(accounts.length);
  const errors: number[] = [];
  for (let i = 0; i < accounts.length; i++) {
    let account = accounts[i];
    if (release) accounts[i] = undefined;
    let unreadable = records === undefined ? null : records.unreadable[i]!;
    if (task.text === true && unreadable === null) {
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
    items[i] = json ? JSON.stringify(item) : item;
  }
  return { items, errors };
}
