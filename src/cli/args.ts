/** Command-line arguments (`node:util` parseArgs) and the exit codes every command uses. */
import { parseArgs } from "node:util";
import { didYouMean } from "../errors/suggest.js";
import { InstantSchema } from "../model/index.js";
import { UsageError } from "./inputs.js";

/** Exit codes: 0 success; 1 the files are wrong (invalid policy, failed checks or tests); 2 bad usage; 3 some accounts could not be decided. */
export const EXIT = { ok: 0, failed: 1, usage: 2, partial: 3 } as const;

type OptionSpec = { type: "string" | "boolean"; short?: string };

/**
 * Parses a command's arguments: known options only (with "did you mean"), positionals counted.
 *
 * @throws {UsageError} for an unknown option, a missing value, or the wrong number of positionals.
 */
export function parse<const O extends Record<string, OptionSpec>>(
  argv: readonly string[],
  options: O,
  positionals: { min: number; max: number; usage: string },
): { values: { [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : string }; positionals: string[] } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    const err = e as Error & { code?: string };
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(err.message)?.[1];
    if (unknown)
      throw new UsageError(
        `unknown option ${unknown}${didYouMean(unknown.replace(/^-+/, ""), Object.keys(options)).replace(/"([^"]+)"\?$/, '"--$1"?')}\n${positionals.usage}`,
      );
    throw new UsageError(`${err.message.replace(/\. To specify.*$/s, "")}\n${positionals.usage}`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) throw new HelpRequest(positionals.usage);
  const pos = parsed.positionals;
  if (pos.length < positionals.min || pos.length > positionals.max)
    throw new UsageError(
      `${pos.length < positionals.min ? "missing arguments" : `unexpected argument ${JSON.stringify(pos[positionals.max])}`}\n${positionals.usage}`,
    );
  return { values: values as never, positionals: pos };
}

/** `--help` was given: print the usage and exit 0. */
export class HelpRequest extends Error {}

/** A `--format` value among `allowed` (the first is the default). */
export function formatOption<T extends string>(value: string | undefined, allowed: readonly T[]): T {
  if (value === undefined) return allowed[0]!;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--format: expected ${allowed.join(" or ")}${didYouMean(value, allowed)}`);
}

/**
 * The `--as-of` instant: required (the library never reads the clock); `now` reads it here.
 *
 * @throws {UsageError} when missing or not an ISO instant with offset.
 */
export function asOfOption(value: string | undefined, now: () => number): string {
  if (value === undefined)
    throw new UsageError("--as-of is required: an ISO instant with offset (2026-11-23T10:00:00+08:00), or now");
  if (value === "now") return new Date(now()).toISOString();
  if (!InstantSchema.safeParse(value).success)
    throw new UsageError(
      `--as-of ${JSON.stringify(value)}: expected an ISO instant with offset (2026-11-23T10:00:00+08:00, …Z), or now`,
    );
  return value;
}

/** A non-negative integer option (`--examples 5`). */
export function countOption(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new UsageError(`--${name}: expected an integer from 0 to ${max}`);
  return n;
}
