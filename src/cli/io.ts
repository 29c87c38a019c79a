/**
 * The CLI's only contact with the process: standard streams and the clock, injectable so the
 * commands run in-process under test.
 */

/** Where a command writes: `process.stdout`-like (write returns false when the buffer is full). */
export interface CliWriter {
  /** `callback`: called once the writer no longer needs `chunk` (written, or failed). */
  write(chunk: string | Uint8Array, callback?: (error?: Error | null) => void): boolean;
  once?(event: "drain", listener: () => void): unknown;
}

/** Everything a command needs from the process. */
export interface CliIo {
  stdout: CliWriter;
  stderr: CliWriter;
  /** Read by `-` (accounts on standard input). */
  stdin: NodeJS.ReadableStream;
  /** Milliseconds since the epoch: `--as-of now` and progress timing. */
  now(): number;
  /** Columns available for tables and wrapped text (default 100). */
  columns?: number;
}

/** The real process (stdout/stderr, stdin, the system clock). */
export function processIo(): CliIo {
  // `arrears decide … | head` closes the pipe early: stop quietly rather than crash on EPIPE.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    now: () => Date.now(),
  };
}

/** Writes a line, waiting for the stream to drain when its buffer is full (backpressure). */
export async function writeLine(w: CliWriter, line: string): Promise<void> {
  if (!w.write(`${line}\n`) && w.once) await new Promise<void>((resolve) => w.once!("drain", resolve));
}

/** Whole lines (text or UTF-8) to a writer, waiting for the stream to drain when its buffer is full. */
export async function writeText(w: CliWriter, text: string | Uint8Array): Promise<void> {
  if (text.length > 0 && !w.write(text) && w.once) await new Promise<void>((resolve) => w.once!("drain", resolve));
}

/**
 * A block the writer must not keep (its memory is reused for a later block): resolves once the
 * writer is done with it. A failed write resolves too; the stream reports it as an `error`.
 */
export function writeLent(w: CliWriter, block: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    w.write(block, () => resolve());
  });
}

/** Lines to a writer (no backpressure: for reports of bounded size). */
export function print(w: CliWriter, lines: string | readonly string[]): void {
  for (const l of typeof lines === "string" ? [lines] : lines) w.write(`${l}\n`);
}
