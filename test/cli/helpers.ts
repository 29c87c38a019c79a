/** Runs the CLI in-process with captured streams, an injected clock and temporary files. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { CliIo } from "../../src/cli/main.js";
import { main } from "../../src/cli/main.js";

export interface Run {
  code: number;
  out: string;
  err: string;
  lines: string[];
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** `main(argv)` with stdout/stderr captured; `now` is called for every clock read. */
export async function run(
  argv: string[],
  options: { stdin?: string; now?: () => number; stdout?: CliIo["stdout"] } = {},
): Promise<Run> {
  let out = "";
  let err = "";
  const io: CliIo = {
    stdout: options.stdout ?? {
      // --threads writes UTF-8 blocks of whole lines
      // (a block is decoded at once: a lent block's memory is reused once the callback is called)
      write: (s: string | Uint8Array, callback?: () => void) => {
        out += typeof s === "string" ? s : decoder.decode(s);
        callback?.();
        return true;
      },
    },
    stderr: {
      write: (s: string) => {
        err += s;
        return true;
      },
    },
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    now: options.now ?? (() => Date.parse("2026-11-23T01:30:00Z")),
  };
  const code = await main(argv, io);
  return { code, out, err, lines: out.split("\n").filter((l, i, a) => i < a.length - 1 || l !== "") };
}

const dir = mkdtempSync(join(tmpdir(), "arrears-cli-"));

/** Writes a temporary file and returns its path. */
export function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return path;
}

/** The sample portfolio (3,000 valid accounts and 3 broken ones). */
export const SAMPLE: Record<string, any>[] = JSON.parse(
  readFileSync(new URL("../../examples/data/sample-portfolio.json", import.meta.url), "utf8"),
);
export const SAMPLE_AS_OF = "2026-11-23T01:30:00Z";
export const CSV = new URL("../../examples/data/accounts.csv", import.meta.url).pathname;

/** The widest line of a text output. */
export const widest = (text: string): number => Math.max(0, ...text.split("\n").map((l) => [...l].length));
