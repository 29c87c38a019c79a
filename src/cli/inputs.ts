/**
 * What the commands read: a policy (a JSON file, or the id of a shipped policy) and accounts
 * (JSON Lines, the flat CSV layout, or a JSON array), streamed record by record so memory stays
 * flat however large the file.
 */
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { StringDecoder } from "node:string_decoder";
import {
  isPolicyRouter,
  loadPolicy,
  type PolicyRouter,
  routePolicies,
  shippedRuleFile,
  shippedRuleFiles,
} from "../decision/index.js";
import { ArrearsError, formatIssue } from "../errors/index.js";
import { didYouMean } from "../errors/suggest.js";
import { type JsonLinesBlock, jsonLinesRecord, type Shard } from "../parallel/chunk.js";
import type { PolicySource } from "../parallel/source.js";
import type { Policy } from "../rules/index.js";
import { ACCOUNT_CSV_COLUMNS, CsvError, CsvParser, rowToAccount } from "./csv.js";

/** A problem with how the command was called (exit code 2): a missing file, a bad flag value. */
export class UsageError extends Error {}

/** A file whose contents are wrong (exit code 1): not JSON, not a valid policy. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** JSON text parsed, or an InputError naming the file. */
export function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${path}: not JSON: ${(e as Error).message}`);
  }
}

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** The ids of the shipped policies (`us-default`, `cn-default`, `gb-default`). */
const shippedPolicyIds = (): string[] =>
  shippedRuleFiles()
    .filter((f) => f.kind === "policies")
    .map((f) => f.id);

/** A policy argument: the path of a JSON file, else the id of a shipped policy (`us-default`, `cn-default`). */
function readPolicyJson(arg: string): { json: unknown; source: string } {
  if (isFile(arg) || arg.endsWith(".json") || arg.includes("/") || arg.includes("\\"))
    return { json: parseJson(readText(arg, "policy"), arg), source: arg };
  const ids = shippedPolicyIds();
  if (!ids.includes(arg))
    throw new UsageError(
      `policy ${JSON.stringify(arg)}: no such file, and no shipped policy has this id${didYouMean(arg, ids)} (shipped: ${ids.join(", ")})`,
    );
  return { json: shippedRuleFile("policies", arg), source: `shipped policy ${arg}` };
}

/** Loads a policy argument, or an InputError listing every issue with its path. */
export function loadPolicyArg(arg: string): Policy {
  const { json, source } = readPolicyJson(arg);
  try {
    return loadPolicy(json);
  } catch (e) {
    if (!(e instanceof ArrearsError)) throw e;
    throw new InputError(
      `${source}: invalid policy (${e.issues.length} issue${e.issues.length === 1 ? "" : "s"})`,
      e.issues.map(formatIssue),
    );
  }
}

/**
 * The policy argument of decide and explain: the policy given, or when none is, every shipped
 * policy routed by the account's jurisdiction and currency (`routePolicies`).
 */
export function policyOrShipped(arg: string | undefined): Policy | PolicyRouter {
  return arg === undefined ? routePolicies(shippedPolicyIds().map((id) => loadPolicy(id))) : loadPolicyArg(arg);
}

/**
 * The policy argument as a serialisable source for worker threads (`--threads`): what
 * {@link policyOrShipped} loads, as data. Call it after `policyOrShipped`, which reports a bad
 * argument.
 */
export function policySourceArg(arg: string | undefined): PolicySource {
  if (arg === undefined) return { route: shippedPolicyIds() };
  const { json } = readPolicyJson(arg);
  return { policy: json };
}

/** `us-default@2.1.0`, or for a router its policies. */
export function policyName(p: Policy | PolicyRouter): string {
  return isPolicyRouter(p)
    ? `${p.policies.map((x) => `${x.meta.id}@${x.meta.version}`).join(", ")} (routed by jurisdiction)`
    : `${p.meta.id}@${p.meta.version}`;
}

// ---------------------------------------------------------------------------------------------
// Accounts

/** How an accounts file is laid out. */
export type InputFormat = "jsonl" | "csv" | "json";

/** One account read from a file: its JSON, or why it could not be read. `line` is 1-based (0 when unknown). */
export type AccountRecord =
  | { readonly index: number; readonly line: number; readonly value: unknown }
  | { readonly index: number; readonly line: number; readonly error: string };

/** A record of a JSON Lines file read raw: its text, parsed later (by a worker of --threads). */
type RawRecord = { readonly index: number; readonly line: number; readonly text: string };

export type { Shard };

/**
 * Parses `--shard k/n` (0 ≤ k < n ≤ 1024): this run reads every record and decides those whose
 * index is k modulo n, so that n processes (one per core) share a file without coordinating;
 * their outputs, interleaved line by line in shard order, are the output of one run.
 */
export function shardOption(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(value);
  const k = m === null ? Number.NaN : Number(m[1]);
  const n = m === null ? Number.NaN : Number(m[2]);
  if (!(n >= 1 && n <= 1024 && k < n))
    throw new UsageError(`--shard: expected k/n with 0 <= k < n <= 1024 (e.g. 0/4), got ${JSON.stringify(value)}`);
  return { k, n };
}

const inShard = (index: number, shard: Shard | undefined): boolean =>
  shard === undefined || index % shard.n === shard.k;

function* only<T extends { readonly index: number }>(records: Iterable<T>, shard: Shard | undefined): Generator<T> {
  for (const r of records) if (inShard(r.index, shard)) yield r;
}

/** The format of an accounts file: `--input-format`, else by extension (`-`, stdin, is JSON Lines). */
export function inputFormatOf(path: string, override: string | undefined): InputFormat {
  if (override !== undefined) {
    if (override === "jsonl" || override === "csv" || override === "json") return override;
    throw new UsageError(
      `--input-format: expected jsonl, csv or json${didYouMean(override, ["jsonl", "csv", "json"])}`,
    );
  }
  if (path === "-") return "jsonl";
  const ext = path.toLowerCase().replace(/^.*\./, "");
  if (ext === "jsonl" || ext === "ndjson") return "jsonl";
  if (ext === "csv") return "csv";
  if (ext === "json") return "json";
  throw new UsageError(`${path}: cannot tell the format from the extension; give --input-format jsonl, csv or json`);
}

/** Turns text chunks into account records; `end` flushes. */
interface RecordParser<R = AccountRecord | RawRecord> {
  push(chunk: string): R[];
  end(): R[];
}

class JsonLines implements RecordParser {
  private rest = "";
  private line = 0;
  private index = 0;
  /**
   * Raw: each line's text, not parsed (the same lines, indices and line numbers). A shard's
   * parser counts every record but parses and yields only its own.
   */
  constructor(
    private readonly raw = false,
    private readonly shard?: Shard | undefined,
  ) {}
  push(chunk: string): (AccountRecord | RawRecord)[] {
    const out: (AccountRecord | RawRecord)[] = [];
    const text = this.rest + chunk;
    let start = 0;
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
      this.one(text.slice(start, nl), out);
      start = nl + 1;
    }
    this.rest = text.slice(start);
    return out;
  }
  end(): (AccountRecord | RawRecord)[] {
    const out: (AccountRecord | RawRecord)[] = [];
    if (this.rest !== "") this.one(this.rest, out);
    this.rest = "";
    return out;
  }
  private one(raw: string, out: (AccountRecord | RawRecord)[]): void {
    this.line++;
    const s = jsonLinesRecord(raw);
    if (s === null) return;
    const index = this.index++;
    if (!inShard(index, this.shard)) return;
    if (this.raw) {
      out.push({ index, line: this.line, text: s });
      return;
    }
    try {
      out.push({ index, line: this.line, value: JSON.parse(s) });
    } catch (e) {
      out.push({ index, line: this.line, error: `not JSON: ${(e as Error).message}` });
    }
  }
}

class CsvAccounts implements RecordParser {
  private readonly csv = new CsvParser();
  private header: string[] | null = null;
  private index = 0;
  constructor(private readonly path: string) {}
  push(chunk: string): AccountRecord[] {
    return this.records(this.csv.push(chunk));
  }
  end(): AccountRecord[] {
    try {
      return this.records(this.csv.end());
    } catch (e) {
      if (e instanceof CsvError) throw new InputError(`${this.path}: ${e.message}`);
      throw e;
    }
  }
  private records(rows: { cells: string[]; line: number }[]): AccountRecord[] {
    const out: AccountRecord[] = [];
    for (const row of rows) {
      if (!this.header) {
        this.header = row.cells.map((c) => c.trim());
        const missing = ACCOUNT_CSV_COLUMNS.filter((c) => c !== "jurisdiction" && !this.header!.includes(c));
        if (missing.length > 0)
          throw new InputError(
            `${this.path}: the header lacks ${missing.join(", ")}`,
            missing.map((m) => `column ${m}${didYouMean(m, this.header!)}`),
          );
        continue;
      }
      const index = this.index++;
      if (row.cells.length !== this.header.length)
        out.push({ index, line: row.line, error: `${row.cells.length} cells, the header has ${this.header.length}` });
      else
        out.push({
          index,
          line: row.line,
          value: rowToAccount(Object.fromEntries(this.header.map((h, i) => [h, row.cells[i]!]))),
        });
    }
    return out;
  }
}

// The JSON Lines parser keeps only its shard's records (the others are counted, not parsed); a
// CSV parser reads them all and they are filtered after it.
const csvShard = (format: InputFormat, shard: Shard | undefined): Shard | undefined =>
  format === "csv" ? shard : undefined;

function parserFor(format: "jsonl" | "csv", path: string, shard: Shard | undefined): RecordParser<AccountRecord> {
  // Parsed (not raw) JSON Lines give account records only.
  return format === "jsonl" ? (new JsonLines(false, shard) as RecordParser<AccountRecord>) : new CsvAccounts(path);
}

function* jsonArray(path: string, text: string): Generator<AccountRecord> {
  const json = parseJson(text, path);
  const list = Array.isArray(json) ? json : [json];
  for (let i = 0; i < list.length; i++) yield { index: i, line: 0, value: list[i] };
}

/**
 * Accounts of a file (or `-`, stdin, as JSON Lines or CSV), read line by line with readline.
 *
 * @throws {UsageError} when the file cannot be opened; {@link InputError} for a bad CSV header.
 */
export async function* readAccounts(
  path: string,
  format: InputFormat,
  stdin: NodeJS.ReadableStream,
  shard?: Shard | undefined,
): AsyncGenerator<AccountRecord> {
  if (format === "json") {
    yield* only(jsonArray(path, path === "-" ? await readAll(stdin) : readText(path, "accounts")), shard);
    return;
  }
  const rest = csvShard(format, shard);
  for await (const r of readLines(path, parserFor(format, path, shard), stdin) as AsyncGenerator<AccountRecord>)
    if (inShard(r.index, rest)) yield r;
}

/**
 * The records of a JSON Lines file (or `-`) as text, not parsed: the same records, indices and
 * line numbers as {@link readAccounts}, for the workers of `--threads` to parse. A file is read
 * synchronously (see {@link readAccountsSync}), standard input through readline.
 */
export function readJsonLinesRaw(
  path: string,
  stdin: NodeJS.ReadableStream,
  shard?: Shard | undefined,
): Iterable<RawRecord> | AsyncIterable<RawRecord> {
  const parser = new JsonLines(true, shard) as RecordParser<RawRecord>;
  return path === "-" ? (readLines(path, parser, stdin) as AsyncGenerator<RawRecord>) : readRecordsSync(path, parser);
}

async function* readLines(
  path: string,
  parser: RecordParser,
  stdin: NodeJS.ReadableStream,
): AsyncGenerator<AccountRecord | RawRecord> {
  const input = path === "-" ? stdin : await openStream(path);
  for await (const line of createInterface({ input, crlfDelay: Infinity })) yield* parser.push(`${line}\n`);
  yield* parser.end();
}

async function openStream(path: string): Promise<NodeJS.ReadableStream> {
  const stream = createReadStream(path, { encoding: "utf8" });
  await new Promise<void>((resolve, reject) => {
    stream.once("open", () => resolve());
    stream.once("error", (e: NodeJS.ErrnoException) =>
      reject(new UsageError(`cannot read accounts ${path}: ${e.code ?? e.message}`)),
    );
  });
  return stream;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += typeof chunk === "string" ? chunk : (chunk as Buffer).toString("utf8");
  return text;
}

/**
 * Accounts of a file, read synchronously in 64 KiB chunks (for the library's synchronous
 * consumers: `summarizePortfolio`, `comparePolicies`); memory stays flat as with {@link readAccounts}.
 *
 * @throws {UsageError} when the file cannot be opened, or for `-` (standard input).
 */
export function* readAccountsSync(
  path: string,
  format: InputFormat,
  shard?: Shard | undefined,
): Generator<AccountRecord> {
  if (path === "-") throw new UsageError("standard input (-) is read only by decide with --format jsonl: give a file");
  if (format === "json") {
    yield* only(jsonArray(path, readText(path, "accounts")), shard);
    return;
  }
  const rest = csvShard(format, shard);
  yield* only(readRecordsSync(path, parserFor(format, path, shard)), rest);
}

/** An accounts file's descriptor, or a UsageError naming the file and why. */
function openAccounts(path: string): number {
  try {
    return openSync(path, "r");
  } catch (e) {
    throw new UsageError(`cannot read accounts ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** A file through a record parser, read synchronously in 64 KiB chunks. */
function* readRecordsSync<R>(path: string, parser: RecordParser<R>): Generator<R> {
  const fd = openAccounts(path);
  try {
    const decoder = new StringDecoder("utf8");
    const buf = Buffer.alloc(64 * 1024);
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) yield* parser.push(decoder.write(buf.subarray(0, n)));
    yield* parser.push(decoder.end());
    yield* parser.end();
  } finally {
    closeSync(fd);
  }
}

const isAsciiSpace = (b: number): boolean => b === 32 || (b >= 9 && b <= 13);
const lineDecoder = new TextDecoder();

/** Whether bytes `[start, end)` are a blank line, exactly as {@link jsonLinesRecord} decides. */
function blankLine(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (isAsciiSpace(b)) continue;
    // Other ASCII is not blank; beyond ASCII (a BOM, a no-break space…) ask the string rule.
    return b < 0x80 ? false : jsonLinesRecord(lineDecoder.decode(bytes.subarray(start, end))) === null;
  }
  return true;
}

/**
 * A JSON Lines file as blocks of whole lines of about `records` records each, split and parsed
 * by whoever decides them (`runChunk`: a worker of `--threads`, or this thread): the reader only
 * finds the line ends and counts lines and records (so that every record keeps its file index and
 * line number), and never makes a string of an account. Read synchronously in 1 MiB chunks; each
 * block is a copy of its own (it may be moved to a worker).
 *
 * @throws {UsageError} when the file cannot be opened.
 */
export function* readJsonLinesBlocks(path: string, shard: Shard | undefined, records = 64): Generator<JsonLinesBlock> {
  const fd = openAccounts(path);
  try {
    let data = Buffer.alloc(1 << 20);
    let have = 0; // bytes of `data` in use: the current block's lines so far, then unread
    let blockStart = 0;
    let scanned = 0; // where the next line starts
    let line = 0;
    let index = 0;
    let blockLine = 0;
    let blockIndex = 0;
    const block = (end: number): JsonLinesBlock => {
      const b: JsonLinesBlock = {
        bytes: data.subarray(blockStart, end), // a view: valid until the next block is asked for
        line: blockLine,
        index: blockIndex,
        ...(shard === undefined ? {} : { shard }),
      };
      blockStart = end;
      blockLine = line;
      blockIndex = index;
      return b;
    };
    for (;;) {
      if (have === data.length) {
        // Keep the unfinished block at the front; grow when one block fills the buffer.
        const keep = data.subarray(blockStart, have);
        const next = keep.length > data.length / 2 ? Buffer.alloc(data.length * 2) : data;
        keep.copy(next, 0);
        scanned -= blockStart;
        have = keep.length;
        blockStart = 0;
        data = next;
      }
      const n = readSync(fd, data, have, data.length - have, null);
      have += n;
      for (let nl = data.indexOf(10, scanned); nl >= 0 && nl < have; nl = data.indexOf(10, scanned)) {
        line++;
        if (!blankLine(data, scanned, nl)) index++;
        scanned = nl + 1;
        if (index - blockIndex >= records) yield block(scanned);
      }
      if (n === 0) break;
    }
    if (scanned < have) {
      line++; // the last line, without a newline
      if (!blankLine(data, scanned, have)) index++;
    }
    if (have > blockStart) yield block(have);
  } finally {
    closeSync(fd);
  }
}
