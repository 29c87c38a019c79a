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

/**
 * `--shard k/n`: this run reads every record and decides those whose index is k modulo n, so
 * that n processes (one per core) share a file without coordinating; their outputs, interleaved
 * line by line in shard order, are the output of one run.
 */
export interface Shard {
  readonly k: number;
  readonly n: number;
}

/** Parses `k/n` (0 ≤ k < n ≤ 1024). */
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
    const s = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (s.trim() === "") return;
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
 * line numbers as {@link readAccounts}, for the workers of `--threads` to parse.
 */
export function readJsonLinesRaw(
  path: string,
  stdin: NodeJS.ReadableStream,
  shard?: Shard | undefined,
): AsyncGenerator<RawRecord> {
  return readLines(path, new JsonLines(true, shard), stdin) as AsyncGenerator<RawRecord>;
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
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    throw new UsageError(`cannot read accounts ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    const parser = parserFor(format, path, shard);
    const rest = csvShard(format, shard);
    const decoder = new StringDecoder("utf8");
    const buf = Buffer.alloc(64 * 1024);
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf))
      yield* only(parser.push(decoder.write(buf.subarray(0, n))), rest);
    yield* only(parser.push(decoder.end()), rest);
    yield* only(parser.end(), rest);
  } finally {
    closeSync(fd);
  }
}
