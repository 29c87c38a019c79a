import type { z } from "zod";

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
  /** The offending value as received (omitted when the field was missing). */
  received?: unknown;
}

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
  readonly issues: ArrearsIssue[];

  constructor(code: ArrearsErrorCode, issues: ArrearsIssue[], context?: string) {
    const shown = issues.slice(0, 5).map(formatIssue).join("; ");
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : "";
    super(`${context ? context + ": " : ""}${shown}${more}`);
    this.code = code;
    this.issues = issues;
  }

  /** JSON form, so a service can return the error as-is. */
  toJSON(): { name: string; code: ArrearsErrorCode; message: string; issues: ArrearsIssue[] } {
    return { name: this.name, code: this.code, message: this.message, issues: this.issues };
  }
}

/** `contacts[3].at` from `["contacts", 3, "at"]`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out === "" ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out === "" ? "(root)" : out;
}

/** Short, safe rendering of a received value for messages. */
export function showValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? value.slice(0, 57) + "..." : value);
  if (value === null) return "null";
  if (Array.isArray(value)) return `array(${value.length})`;
  if (typeof value === "object") return "object";
  return typeof value;
}

export function formatIssue(issue: ArrearsIssue): string {
  const received = "received" in issue ? `, received ${showValue(issue.received)}` : "";
  return `${formatPath(issue.path)}: ${issue.message}${received}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value?: unknown } {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return { found: false };
    if (!(seg in (cur as object))) return { found: false };
    cur = (cur as Record<PropertyKey, unknown>)[seg as string];
  }
  return { found: true, value: cur };
}

/** Converts a zod error into `ArrearsIssue`s, looking up the received value in `input`. */
export function issuesFromZod(error: z.ZodError, input: unknown, prefix: (string | number)[] = []): ArrearsIssue[] {
  const out: ArrearsIssue[] = [];
  for (const i of error.issues) {
    const path = i.path.filter((p): p is string | number => typeof p !== "symbol");
    if (i.code === "unrecognized_keys") {
      // One issue per unknown key, located at the key itself: typos surface where they are.
      for (const key of i.keys) {
        const at = valueAt(input, [...path, key]);
        out.push({
          path: [...prefix, ...path, key],
          message: "unknown field",
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
