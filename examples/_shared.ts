/** Small helpers shared by the examples (not part of the library). */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

export type Log = (line: string) => void;

/** True when the module at `url` is the script node/tsx was started with. */
export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && fileURLToPath(url) === resolve(process.argv[1]);
}

/** Reads a file next to the examples (`data/…`). */
export function readExampleFile(rel: string): string {
  return readFileSync(fileURLToPath(new URL(rel, import.meta.url)), "utf8");
}

/** A plain-text table: first row is the header; numbers right-aligned. */
export function table(rows: (string | number)[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => String(r[c] ?? "").length)));
  const line = (r: (string | number)[]): string =>
    r
      .map((v, c) => (typeof v === "number" ? String(v).padStart(widths[c]!) : String(v).padEnd(widths[c]!)))
      .join("  ")
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)];
}

/**
 * A log that keeps every line within `width` columns (a terminal's 100): a longer line is broken
 * at the last space that fits, and its continuation lines are indented by four spaces more.
 */
export function fitTo(width: number, log: Log): Log {
  return (line) => {
    let rest = line;
    const indent = " ".repeat((/^ */.exec(line)?.[0].length ?? 0) + 4);
    while (rest.length > width) {
      const cut = rest.lastIndexOf(" ", width);
      if (cut <= indent.length) break; // one unbreakable word: leave it whole
      log(rest.slice(0, cut));
      rest = indent + rest.slice(cut + 1);
    }
    log(rest);
  };
}
