// The CLI's CSV reader (RFC 4180, fed in chunks of any size) and its text layout (100 columns).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvError, CsvParser, csvRecords, rowToAccount } from "../../src/cli/csv.js";
import { table, truncate, wrap } from "../../src/cli/text.js";

const quote = (cell: string): string =>
  /[",\r\n]/.test(cell) || cell === "" ? `"${cell.replaceAll('"', '""')}"` : cell;
const parseChunks = (chunks: string[]): string[][] => {
  const p = new CsvParser();
  return [...chunks.flatMap((c) => p.push(c)), ...p.end()].map((r) => r.cells);
};

describe("CsvParser", () => {
  it("quotes, doubled quotes, commas and line breaks inside quotes, CRLF, a BOM, blank lines", () => {
    const text = '\uFEFFid,note\r\nA1,"Lee, Ann"\r\n\r\nA2,"said ""hi""\nthen left"\nA3,plain';
    const p = new CsvParser();
    const rows = [...p.push(text), ...p.end()];
    expect(rows).toEqual([
      { cells: ["id", "note"], line: 1 },
      { cells: ["A1", "Lee, Ann"], line: 2 },
      { cells: ["A2", 'said "hi"\nthen left'], line: 4 },
      { cells: ["A3", "plain"], line: 6 },
    ]);
  });

  it("any rows, written per RFC 4180 and cut into any chunks, read back the same", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "Z", "9", " ", ",", '"', "\n", "\r", "é", "王") });
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(rows, fc.array(fc.nat(), { maxLength: 10 }), fc.boolean(), (data, cuts, crlf) => {
        // A row of one empty cell is a blank line, which the reader skips: write it quoted.
        const text = data.map((r) => r.map(quote).join(",")).join(crlf ? "\r\n" : "\n");
        const bounds = [0, ...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [...bounds.slice(1), text.length].map((end, i) => text.slice(bounds[i], end));
        expect(chunks.join("")).toBe(text);
        expect(parseChunks(chunks)).toEqual(data);
        expect(parseChunks([text])).toEqual(data);
      }),
      { numRuns: 300 },
    );
  });

  it("an unclosed quote is an error at the end; a row of the wrong width is one in csvRecords", () => {
    const p = new CsvParser();
    p.push('a,"b\nc');
    expect(() => p.end()).toThrow(new CsvError("line 1: a quoted field is not closed"));
    expect(() => [...csvRecords("a,b\n1,2,3\n")]).toThrow("line 2: 3 cells, the header has 2");
  });
});

describe("rowToAccount", () => {
  it("reshapes a row of the flat layout; empty cells are left out, lists split on |", () => {
    const row = {
      id: "A1",
      product: "installment",
      currency: "USD",
      timeZone: "America/New_York",
      locale: "en-US",
      openedOn: "2024-01-01",
      principal: "100.00",
      interest: "1.00",
      penaltyInterest: "0.00",
      fees: "0.00",
      dpd: "",
      overdue: "10.00",
      cycleHistory: "1|0",
      monthlyIncome: "",
      doNotContact: "sms|email",
      flags: "disputed",
      lastCallAt: "",
      lastCallOutcome: "",
    };
    expect(rowToAccount(row)).toEqual({
      id: "A1",
      product: "installment",
      currency: "USD",
      openedOn: "2024-01-01",
      timeZone: "America/New_York",
      locale: "en-US",
      balance: { principal: "100.00", interest: "1.00", penaltyInterest: "0.00", fees: "0.00" },
      delinquency: { overdue: "10.00", cycleHistory: [1, 0] },
      borrower: { doNotContact: ["sms", "email"], flags: { disputed: true } },
      contacts: [],
    });
  });
});

describe("text layout", () => {
  const wide = [
    ["action", ...Array.from({ length: 14 }, (_, i) => `bucket-${i}`), "total"],
    ["offer_installment_plan", ...Array.from({ length: 14 }, (_, i) => i * 1000), 91_000],
    ["call_borrower", ...Array.from({ length: 14 }, () => 7), 98],
  ];

  it("a table fits the width: gaps shrink, then columns go into blocks that repeat the first", () => {
    const lines = table(wide, 100);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(lines.filter((l) => l.startsWith("action")).length).toBeGreaterThan(1);
    expect(lines.join("\n")).toContain("91,000");
    // Every value is still there.
    for (let i = 0; i < 14; i++) expect(lines.join("\n")).toContain(`bucket-${i}`);
    expect(
      table([
        ["a", "b"],
        ["x", 1],
      ]),
    ).toEqual(["a  b", "-  -", "x  1"]);
  });

  it("numbers and numeric strings are right-aligned", () => {
    expect(
      table([
        ["n", "d"],
        ["a", "+14"],
        ["b", "-225"],
      ]),
    ).toEqual(["n     d", "-  ----", "a   +14", "b  -225"]);
  });

  it("wrap keeps the indentation and the width; truncate ends with …", () => {
    const text = `  ${"word ".repeat(60).trim()}`;
    const lines = wrap(text, 40, "      ");
    expect(lines[0]!.startsWith("  word")).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith("      word"))).toBe(true);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(40);
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("王伟王伟", 5)).toBe("王伟…");
  });
});
