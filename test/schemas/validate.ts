/**
 * A small JSON Schema (2020-12) validator for the keywords the generated schemas use, so the
 * tests can check the shipped rule files against them without a validator dependency. It throws
 * on any keyword it does not know, so a schema that starts using one fails loudly here.
 */
type Json = Record<string, unknown>;

const KNOWN = new Set([
  "$schema",
  "$defs",
  "$ref",
  "title",
  "description",
  "default",
  "type",
  "enum",
  "const",
  "pattern",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "items",
  "minItems",
  "maxItems",
  "properties",
  "required",
  "additionalProperties",
  "propertyNames",
  "anyOf",
  "oneOf",
  "allOf",
]);

const typeOf = (v: unknown): string =>
  v === null
    ? "null"
    : Array.isArray(v)
      ? "array"
      : typeof v === "number"
        ? Number.isInteger(v)
          ? "integer"
          : "number"
        : typeof v;

const equal = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Errors of `value` against `schema` (empty when valid); `files` resolves `$ref`s to other files. */
export function validate(schema: Json, value: unknown, files: Readonly<Record<string, Json>> = {}): string[] {
  const errors: string[] = [];
  const check = (s: Json | boolean, v: unknown, path: string, root: Json): void => {
    if (s === true) return;
    if (s === false) {
      errors.push(`${path}: not allowed`);
      return;
    }
    for (const k of Object.keys(s)) if (!KNOWN.has(k)) throw new Error(`validator: unknown keyword ${k} at ${path}`);
    if (typeof s.$ref === "string") {
      const ref = s.$ref;
      if (ref.startsWith("#/$defs/")) check((root.$defs as Json)[ref.slice(8)] as Json, v, path, root);
      else {
        const file = files[ref];
        if (!file) throw new Error(`validator: unresolved $ref ${ref}`);
        check(file, v, path, file);
      }
    }
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
      const t = typeOf(v);
      if (!types.includes(t) && !(t === "integer" && types.includes("number"))) {
        errors.push(`${path}: expected ${types.join(" or ")}, got ${t}`);
        return;
      }
    }
    if (s.enum && !(s.enum as unknown[]).some((e) => equal(e, v)))
      errors.push(`${path}: ${JSON.stringify(v)} not in enum`);
    if ("const" in s && !equal(s.const, v)) errors.push(`${path}: expected ${JSON.stringify(s.const)}`);
    if (typeof v === "string") {
      const len = [...v].length;
      if (typeof s.minLength === "number" && len < s.minLength) errors.push(`${path}: shorter than ${s.minLength}`);
      if (typeof s.maxLength === "number" && len > s.maxLength) errors.push(`${path}: longer than ${s.maxLength}`);
      if (typeof s.pattern === "string" && !new RegExp(s.pattern, "u").test(v))
        errors.push(`${path}: ${JSON.stringify(v)} does not match ${s.pattern}`);
    }
    if (typeof v === "number") {
      if (typeof s.minimum === "number" && v < s.minimum) errors.push(`${path}: below ${s.minimum}`);
      if (typeof s.maximum === "number" && v > s.maximum) errors.push(`${path}: above ${s.maximum}`);
      if (typeof s.exclusiveMinimum === "number" && v <= s.exclusiveMinimum)
        errors.push(`${path}: not above ${s.exclusiveMinimum}`);
      if (typeof s.exclusiveMaximum === "number" && v >= s.exclusiveMaximum)
        errors.push(`${path}: not below ${s.exclusiveMaximum}`);
    }
    if (Array.isArray(v)) {
      if (typeof s.minItems === "number" && v.length < s.minItems)
        errors.push(`${path}: fewer than ${s.minItems} items`);
      if (typeof s.maxItems === "number" && v.length > s.maxItems)
        errors.push(`${path}: more than ${s.maxItems} items`);
      if (s.items !== undefined) v.forEach((x, i) => check(s.items as Json, x, `${path}[${i}]`, root));
    }
    if (typeOf(v) === "object") {
      const o = v as Json;
      const props = (s.properties ?? {}) as Json;
      for (const r of (s.required ?? []) as string[]) if (!Object.hasOwn(o, r)) errors.push(`${path}.${r}: required`);
      for (const [k, x] of Object.entries(o)) {
        if (s.propertyNames !== undefined) check(s.propertyNames as Json, k, `${path} key ${JSON.stringify(k)}`, root);
        if (Object.hasOwn(props, k)) check(props[k] as Json, x, `${path}.${k}`, root);
        else if (s.additionalProperties !== undefined)
          check(s.additionalProperties as Json | boolean, x, `${path}.${k}`, root);
      }
    }
    const branches = (list: unknown): number[] =>
      (list as Json[]).map((b) => {
        const before = errors.length;
        check(b, v, path, root);
        const n = errors.length - before;
        errors.length = before;
        return n;
      });
    if (s.anyOf && !branches(s.anyOf).includes(0)) errors.push(`${path}: matches none of anyOf`);
    if (s.oneOf && branches(s.oneOf).filter((n) => n === 0).length !== 1)
      errors.push(`${path}: does not match exactly one of oneOf`);
    if (s.allOf) for (const b of s.allOf as Json[]) check(b, v, path, root);
  };
  check(schema, value, "$", schema);
  return errors;
}
