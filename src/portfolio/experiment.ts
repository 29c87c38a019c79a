import * as z from "zod";
import { ArrearsError, issuesFromZod, readInput } from "../errors/index.js";
import { sharedRegistry } from "../util/shared.js";
import { hashToUnit } from "./hash.js";

// An experiment splits traffic a few ways; names and salts are short.
const MAX_VARIANTS = 100;
const MAX_TEXT = 200;

const VariantSchema = z.strictObject({
  name: z.string().min(1, "expected a non-empty variant name").max(MAX_TEXT),
  /** Relative share of traffic; weights need not sum to 1 (they are normalised). */
  weight: z.number().finite().min(0, "expected a weight ≥ 0"),
});

/**
 * zod schema of a champion/challenger experiment (source of {@link Experiment}).
 *
 * @example
 * ExperimentSchema.safeParse({ id: "q4", salt: "2026-q4", variants: [{ name: "champion", weight: 9 }, { name: "challenger", weight: 1 }] }).success; // true
 */
export const ExperimentSchema = z
  .strictObject({
    id: z.string().min(1, "expected a non-empty experiment id").max(MAX_TEXT),
    /** Changing the salt reshuffles every account; keep it fixed for the life of the experiment. */
    salt: z.string().max(MAX_TEXT),
    variants: z.array(VariantSchema).min(1, "expected at least one variant").max(MAX_VARIANTS),
  })
  .superRefine((e, ctx) => {
    const seen = new Map<string, number>();
    e.variants.forEach((v, i) => {
      const prev = seen.get(v.name);
      if (prev !== undefined)
        ctx.addIssue({
          code: "custom",
          path: ["variants", i, "name"],
          message: `duplicate variant name (also variants[${prev}])`,
          input: v.name,
        });
      else seen.set(v.name, i);
    });
    if (e.variants.length > 0 && e.variants.every((v) => v.weight === 0))
      ctx.addIssue({ code: "custom", path: ["variants"], message: "at least one variant needs a weight above 0" });
  });

/** A champion/challenger experiment: `{id, salt, variants: [{name, weight}]}`. */
export type Experiment = z.infer<typeof ExperimentSchema>;

/** A validated experiment with precomputed cumulative shares (from {@link loadExperiment}). */
export interface CompiledExperiment {
  readonly id: string;
  readonly salt: string;
  readonly variants: readonly { readonly name: string; readonly weight: number }[];
  /** Upper bound in [0, 1] of each variant's slice of the unit interval. */
  readonly cumulative: readonly number[];
}

const compiled = sharedRegistry("portfolio.experiments/v1", () => new WeakSet<object>());

/**
 * Validates an experiment and precomputes the variants' slices of [0, 1), for fast repeated
 * assignment. Passing an already loaded experiment returns it unchanged.
 *
 * @throws {ArrearsError} `INVALID_EXPERIMENT`, e.g. `variants[1].name: duplicate variant name (also variants[0])`.
 *
 * @example
 * const exp = loadExperiment({ id: "q4-calls", salt: "2026-q4", variants: [
 *   { name: "champion", weight: 80 }, { name: "challenger", weight: 20 }] });
 */
export function loadExperiment(experiment: unknown): CompiledExperiment {
  if (typeof experiment === "object" && experiment !== null && compiled.has(experiment))
    return experiment as CompiledExperiment;
  const r = readInput("INVALID_EXPERIMENT", "experiment", () => ExperimentSchema.safeParse(experiment));
  if (!r.success) throw new ArrearsError("INVALID_EXPERIMENT", issuesFromZod(r.error, experiment), "experiment");
  const e = r.data;
  const total = e.variants.reduce((s, v) => s + v.weight, 0);
  let acc = 0;
  const cumulative = e.variants.map((v) => (acc += v.weight) / total);
  const out: CompiledExperiment = Object.freeze({
    id: e.id,
    salt: e.salt,
    variants: Object.freeze(e.variants.map((v) => Object.freeze({ name: v.name, weight: v.weight }))),
    cumulative: Object.freeze(cumulative),
  });
  compiled.add(out);
  return out;
}

/**
 * The variant an account belongs to: deterministic (same experiment, same id → same variant,
 * in every run, process and version) and proportional to the weights.
 *
 * Algorithm, fixed as part of the public contract: `u = murmur3x86_32(utf8(salt + ":" + accountId), seed 0) / 2^32`,
 * then the first variant (in the listed order) whose cumulative normalised weight exceeds `u`.
 * Adding a variant at the end or changing weights moves only the accounts whose `u` falls in a
 * changed slice; changing the salt reshuffles everyone.
 *
 * @throws {ArrearsError} `INVALID_EXPERIMENT` for a malformed experiment, `INVALID_INPUT` for a non-string id.
 *
 * @example
 * const exp = { id: "q4", salt: "2026-q4", variants: [{ name: "champion", weight: 90 }, { name: "challenger", weight: 10 }] };
 * assignVariant(exp, "A1"); // "champion" (always, for this salt and id)
 */
export function assignVariant(experiment: Experiment | CompiledExperiment | unknown, accountId: string): string {
  const e = loadExperiment(experiment);
  if (typeof accountId !== "string" || accountId.length === 0)
    throw new ArrearsError(
      "INVALID_INPUT",
      [{ path: ["accountId"], message: "expected a non-empty string", received: accountId }],
      "assignVariant",
    );
  const u = hashToUnit(e.salt + ":" + accountId);
  const cum = e.cumulative;
  for (let i = 0; i < cum.length; i++) if (u < cum[i]! && e.variants[i]!.weight > 0) return e.variants[i]!.name;
  // Only reachable through float rounding at the top of the interval: the last weighted variant.
  for (let i = cum.length - 1; i >= 0; i--) if (e.variants[i]!.weight > 0) return e.variants[i]!.name;
  /* c8 ignore next */
  return e.variants[0]!.name;
}
