/**
 * CSV (RFC 4180) read incrementally, and the flat account layout of a core-system export (one
 * row per account with a delinquency snapshot; `examples/data/accounts.csv`) mapped to account
 * JSON. Pure: text in, rows out; the readers in `inputs.ts` feed it from files or stdin.
 */

/** One parsed row and the line it starts on (1-based). */
export interface CsvRow {
  cells: string[];
  line: number;
}

/**
 * An incremental CSV parser: `push` text in chunks of any size (a quoted field may span chunks
 * and lines), `end` at the end of input. Fields are separated by commas; a field in double
 * quotes may contain commas, line breaks and doubled quotes (`""`); rows end with LF, CRLF or
 * CR. Blank lines are skipped; a byte-order mark at the start is dropped.
 *
 * @example
 * const p = new CsvParser();
 * p.push('id,name\r\nA1,"Lee, Ann"\n'); // [{ cells: ["id", "name"], line: 1 }, { cells: ["A1", "Lee, Ann"], line: 2 }]
 */
export class CsvParser {
  private field = "";
  private row: string[] = [];
  private quoted = false;
  /** Inside quotes, a quote was just read: the next character says whether it closes the field. */
  private quote = false;
  /** A CR ended a row: an LF right after it belongs to that row end. */
  private cr = false;
  private line = 1;
  private rowLine = 1;
  private started = false;
  /** The row has a quoted field (so `""` alone is a row of one empty cell, not a blank line). */
  private rowQuoted = false;

  push(chunk: string): CsvRow[] {
    const out: CsvRow[] = [];
    let i = 0;
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    for (; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.cr) {
        this.cr = false;
        if (c === "\n") continue;
      }
      if (this.quoted) {
        if (this.quote) {
          this.quote = false;
          if (c === '"') {
            this.field += '"';
            continue;
          }
          this.quoted = false; // the quote closed the field; c is read as outside quotes below
        } else {
          if (c === '"') this.quote = true;
          else {
            if (c === "\n") this.line++;
            this.field += c;
          }
          continue;
        }
      }
      if (c === ",") {
        this.row.push(this.field);
        this.field = "";
      } else if (c === "\n" || c === "\r") {
        this.endRow(out);
        this.line++;
        this.rowLine = this.line;
        this.cr = c === "\r";
      } else if (c === '"' && this.field === "") this.quoted = this.rowQuoted = true;
      else this.field += c;
    }
    return out;
  }

  /**
   * The last row, if the input did not end with a line break.
   *
   * @throws {CsvError} when the input ends inside a quoted field.
   */
  end(): CsvRow[] {
    if (this.quoted && !this.quote) throw new CsvError(`line ${this.rowLine}: a quoted field is not closed`);
    this.quoted = false;
    this.quote = false;
    const out: CsvRow[] = [];
    this.endRow(out);
    return out;
  }

  private endRow(out: CsvRow[]): void {
    this.row.push(this.field);
    this.field = "";
    const cells = this.row;
    this.row = [];
    if (this.rowQuoted || !(cells.length === 1 && cells[0] === "")) out.push({ cells, line: this.rowLine });
    this.rowQuoted = false;
  }
}

/** Malformed CSV (a quoted field that never closes). */
export class CsvError extends Error {}

const list = (s: string | undefined): string[] => (s ? s.split("|") : []);
const optional = (s: string | undefined): string | undefined => (s === undefined || s === "" ? undefined : s);

/**
 * The columns of the flat account layout, in the order `examples/data/accounts.csv` has them.
 * List columns (`cycleHistory`, `doNotContact`, `flags`) separate values with `|`; `jurisdiction`
 * (`US-NY`, `CN`) may be empty or absent.
 */
export const ACCOUNT_CSV_COLUMNS = [
  "id",
  "product",
  "currency",
  "jurisdiction",
  "timeZone",
  "locale",
  "openedOn",
  "principal",
  "interest",
  "penaltyInterest",
  "fees",
  "dpd",
  "overdue",
  "cycleHistory",
  "monthlyIncome",
  "doNotContact",
  "flags",
  "lastCallAt",
  "lastCallOutcome",
] as const;

/**
 * One row of the flat layout (by column name) → account JSON. It only reshapes; `parseAccount`
 * validates. An empty cell is left out (so a missing required value is reported as required).
 *
 * @example
 * rowToAccount({ id: "US-1", product: "installment", currency: "USD", dpd: "12", … });
 */
export function rowToAccount(r: Readonly<Record<string, string>>): unknown {
  const flags = Object.fromEntries(list(r.flags).map((f) => [f, true]));
  const dpd = optional(r.dpd);
  return {
    id: r.id,
    product: r.product,
    currency: r.currency,
    ...(optional(r.jurisdiction) === undefined ? {} : { jurisdiction: r.jurisdiction }),
    openedOn: r.openedOn,
    timeZone: r.timeZone,
    locale: r.locale,
    balance: { principal: r.principal, interest: r.interest, penaltyInterest: r.penaltyInterest, fees: r.fees },
    delinquency: {
      ...(dpd === undefined ? {} : { dpd: Number(dpd) }),
      overdue: r.overdue,
      cycleHistory: list(r.cycleHistory).map(Number),
    },
    borrower: {
      ...(r.monthlyIncome ? { monthlyIncome: r.monthlyIncome } : {}),
      doNotContact: list(r.doNotContact),
      flags,
    },
    contacts: r.lastCallAt ? [{ at: r.lastCallAt, channel: "call", outcome: r.lastCallOutcome }] : [],
  };
}

/**
 * Rows of a whole CSV text as objects keyed by the header row (for small files; the CLI streams).
 *
 * @throws {CsvError} for a row whose number of cells differs from the header's, or an unclosed quote.
 */
export function* csvRecords(text: string): Generator<Record<string, string>> {
  const p = new CsvParser();
  let header: string[] | null = null;
  for (const row of [...p.push(text), ...p.end()]) {
    if (!header) {
      header = row.cells;
      continue;
    }
    if (row.cells.length !== header.length)
      throw new CsvError(`line ${row.line}: ${row.cells.length} cells, the header has ${header.length}`);
    yield Object.fromEntries(header.map((h, i) => [h, row.cells[i]!]));
  }
}
