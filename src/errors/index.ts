import type { z } from "zod";
import { didYouMean } from "./suggest.js";

/** Machine-readable category of an {@link ArrearsError}. */
export type ArrearsErrorCode =
  | "INVALID_ACCOUNT"
  | "INVALID_OPTIONS"
  | "INVALID_POLICY"
  | "INVALID_SCORECARD"
  | "INVALID_BUCKET_SCHEME"
  | "INVALID_GUARDRAIL_PROFILE"
  | "INVALID_TEMPLATE"
  | "INVALID_OFFER"
  | "INVALID_EXPERIMENT"
  | "INVALID_INPUT"
  | "INTERNAL";

/** One problem found in an input, located by its path from the input's root. */
export interface ArrearsIssue {
  /** Path segments from the root, e.g. `["contacts", 3, "at"]`. */
  path: (string | number)[];
  /** Human-readable message, e.g. `expected an ISO instant with offset`. */
  message: string;
  /**
   * A safe preview of the offending value (omitted when the field was missing): numbers, booleans,
   * null and short strings as received; long strings cut to a preview with their length; personal
   * fields (names, phone numbers, notes, references, addresses) masked; objects and arrays
   * described, never copied. The full value is available from {@link ArrearsError.receivedValue}.
   */
  received?: unknown;
}

/** At most this many issues are kept on an error (the rest are counted in `omittedIssues`). */
export const MAX_ISSUES = 100;
const SHOWN_IN_MESSAGE = 5;
const MAX_TEXT = 300;
const MAX_PREVIEW = 60;
// Fields whose content is personal data or free text: never repeated into an error. `name` is
// personal under a person (borrower, a contact party), not as a rule's or template's name.
const PERSONAL = new Set([
  "note",
  "notes",
  "phone",
  "mobile",
  "email",
  "address",
  "ref",
  "agentId",
  "recordingRef",
  "collectorId",
  "relationship",
  "visitNotes",
]);
const PERSON_HOLDERS = new Set(["borrower", "party", "emergencyContacts", "parties", "visit"]);

function isPersonal(path: readonly (string | number)[]): boolean {
  let last: string | undefined;
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === "string") {
      if (last === undefined) {
        last = seg;
        if (PERSONAL.has(seg)) return true;
        if (seg !== "name") return false;
      } else if (PERSON_HOLDERS.has(seg)) return true;
    }
  }
  return false;
}

function cap(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + "…";
}

/** The safe preview of a received value at `path` (see {@link ArrearsIssue.received}). @internal */
function previewValue(value: unknown, path: readonly (string | number)[]): unknown {
  try {
    return preview(value, path);
  } catch {
    return "<unreadable>"; // a revoked proxy, a trap that throws
  }
}

function preview(value: unknown, path: readonly (string | number)[]): unknown {
  const personal = isPersonal(path);
  if (typeof value === "string") {
    if (personal) return `<masked: ${value.length} characters>`;
    // Idempotent: a preview is itself at most MAX_PREVIEW characters.
    return value.length <= MAX_PREVIEW ? value : `${value.slice(0, MAX_PREVIEW - 3)}...`;
  }
  if (value === null || typeof value === "number" || typeof value === "boolean" || value === undefined) {
    if (typeof value === "number" && personal) return "<masked: number>";
    return value;
  }
  if (Array.isArray(value)) return `<array(${value.length})>`;
  if (typeof value === "object") return `<object>`;
  return `<${typeof value}>`;
}

const ERROR_CODES: ReadonlySet<string> = new Set<ArrearsErrorCode>([
  "INVALID_ACCOUNT",
  "INVALID_OPTIONS",
  "INVALID_POLICY",
  "INVALID_SCORECARD",
  "INVALID_BUCKET_SCHEME",
  "INVALID_GUARDRAIL_PROFILE",
  "INVALID_TEMPLATE",
  "INVALID_OFFER",
  "INVALID_EXPERIMENT",
  "INVALID_INPUT",
  "INTERNAL",
]);

function isErrorCode(code: unknown): code is ArrearsErrorCode {
  return typeof code === "string" && ERROR_CODES.has(code);
}

/** Text of anything, never throwing (a Symbol, a throwing toString, a revoked proxy). */
function safeText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return `<${typeof value}>`;
  }
}

/**
 * One issue as given, read defensively: the path as strings and numbers (others as text), the
 * message as text, the received value when present. Issues come from our own validators, but
 * the constructor is public and must not fail on what it reports.
 */
function readIssue(i: unknown): {
  path: (string | number)[];
  message: string;
  hasReceived: boolean;
  received: unknown;
} {
  try {
    const o = (typeof i === "object" && i !== null ? i : {}) as Partial<ArrearsIssue>;
    const rawPath: unknown = o.path;
    const path = Array.isArray(rawPath)
      ? rawPath.slice(0, 64).map((p: unknown) => (typeof p === "string" || typeof p === "number" ? p : safeText(p)))
      : [];
    const hasReceived = "received" in o;
    return { path, message: safeText(o.message), hasReceived, received: hasReceived ? o.received : undefined };
  } catch {
    return { path: [], message: "<unreadable issue>", hasReceived: false, received: undefined };
  }
}

/** Registered brand of ArrearsError instances, shared by every copy of arrears in a process. */
const ARREARS_ERROR: unique symbol = Symbol.for("arrears.error");

/**
 * The only error type `arrears` throws for bad input. `code` says what was being read,
 * `issues` lists every problem with its path and the value received.
 *
 * @example
 * try { parseAccount(input) } catch (e) {
 *   if (e instanceof ArrearsError) console.log(e.code, e.issues[0].path)
 * }
 */
export class ArrearsError extends Error {
  override readonly name = "ArrearsError";
  readonly code: ArrearsErrorCode;
  /** The problems found, safe to log (see {@link ArrearsIssue.received}); at most {@link MAX_ISSUES}. */
  readonly issues: ArrearsIssue[];
  /** How many further issues were found beyond those kept in `issues`. */
  readonly omittedIssues: number;
  readonly #raw: unknown[];

  constructor(code: ArrearsErrorCode, issues: ArrearsIssue[], context?: string) {
    // Total over any arguments (it is public, and it reports bad input): whatever it is given,
    // it builds an error rather than throwing a TypeError of its own.
    let total = 0;
    let kept: unknown[] = [];
    try {
      if (Array.isArray(issues)) {
        total = issues.length;
        kept = issues.slice(0, MAX_ISSUES);
      }
    } catch {
      total = 0; // a revoked proxy, a throwing getter
      kept = [];
    }
    const raw: unknown[] = [];
    const safe = kept.map((i): ArrearsIssue => {
      const issue = readIssue(i);
      raw.push(issue.received);
      const path = issue.path.map((p) => (typeof p === "string" ? cap(p, 80) : p));
      const out: ArrearsIssue = { path, message: cap(issue.message, MAX_TEXT) };
      if (issue.hasReceived) out.received = previewValue(issue.received, issue.path);
      return out;
    });
    const shown = safe.slice(0, SHOWN_IN_MESSAGE).map(formatIssue).join("; ");
    const more = total > SHOWN_IN_MESSAGE ? ` (and ${total - SHOWN_IN_MESSAGE} more)` : "";
    const ctx = typeof context === "string" && context !== "" ? `${cap(context, 120)}: ` : "";
    super(`${ctx}${shown}${more}`);
    this.code = isErrorCode(code) ? code : "INTERNAL";
    this.issues = safe;
    this.omittedIssues = total - kept.length;
    this.#raw = raw;
  }

  /**
   * The full value received for `issues[index]`, exactly as given. It may contain personal data:
   * read it to debug, do not log it.
   */
  receivedValue(index: number): unknown {
    return this.#raw[index];
  }

  /** JSON form, so a service can return the error as-is (safe to log). */
  toJSON(): { name: string; code: ArrearsErrorCode; message: string; issues: ArrearsIssue[]; omittedIssues: number } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      issues: this.issues,
      omittedIssues: this.omittedIssues,
    };
  }

  /**
   * `instanceof ArrearsError` also holds for errors thrown by another copy of arrears in the same
   * process (its ESM and CJS builds both loaded): every copy's prototype carries the registered
   * `ARREARS_ERROR` brand. (So ArrearsError is not meant to be subclassed.)
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && ARREARS_ERROR in value;
  }
}
Object.defineProperty(ArrearsError.prototype, ARREARS_ERROR, { value: true });

/** `contacts[3].at` from `["contacts", 3, "at"]`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg !== "string") out += `[${typeof seg === "number" ? seg : safeText(seg)}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out === "" ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out === "" ? "(root)" : out;
}

/** Short rendering of an (already previewed) received value for messages. */
function showValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "string") {
    // Descriptions read as before ("received object", "received array(2)"); masks stay visible.
    const described = /^<(object|array\(\d+\)|\w+)>$/.exec(value);
    if (described) return described[1]!;
    return value.startsWith("<masked") ? value : JSON.stringify(value);
  }
  return String(value);
}

export function formatIssue(issue: ArrearsIssue): string {
  const received = "received" in issue ? `, received ${showValue(previewValue(issue.received, issue.path))}` : "";
  return `${cap(formatPath(issue.path), 200)}: ${issue.message}${received}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value?: unknown } {
  let cur: unknown = root;
  try {
    for (const seg of path) {
      if (cur === null || typeof cur !== "object") return { found: false };
      // A data property only: reading a getter could run (and fail in) the caller's code.
      const d = Object.getOwnPropertyDescriptor(cur, seg);
      if (d === undefined || !("value" in d)) return { found: false };
      cur = d.value;
    }
  } catch {
    return { found: false }; // a proxy whose traps throw, a revoked proxy
  }
  return { found: true, value: cur };
}

/**
 * Converts a zod error into `ArrearsIssue`s, looking up the received value in `input`. With the
 * `schema` that failed, an unknown field also gets a "did you mean" among the fields allowed there.
 */
export function issuesFromZod(
  error: z.ZodError,
  input: unknown,
  prefix: (string | number)[] = [],
  schema?: z.ZodType,
): ArrearsIssue[] {
  try {
    return zodIssues(error, input, prefix, schema);
  } catch {
    // zod finishes its issues lazily, reading the input again (a revoked proxy throws then).
    return [
      { path: prefix, message: "could not read the input (a getter, a proxy or a value that cannot be converted)" },
    ];
  }
}

function zodIssues(
  error: z.ZodError,
  input: unknown,
  prefix: (string | number)[],
  schema: z.ZodType | undefined,
): ArrearsIssue[] {
  const out: ArrearsIssue[] = [];
  for (const i of error.issues) {
    const path = i.path.filter((p): p is string | number => typeof p !== "symbol");
    if (i.code === "unrecognized_keys") {
      // One issue per unknown key, located at the key itself: typos surface where they are.
      const known = schema ? objectKeysAt(schema, path) : [];
      for (const key of i.keys) {
        // Past the issues an error keeps, only counted ("… and K more"): 10,000 unknown keys
        // were 10,000 did-you-mean searches (fuzz case accounts:7629).
        if (out.length >= MAX_ISSUES) {
          out.push({ path: [...prefix, ...path, key], message: "unknown field" });
          continue;
        }
        const at = valueAt(input, [...path, key]);
        out.push({
          path: [...prefix, ...path, key],
          message: `unknown field${didYouMean(key, known)}`,
          ...(at.found ? { received: at.value } : {}),
        });
      }
      continue;
    }
    const at = valueAt(input, path);
    // zod's texts repeat the received value ("…, received number"); we report it once, exactly.
    let message = i.message.replace(/^Invalid (input|option): /, "").replace(/, received [^,]*$/, "");
    if (i.code === "invalid_type" && !at.found) message = "required";
    const issue: ArrearsIssue = { path: [...prefix, ...path], message };
    if (at.found) issue.received = at.value;
    out.push(issue);
  }
  return out;
}

/** Result of a `safe*` function: never throws for bad input. */
export type SafeResult<T> = { success: true; data: T } | { success: false; error: ArrearsError };

// The fields a (strict) object schema allows at `path`, looking through optional, default,
// nullable, array and pipe wrappers; empty when the path leads elsewhere.
function objectKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let cur: unknown = schema;
  let i = 0;
  for (let guard = 0; guard < 200 && cur; guard++) {
    const def = (cur as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return [];
    const type = def.type;
    if (type === "object") {
      const shape = def.shape as Record<string, unknown>;
      if (i === path.length) return Object.keys(shape);
      const seg = path[i++];
      cur = typeof seg === "string" && Object.hasOwn(shape, seg) ? shape[seg] : undefined;
    } else if (type === "array") {
      if (i === path.length) return [];
      i++;
      cur = def.element;
    } else if (type === "pipe") cur = def.in;
    else if ("innerType" in def) cur = def.innerType;
    else return [];
  }
  return [];
}

/**
 * Runs `read`, a reading of caller data (a zod parse, a walk of a rule file), and turns a failure
 * to read it into an `ArrearsError` of `code`: a getter or a proxy trap that throws, a revoked
 * proxy, a value that cannot be converted, or nesting too deep for the stack. An ArrearsError
 * passes through. The original failure is kept for debugging ({@link internalCause}), never in
 * the message. @internal
 *
 * @example
 * const r = readInput("INVALID_EXPERIMENT", "experiment", () => ExperimentSchema.safeParse(json));
 */
export function readInput<T>(code: ArrearsErrorCode, context: string, read: () => T): T {
  try {
    const r = read();
    // A failed zod parse builds its error on first read, reading the input again: built here, so
    // that a revoked proxy or a throwing getter met then is caught too (the error is cached).
    if (typeof r === "object" && r !== null && (r as { success?: unknown }).success === false)
      void (r as { error?: unknown }).error;
    return r;
  } catch (e) {
    if (e instanceof ArrearsError) throw e;
    const what = e instanceof Error ? e.name : typeof e;
    const deep = e instanceof RangeError;
    const error = new ArrearsError(
      code,
      [
        {
          path: [],
          message: deep
            ? `could not read the input (${what}): nested too deeply`
            : `could not read the input (${what} thrown while reading it: a getter, a proxy or a value that cannot be converted)`,
        },
      ],
      context,
    );
    internalCauses.set(error, e);
    return rethrow(error);
  }
}

/**
 * An own data property of a caller's object, read without running its code (no getter, no
 * proxy trap that throws): for naming a rule file in an error before it is validated.
 * @internal
 *
 * @example
 * ownField(json, "id"); // "cn-m", or undefined
 */
export function ownField(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null) return undefined;
  try {
    const d = Object.getOwnPropertyDescriptor(value, key);
    return d !== undefined && "value" in d ? d.value : undefined;
  } catch {
    return undefined;
  }
}

function rethrow(e: ArrearsError): never {
  throw e;
}

/**
 * The error as an `ArrearsError`: an unexpected failure (a bug, or a host limit such as a stack
 * overflow) becomes code `INTERNAL` with no data from the input. @internal
 */
export function asArrearsError(e: unknown, context?: string): ArrearsError {
  if (e instanceof ArrearsError) return e;
  const what = e instanceof Error ? e.name : typeof e;
  const wrapped = new ArrearsError(
    "INTERNAL",
    [{ path: [], message: `internal error (${what}); please report it` }],
    context,
  );
  internalCauses.set(wrapped, e);
  return wrapped;
}

// The failure behind each INTERNAL (or unreadable-input) error, for debugging only: kept apart
// from the error (never in its message, JSON or `cause`, which loggers print) because it may
// carry input data. Keyed by the error we made, so it lives exactly as long as that error.
const internalCauses = new WeakMap<ArrearsError, unknown>();

/**
 * The original failure behind an error made by {@link asArrearsError} (`INTERNAL`) or
 * {@link readInput} (a RangeError, a TypeError, the caller's own exception …), for tests and
 * debugging; undefined for any other error. May contain input data: do not log it. @internal
 */
export function internalCause(e: ArrearsError): unknown {
  return internalCauses.get(e);
}
