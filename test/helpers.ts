import { expect } from "vitest";
import { ArrearsError } from "../src/index.js";

/** The ArrearsError `fn` throws; fails the test if it throws nothing or anything else. */
export function thrownArrearsError(fn: () => unknown): ArrearsError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ArrearsError);
    return e as ArrearsError;
  }
  throw new Error("expected an ArrearsError");
}

/**
 * Replaces one randomly chosen node (leaf or container, chosen by `pick`) of a JSON value in
 * place with `bad`; returns its path and the value it replaced. For corruption properties.
 */
export function corruptAt(
  root: Record<string, unknown>,
  pick: number,
  bad: unknown,
): { path: (string | number)[]; before: unknown } {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, p: (string | number)[]): void => {
    if (p.length) paths.push(p);
    if (Array.isArray(v)) v.forEach((x, k) => walk(x, [...p, k]));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(root, []);
  const path = paths[pick % paths.length]!;
  let parent = root as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  const before = parent[key];
  parent[key] = bad;
  return { path, before };
}
