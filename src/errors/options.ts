import type { z } from "zod";
import { ArrearsError, issuesFromZod } from "./index.js";

/**
 * Validates an options object against its strict schema: every function's options go through
 * this, so an unknown key (`{ trce: "all" }`) is an `INVALID_OPTIONS` error with "did you mean",
 * never silently ignored. @internal
 */
export function parseOptions<S extends z.ZodType>(schema: S, options: unknown, context: string): z.infer<S> {
  const r = schema.safeParse(options);
  if (!r.success) throw new ArrearsError("INVALID_OPTIONS", issuesFromZod(r.error, options, [], schema), context);
  return r.data;
}

/**
 * The error for options a hand-written fast check rejected: the schema says exactly why.
 * @internal
 */
export function optionsError(schema: z.ZodType, options: unknown, context: string): ArrearsError {
  const r = schema.safeParse(options);
  return new ArrearsError(
    "INVALID_OPTIONS",
    r.success
      ? [{ path: [], message: "expected an options object", received: options }]
      : issuesFromZod(r.error, options, [], schema),
    context,
  );
}
