import * as z from "zod";
import { InstantSchema, IsoDateSchema } from "../model/index.js";

/** The options `decide` (and `decideMany`) accept: strict, so a misspelt option is an error. @internal */
export const DecideOptionsSchema = z.strictObject({
  asOf: InstantSchema,
  guardrails: z.unknown().optional(),
  render: z.boolean().optional(),
  lender: z.record(z.string(), z.unknown()).optional(),
  variant: z.string().optional(),
  trace: z.enum(["fired", "all"]).optional(),
  contactTimePrior: z
    .strictObject({
      hourly: z.array(z.number().min(0).max(1)).length(24),
      strength: z.number().min(0).max(100_000).optional(),
    })
    .optional(),
  calendars: z.record(z.string().max(64), z.array(IsoDateSchema).max(2_000)).optional(),
  lenient: z.boolean().optional(),
});
