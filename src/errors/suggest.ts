const MAX_NAME = 64;

/** Levenshtein distance (two-row dynamic programme); inputs are short names. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * The closest candidate to a misspelt name, or undefined when none is close enough
 * (distance ≤ max(2, a third of the name's length); case-insensitive matches win; on a tie a
 * candidate that extends the name wins).
 */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  // Names are short; a long input is no typo of one (and edit distance is quadratic in length).
  if (typeof name !== "string" || name.length > MAX_NAME) return undefined;
  const lower = name.toLowerCase();
  // Ties: a candidate extending the name ("M7" → "M7+") beats a substitution ("M0"), then alphabetical.
  const extends_ = (c: string): boolean => c.toLowerCase().startsWith(lower) || lower.startsWith(c.toLowerCase());
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    if (typeof c !== "string" || c.length > MAX_NAME) continue; // names from a rule file may be anything
    const d = c.toLowerCase() === lower ? 0 : levenshtein(lower, c.toLowerCase());
    const better =
      d < bestD || (d === bestD && best !== undefined && (extends_(c) !== extends_(best) ? extends_(c) : c < best));
    if (better) {
      best = c;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** `; did you mean "x"?` or an empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const c = closest(name, candidates);
  return c === undefined ? "" : `; did you mean ${JSON.stringify(c)}?`;
}
