/** Plain-text layout for a terminal: tables and paragraphs that fit a given width (100 columns). */

/** Display width of a string: East Asian wide characters take two columns. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

const padEnd = (s: string, w: number): string => s + " ".repeat(Math.max(0, w - displayWidth(s)));
const padStart = (s: string, w: number): string => " ".repeat(Math.max(0, w - displayWidth(s))) + s;

/** Shortens `s` to `w` columns with a trailing "…". */
export function truncate(s: string, w: number): string {
  if (displayWidth(s) <= w) return s;
  let out = "";
  for (const ch of s) {
    if (displayWidth(out + ch) > w - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * A table: the first row is the header; numbers are right-aligned. When it is wider than `width`,
 * the gap between columns shrinks to one space, and then the columns after the first are split
 * into blocks printed one under the other, each repeating the first column, so no line is wider
 * than `width` (a first column too wide on its own is truncated).
 *
 * @example
 * table([["action", "M1", "M2"], ["call_borrower", 12, 3]], 100);
 */
export function table(rows: readonly (readonly (string | number)[])[], width = 100): string[] {
  const cells = rows.map((r) => r.map((v) => (typeof v === "number" ? v.toLocaleString("en-US") : v)));
  // A column is right-aligned when every body cell is a number or reads as one ("+14", "7.5%").
  const numeric = rows[0]!.map((_, c) =>
    rows.slice(1).every((r) => typeof r[c] === "number" || /^[+-]?[\d,]+(\.\d+)?%?$/.test(String(r[c] ?? ""))),
  );
  const cols = rows[0]!.length;
  const widths = Array.from({ length: cols }, (_, c) => Math.max(...cells.map((r) => displayWidth(r[c] ?? ""))));
  const line = (r: readonly string[], at: readonly number[], gap: number): string =>
    at
      .map((c) => {
        const v = r[c] ?? "";
        return numeric[c] ? padStart(v, widths[c]!) : padEnd(v, widths[c]!);
      })
      .join(" ".repeat(gap))
      .trimEnd();
  const total = (at: readonly number[], gap: number): number =>
    at.reduce((n, c) => n + widths[c]!, 0) + gap * (at.length - 1);
  const all = widths.map((_, c) => c);
  for (const gap of [2, 1])
    if (total(all, gap) <= width) {
      const rule = all.map((c) => "-".repeat(widths[c]!)).join(" ".repeat(gap));
      return [line(cells[0]!, all, gap), rule, ...cells.slice(1).map((r) => line(r, all, gap))];
    }
  // Too wide: blocks of columns, each with the first column.
  widths[0] = Math.min(widths[0]!, Math.max(8, Math.floor(width / 3)));
  for (const r of cells) r[0] = truncate(r[0] ?? "", widths[0]);
  const out: string[] = [];
  let c = 1;
  while (c < cols) {
    const at = [0];
    while (c < cols && (at.length === 1 || total([...at, c], 1) <= width)) at.push(c++);
    if (out.length > 0) out.push("");
    out.push(line(cells[0]!, at, 1), at.map((k) => "-".repeat(widths[k]!)).join(" "));
    for (const r of cells.slice(1)) out.push(truncate(line(r, at, 1), width));
  }
  return out;
}

/** Words of `text` in lines of at most `width` columns; continuation lines start with `indent`. */
export function wrap(text: string, width = 100, indent = "  "): string[] {
  const lead = /^ */.exec(text)![0];
  const out: string[] = [];
  let cur = lead;
  for (const word of text.slice(lead.length).split(/ +/)) {
    const next = cur.trim() === "" ? cur + word : `${cur} ${word}`;
    if (displayWidth(next) <= width || cur.trim() === "") cur = next;
    else {
      out.push(cur);
      cur = indent + word;
    }
  }
  if (cur.trim() !== "") out.push(cur);
  return out.map((l) => (displayWidth(l) > width ? truncate(l, width) : l));
}
