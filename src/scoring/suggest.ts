import { closest } from "../errors/suggest.js";

/** `unknown fact "dpdd" (did you mean "dpd"?)`. */
export function unknownMessage(kind: string, name: string, candidates: Iterable<string>): string {
  const hint = closest(name, candidates);
  return `unknown ${kind} ${JSON.stringify(name)}${hint ? ` (did you mean ${JSON.stringify(hint)}?)` : ""}`;
}
