import type { z } from "zod";
import { ArrearsError, issuesFromZod, readInput } from "./index.js";

/**
 * Validates an options object against its strict schema: every function's options go through
 * this, so an unknown key (`{ trce: "all" }`) is an `INVALID_OPTIONS` error with "did you mean",
 * never silently ignored. @internal
 */
export function parseOptions<S extends z.ZodType>(schema: S, options: unknown, context: string): z.infer<S> {
  const r = readInput("INVALID_OPTIONS", context, () => schema.safeParse(options));
  if (!r.success) throw new ArrearsError("INVALID_OPTIONS", issuesFromZod(r.error, options, [], schema), context);
  return r.data;
}

/**
 * The error for options a hand-written fast check rejected: the schema says exactly why.
 * @internal
 */
export function optionsError(schema: z.ZodType, options: unknown, context: string): ArrearsError {
  let r: ReturnType<z.ZodType["safeParse"]>;
  try {
    r = readInput("INVALID_OPTIONS", context, () => schema.safeParse(options));
  } catch (e) {
    return e as ArrearsError; // readInput throws only ArrearsErrors
  }
  return new ArrearsError(
    "INVALID_OPTIONS",
    r.success
      ? [{ path: [], message: "expected an options object", received: options }]
      : issuesFromZod(r.error, options, [], schema),
    context,
  );
}
