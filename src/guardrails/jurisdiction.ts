/**
 * Whether `code` (`US-NY`) falls under one of `jurisdictions`: itself, or its country (`US`
 * covers `US-NY`; `US-NY` does not cover `US`).
 *
 * @example
 * covers(["US"], "US-MA"); // true
 * covers(["US-MA"], "US"); // false
 */
export function covers(jurisdictions: readonly string[], code: string): boolean {
  for (const j of jurisdictions) if (code === j || (j.length === 2 && code.startsWith(`${j}-`))) return true;
  return false;
}
