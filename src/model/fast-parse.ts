/**
 * The fast path of account validation: a validator generated once from the zod schema itself (a
 * walk of its definition), so zod stays the single source of what is valid. For a plain JSON
 * account it checks every field and builds the very value zod would return (same keys in the same
 * order, same defaults, refinements and cross-checks run through zod's own check functions),
 * deep-frozen as it goes, with none of zod's per-node payloads and issue bookkeeping: one
 * generated function per object schema, reading and writing its fields by their literal names.
 *
 * It only ever answers "valid, here is the value" or "not sure": anything invalid or unusual (a
 * wrong type, an unknown key, an object that is not a plain object, a check that reports an issue
 * or is asynchronous, a thrown error) makes it give up, and the caller then runs zod, whose result
 * (error messages and paths included) is authoritative. A schema construct it does not know, or a
 * runtime that forbids generated code (a strict Content Security Policy, some edge runtimes, or
 * zod's own `jitless` setting), leaves it off, and every parse is zod's.
 * test/model/fast-parse.test.ts checks that the two paths agree on valid, corrupted and hostile
 * accounts. @internal
 */
import * as z from "zod";

/** Returned by a generated node when the input is invalid or the fast path is not sure. */
const GIVE_UP: unique symbol = Symbol("give up");

/** The parts of a zod 4 schema's internals the compiler reads (`schema._zod`). */
interface ZodInternals {
  def: Record<string, unknown> & { type: string; checks?: ZodCheckLike[] };
  traits: Set<string>;
  optin?: "optional" | "defaulted" | undefined;
  optout?: "optional" | undefined;
  values?: Set<unknown> | undefined;
}
interface ZodLike {
  _zod: ZodInternals;
}
interface ZodCheckLike {
  _zod: {
    def: { check: string; when?: (payload: Payload) => boolean; [k: string]: unknown };
    check: (payload: Payload) => unknown;
  };
}
interface Payload {
  value: unknown;
  issues: unknown[];
  [k: string]: unknown;
}

/** Thrown while compiling a schema construct the fast path does not mirror. */
class Unsupported extends Error {}

const OBJECT_PROTO = Object.prototype;

/**
 * zod's own check function as a predicate of a parsed value, on a payload of our own: exact,
 * whatever the check measures (string lengths in code points, number formats, refinements).
 */
function viaZod(check: ZodCheckLike): (value: unknown) => boolean {
  const { def } = check._zod;
  return (value) => {
    const payload: Payload = { value, issues: [] };
    if (def.when !== undefined && !def.when(payload)) return true;
    const r = check._zod.check(payload);
    if (r instanceof Promise) return false; // asynchronous: zod's synchronous parse throws
    // A check that rewrote the value (an overwrite) would change the result: not ours to mirror.
    return payload.issues.length === 0 && payload.value === value;
  };
}

const CHECKS_VIA_ZOD = new Set([
  "custom",
  "greater_than",
  "less_than",
  "number_format",
  "string_format",
  "length_equals",
  "multiple_of",
]);

// How zod assigns a key of an object's result (its optin / optout), mirrored.
const REQUIRED = 0; // the key must be present
const OPTIONAL = 1; // optional in and out: kept when present
const DEFAULTED = 2; // defaulted, not optional out: always assigned
const KEPT_WHEN_SET = 3; // otherwise: kept when the value is defined or the key present

/** A primitive, or an array or plain object of primitives (a default we can copy as zod does). */
function isFlat(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return typeof value !== "function";
  if (!Array.isArray(value) && Object.getPrototypeOf(value) !== OBJECT_PROTO) return false;
  return Object.values(value).every((x) => typeof x !== "object" || x === null);
}

/** A default value as zod hands it out (its getter makes a fresh shallow copy), frozen. */
function frozen(value: unknown): unknown {
  return typeof value === "object" && value !== null ? Object.freeze(value) : value;
}

/** A generated function of one schema node: its name, and whether a give-up always means "zod rejects". */
interface Emitted {
  name: string;
  /** True for leaves: a union may try its next option only after an exact rejection. */
  exact: boolean;
}

/** Generates the source of the validator, one function per schema node. */
class Generator {
  private readonly consts: unknown[] = [];
  private readonly decls: string[] = [];
  private readonly memo = new Map<ZodLike, Emitted>();

  /** A value the generated code refers to (a check, a set, a schema's predicate). */
  constant(value: unknown): string {
    this.consts.push(value);
    return `k${this.consts.length - 1}`;
  }

  private fn(body: string[]): string {
    const name = `f${this.decls.length}`;
    this.decls.push(`function ${name}(v) {\n  ${body.join("\n  ")}\n}`);
    return name;
  }

  /** Lines that return GIVE_UP unless `v` passes the checks zod runs after parsing `schema`. */
  private checks(schema: ZodLike): string[] {
    const own = schema._zod.def.checks ?? [];
    const all = schema._zod.traits.has("$ZodCheck") ? [schema as unknown as ZodCheckLike, ...own] : own;
    return all.map((check) => {
      const def = check._zod.def;
      if ((check as unknown) === schema && schema._zod.def.type === "custom" && def.when === undefined) {
        // z.custom's own predicate: a truthy result passes, as in zod (a promise is async: give up).
        const fn = this.constant(schema._zod.def.fn);
        return `{ const r = ${fn}(v); if (r !== true && (!r || r instanceof Promise)) return G; }`;
      }
      // Lengths: UTF-16 units first; within the maximum in units is within it in code points, and
      // twice the minimum in units always reaches the minimum. Otherwise zod's check decides.
      if (def.check === "max_length" && typeof def.maximum === "number")
        return `if (v.length > ${def.maximum} && !${this.constant(viaZod(check))}(v)) return G;`;
      if (def.check === "min_length" && typeof def.minimum === "number")
        return `if (v.length < ${2 * def.minimum} && !${this.constant(viaZod(check))}(v)) return G;`;
      // Numbers: the same comparisons as zod's; a safe integer passes zod's safeint format.
      if ((def.check === "greater_than" || def.check === "less_than") && typeof def.value === "number")
        return `if (!(v ${def.check === "greater_than" ? ">" : "<"}${def.inclusive ? "=" : ""} ${def.value})) return G;`;
      if (def.check === "number_format" && def.format === "safeint")
        return `if (!Number.isSafeInteger(v) && !${this.constant(viaZod(check))}(v)) return G;`;
      if (!CHECKS_VIA_ZOD.has(def.check)) throw new Unsupported(`check ${def.check}`);
      return `if (!${this.constant(viaZod(check))}(v)) return G;`;
    });
  }

  /** A node whose parse returns its input unchanged once `test` holds. */
  private leaf(schema: ZodLike, test: string): Emitted {
    return { name: this.fn([`if (!(${test})) return G;`, ...this.checks(schema), "return v;"]), exact: true };
  }

  /** A node computing its value into `r`, then zod's checks on it, then returning it. */
  private computed(schema: ZodLike, body: string[]): string {
    const checks = this.checks(schema);
    if (checks.length === 0) return this.fn(["let r;", ...body, "return r;"]);
    return this.fn(["let r;", ...body, "if (r === G) return G;", "{ const v = r;", ...checks, "}", "return r;"]);
  }

  emit(schema: ZodLike): Emitted {
    let e = this.memo.get(schema);
    if (e === undefined) {
      e = this.emitNew(schema);
      this.memo.set(schema, e);
    }
    return e;
  }

  private emitNew(schema: ZodLike): Emitted {
    const zod = schema._zod;
    const def = zod.def;
    if (def.coerce) throw new Unsupported("coerce");
    switch (def.type) {
      case "string":
        return this.leaf(schema, `typeof v === "string"`);
      case "number":
        return this.leaf(schema, `typeof v === "number" && Number.isFinite(v)`);
      case "boolean":
        return this.leaf(schema, `typeof v === "boolean"`);
      case "null":
        return this.leaf(schema, `v === null`);
      case "enum": {
        if (!(zod.values instanceof Set)) throw new Unsupported("enum values");
        return this.leaf(schema, `${this.constant(zod.values)}.has(v)`);
      }
      case "custom":
        return this.leaf(schema, "true");
      case "optional": {
        const inner = def.innerType as ZodLike;
        const f = this.emit(inner);
        // Absent stays absent, unless the inner schema substitutes a default.
        const absent = inner._zod.optin === "defaulted" ? `${f.name}(v)` : "undefined";
        return {
          name: this.computed(schema, [`r = v === undefined ? ${absent} : ${f.name}(v);`]),
          exact: f.exact && !def.checks?.length,
        };
      }
      case "default": {
        // zod does not parse a default: it substitutes a fresh shallow copy of it.
        if (!isFlat(def.defaultValue)) throw new Unsupported("nested default value");
        const fallback = this.constant(() => frozen(def.defaultValue));
        const f = this.emit(def.innerType as ZodLike).name;
        return {
          name: this.computed(schema, [
            `if (v === undefined) r = ${fallback}();`,
            `else { r = ${f}(v); if (r === undefined) r = ${fallback}(); }`,
          ]),
          exact: false,
        };
      }
      case "prefault": {
        // A prefault is parsed: the default input goes through the inner schema.
        const input = this.constant(() => def.defaultValue);
        const f = this.emit(def.innerType as ZodLike).name;
        return { name: this.computed(schema, [`r = ${f}(v === undefined ? ${input}() : v);`]), exact: false };
      }
      case "union": {
        if (def.discriminator !== undefined || def.inclusive === false) throw new Unsupported("union kind");
        const options = (def.options as ZodLike[]).map((o) => this.emit(o));
        // The first option that accepts wins, as in zod; after a give-up that is not an exact
        // rejection (an unusual object), the next option must not be tried: give up.
        const body = ["let r;"];
        for (const o of options) {
          body.push(`r = ${o.name}(v);`, "if (r !== G) return r;");
          if (!o.exact) break;
        }
        body.push("return G;");
        const checks = this.checks(schema);
        if (checks.length > 0) throw new Unsupported("union checks");
        return { name: this.fn(body), exact: options.every((o) => o.exact) };
      }
      case "array":
        return { name: this.array(schema), exact: false };
      case "object":
        return { name: this.object(schema), exact: false };
      case "record":
        return { name: this.record(schema), exact: false };
      default:
        throw new Unsupported(def.type);
    }
  }

  private array(schema: ZodLike): string {
    const def = schema._zod.def;
    const element = this.emit(def.element as ZodLike).name;
    // zod rejects an array over its size cap before reading the items: give up as early.
    let cap = Number.POSITIVE_INFINITY;
    for (const c of def.checks ?? [])
      if (c._zod.def.check === "max_length") cap = Math.min(cap, c._zod.def.maximum as number);
    return this.fn([
      "if (!Array.isArray(v)) return G;",
      "const n = v.length;",
      ...(Number.isFinite(cap) ? [`if (n > ${cap}) return G;`] : []),
      "const out = new Array(n);",
      `for (let i = 0; i < n; i++) { const r = ${element}(v[i]); if (r === G) return G; out[i] = r; }`,
      "Object.freeze(out);",
      "{ const v = out;",
      ...this.checks(schema),
      "}",
      "return out;",
    ]);
  }

  private object(schema: ZodLike): string {
    const def = schema._zod.def;
    const shape = def.shape as Record<string, ZodLike>;
    const catchall = def.catchall as ZodLike | undefined;
    // Strict objects (catchall never) reject unknown keys; plain objects strip them.
    if (catchall !== undefined && catchall._zod.def.type !== "never") throw new Unsupported("catchall");
    if (Object.getOwnPropertySymbols(shape).length > 0) throw new Unsupported("symbol keys");
    const allKeys = Object.keys(shape);
    // zod never copies a declared __proto__ into its result.
    const keys = allKeys.filter((k) => k !== "__proto__");
    const lit = (k: string) => JSON.stringify(k);
    // Plain objects only (what JSON.parse makes): anything else is zod's to judge.
    const body = [`if (typeof v !== "object" || v === null || Object.getPrototypeOf(v) !== P) return G;`];
    // The result is built as zod builds it: an empty object, then each key in the shape's order.
    // (Not one object literal: once V8 sees a literal's objects survive, a bulk parse, it
    // allocates every later one from that site in the old generation, at ~30 times the cost.)
    const assign: string[] = [];
    keys.forEach((k, i) => {
      const { optin, optout } = shape[k]!._zod;
      const mode =
        optin === undefined
          ? REQUIRED
          : optout === "optional"
            ? optin === "optional"
              ? OPTIONAL
              : KEPT_WHEN_SET
            : optin === "defaulted"
              ? DEFAULTED
              : KEPT_WHEN_SET;
      const f = this.emit(shape[k]!).name;
      body.push(`const x${i} = ${f}(v[${lit(k)}]);`, `if (x${i} === G) return G;`);
      if (mode === REQUIRED) body.push(`if (!(${lit(k)} in v)) return G;`);
      else if (mode !== DEFAULTED) body.push(`const p${i} = ${lit(k)} in v;`);
      if (mode === REQUIRED || mode === DEFAULTED) assign.push(`out[${lit(k)}] = x${i};`);
      else if (mode === OPTIONAL) assign.push(`if (p${i}) out[${lit(k)}] = x${i};`);
      else assign.push(`if (x${i} !== undefined || p${i}) out[${lit(k)}] = x${i};`);
    });
    if (catchall !== undefined) {
      // zod's unknown keys are those `for…in` lists (inherited enumerable ones too) outside the shape.
      const cases = allKeys.map((k) => `case ${lit(k)}:`).join(" ");
      body.push(`for (const key in v) switch (key) { ${cases} break; default: return G; }`);
    }
    body.push("const out = {};", ...assign, "Object.freeze(out);");
    body.push("{ const v = out;", ...this.checks(schema), "}", "return out;");
    return this.fn(body);
  }

  private record(schema: ZodLike): string {
    const def = schema._zod.def;
    const keyType = def.keyType as ZodLike;
    if (keyType._zod.values !== undefined || def.mode === "loose" || def.partial) throw new Unsupported("record kind");
    const key = this.emit(keyType).name;
    const value = this.emit(def.valueType as ZodLike).name;
    return this.fn([
      `if (typeof v !== "object" || v === null || Object.getPrototypeOf(v) !== P) return G;`,
      "const keys = Object.keys(v);",
      // zod reads every own key (symbols and non-enumerable ones too, and skips "__proto__"):
      // anything beyond plain enumerable string keys is zod's to judge.
      "if (Reflect.ownKeys(v).length !== keys.length) return G;",
      "const out = {};",
      "for (let i = 0; i < keys.length; i++) {",
      "  const k = keys[i];",
      `  if (k === "__proto__" || k === "constructor" || ${key}(k) !== k) return G;`,
      `  const r = ${value}(v[k]);`,
      "  if (r === G) return G;",
      "  out[k] = r;",
      "}",
      "Object.freeze(out);",
      "{ const v = out;",
      ...this.checks(schema),
      "}",
      "return out;",
    ]);
  }

  /** The validator: the root node's function, with its constants bound. */
  build(root: string): (input: unknown) => unknown {
    const names = this.consts.map((_, i) => `k${i}`);
    const source = `"use strict";\nconst [${names.join(", ")}] = K;\n${this.decls.join("\n")}\nreturn ${root};`;
    return new Function("K", "G", "P", source)(this.consts, GIVE_UP, OBJECT_PROTO) as (input: unknown) => unknown;
  }
}

/** A compiled schema: the parsed, deep-frozen value, or undefined when zod must decide. */
export type FastParser<T> = (input: unknown) => T | undefined;

const compiled = new WeakMap<object, FastParser<unknown> | null>();

/** Generated code is allowed here (no CSP forbids it) and zod was not told to do without it. */
function codegenAllowed(): boolean {
  if (z.config().jitless) return false;
  try {
    return new Function("return true")() === true;
  } catch {
    return false;
  }
}

/**
 * The fast parser of `schema`, generated on first use; null when the schema uses something the
 * generator does not mirror or the runtime forbids generated code (then every parse is zod's).
 * @internal
 */
export function fastParser<S extends z.ZodType>(schema: S): FastParser<z.output<S>> | null {
  let p = compiled.get(schema);
  if (p === undefined) {
    p = null;
    if (codegenAllowed()) {
      try {
        const g = new Generator();
        const node = g.build(g.emit(schema as unknown as ZodLike).name);
        p = (input) => {
          try {
            const r = node(input);
            return r === GIVE_UP ? undefined : r;
          } catch {
            return undefined; // a getter, a proxy trap, a check that threw: zod will say
          }
        };
      } catch {
        p = null; // Unsupported, or a schema shaped unlike anything this generator knows
      }
    }
    compiled.set(schema, p);
  }
  return p as FastParser<z.output<S>> | null;
}
