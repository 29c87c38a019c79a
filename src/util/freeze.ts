/**
 * Freezes a value and everything reachable from it (own enumerable properties), in place, and
 * returns it. Already-frozen objects are not walked again, so shared frozen parts cost nothing.
 * Iterative: a deeply nested value cannot overflow the stack.
 * @internal
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  const stack: object[] = [value];
  while (stack.length > 0) {
    const o = stack.pop()!;
    Object.freeze(o);
    const keys = Object.keys(o);
    for (let i = 0; i < keys.length; i++) {
      const v = (o as Record<string, unknown>)[keys[i]!];
      if (typeof v === "object" && v !== null && !Object.isFrozen(v)) stack.push(v);
    }
  }
  return value;
}
