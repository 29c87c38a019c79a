import * as z from "zod";
import { deriveDelinquency } from "../delinquency/derive.js";
import { resolveBucketScheme } from "../delinquency/scheme.js";
import { ArrearsError, issuesFromZod, ownField, readInput } from "../errors/index.js";
import { parseOptions } from "../errors/options.js";
import { safeParseAccount } from "../model/account.js";
import { AsOfSchema } from "../model/schema.js";
import { toMinorUnits } from "../money/index.js";
import { ExposureSums, formatMinorBig } from "./exposure.js";

/** One snapshot of a portfolio: the accounts as they stood at `asOf`. */
export interface PortfolioSnapshot {
  /** Evaluation instant (ISO with offset) or date of the snapshot. */
  asOf: string;
  accounts: readonly unknown[];
}

/** Options of {@link rollRates}. */
export interface RollRatesOptions {
  /** Bucket scheme: a shipped id (`"us-cycle"`), scheme JSON or a loaded scheme. Default `"cn-m"`. */
  scheme?: unknown;
  /** Passed to `deriveDelinquency`. */
  graceDays?: number;
  /** Passed to `deriveDelinquency`. */
  tolerance?: string | number;
}

/** Per starting bucket: where its accounts went. */
interface BucketFlow {
  bucket: string;
  /** Matched accounts that started in this bucket. */
  accounts: number;
  /** Now current (bucket 0); counted for delinquent buckets only. */
  cured: number;
  /** Moved to a better bucket (cured included). */
  improved: number;
  /** Same bucket. */
  stayed: number;
  /** Moved to any worse bucket. */
  rolledForward: number;
  /** Moved exactly one bucket worse (the classic "roll rate"). */
  rolledToNext: number;
  /** `rolledForward / accounts` (0 for an empty bucket). */
  rollForwardRate: number;
  /** `rolledToNext / accounts`. */
  rollToNextRate: number;
  /** Reached the last bucket or became due for charge-off (only counted if not already there). */
  toChargeOff: number;
}

/** What {@link rollRates} returns. */
export interface RollRates {
  asOf: { before: string; after: string };
  scheme: string;
  /** Bucket labels in scheme order: the rows (before) and columns (after) of the matrices. */
  buckets: string[];
  /** Accounts present and valid in both snapshots. */
  matched: number;
  /** `counts[i][j]`: accounts in `buckets[i]` before and `buckets[j]` after. */
  counts: number[][];
  /**
   * `balance[currency][i][j]`: outstanding at the BEFORE date of the accounts making that move,
   * exact decimal strings (the exposure that rolled).
   */
  balance: Record<string, string[][]>;
  byBucket: BucketFlow[];
  /** Delinquent before (bucket > 0) → current after. */
  cure: { delinquent: number; cured: number; rate: number };
  /**
   * Flow to charge-off: accounts not in the last bucket nor due for charge-off before that are
   * in the last bucket or due for charge-off after.
   */
  chargeOff: { eligible: number; flowed: number; rate: number };
  /** Exact outstanding totals per currency at each date, over matched accounts. */
  outstanding: { before: Record<string, string>; after: Record<string, string> };
  /** Ids found only in the earlier snapshot (closed, sold, paid off …), in input order. */
  onlyBefore: string[];
  /** Ids found only in the later snapshot (new accounts), in input order. */
  onlyAfter: string[];
  /** Accounts that could not be read, with where they were. */
  errors: { snapshot: "before" | "after"; index: number; accountId: string | null; message: string }[];
}

/** @internal what the matrices need of one account at one date. */
export interface RollRow {
  id: string;
  bucketIndex: number;
  chargeOffDue: boolean;
  currency: string;
  /** Outstanding in minor units. */
  outstanding: number;
}

const OptionsSchema = z.strictObject({
  scheme: z.unknown().optional(),
  graceDays: z.number().int().min(0).optional(),
  tolerance: z.union([z.string(), z.number()]).optional(),
});

const SnapshotSchema = z.strictObject({
  asOf: AsOfSchema,
  accounts: z.array(z.unknown()),
});

function rowsOf(
  snap: PortfolioSnapshot,
  which: "before" | "after",
  opts: { scheme: unknown; graceDays?: number; tolerance?: string | number },
  errors: RollRates["errors"],
): RollRow[] {
  const rows: RollRow[] = [];
  const seen = new Map<string, number>();
  snap.accounts.forEach((input, index) => {
    const rawId = ownField(input, "id");
    try {
      // An account that cannot even be read (a getter, a proxy) is an error entry like any other.
      const parsed = readInput("INVALID_ACCOUNT", "account", () => safeParseAccount(input));
      if (!parsed.success) throw parsed.error;
      const a = parsed.data;
      const prev = seen.get(a.id);
      if (prev !== undefined)
        throw new ArrearsError("INVALID_INPUT", [
          {
            path: [which, "accounts", index, "id"],
            message: `duplicate account id (also accounts[${prev}])`,
            received: a.id,
          },
        ]);
      seen.set(a.id, index);
      const d = deriveDelinquency(a, {
        asOf: snap.asOf,
        scheme: opts.scheme,
        ...(opts.graceDays !== undefined ? { graceDays: opts.graceDays } : {}),
        ...(opts.tolerance !== undefined ? { tolerance: opts.tolerance } : {}),
      });
      rows.push({
        id: a.id,
        bucketIndex: d.bucketIndex,
        chargeOffDue: d.chargeOffDue,
        currency: a.currency,
        outstanding: toMinorUnits(d.outstanding.total, a.currency),
      });
    } catch (e) {
      if (!(e instanceof ArrearsError)) throw e;
      errors.push({ snapshot: which, index, accountId: typeof rawId === "string" ? rawId : null, message: e.message });
    }
  });
  return rows;
}

/**
 * Roll rates between two snapshots of a portfolio (e.g. month-end to month-end): accounts are
 * matched by `id`, each one's bucket derived at its snapshot's `asOf`, and the result gives the
 * bucket-to-bucket transition matrix by count and by balance, the cure rate, the roll-forward
 * rate of each bucket and the flow to charge-off. Accounts present in only one snapshot are
 * listed apart; invalid accounts are reported in `errors` and skipped.
 *
 * Counting choices: "cured" = delinquent before and in bucket 0 after; "roll forward" = any
 * worse bucket, `rolledToNext` = exactly one worse; balance matrices use the outstanding at the
 * earlier date; charge-off flow counts entry into the scheme's last bucket or charge-off age.
 *
 * @throws {ArrearsError} `INVALID_INPUT` for a malformed snapshot, `INVALID_OPTIONS` for bad options,
 * `INVALID_BUCKET_SCHEME` for a bad scheme.
 *
 * @example
 * const r = rollRates({ asOf: "2026-10-31", accounts: october }, { asOf: "2026-11-30", accounts: november }, { scheme: "us-cycle" });
 * r.byBucket[1].rollForwardRate; // share of 1-29 accounts that rolled to 30-59 or worse
 * r.cure.rate;                   // share of delinquent accounts that became current
 */
export function rollRates(
  before: PortfolioSnapshot,
  after: PortfolioSnapshot,
  options: RollRatesOptions = {},
): RollRates {
  const o = { data: parseOptions(OptionsSchema, options, "rollRates options") };
  // The validated copies from here on (a getter could answer differently the second time).
  const [sb, sa] = (
    [
      ["before", before],
      ["after", after],
    ] as const
  ).map(([name, snap]): PortfolioSnapshot => {
    const r = readInput("INVALID_INPUT", "rollRates", () => SnapshotSchema.safeParse(snap));
    if (!r.success) throw new ArrearsError("INVALID_INPUT", issuesFromZod(r.error, snap, [name]), "rollRates");
    return r.data;
  }) as [PortfolioSnapshot, PortfolioSnapshot];
  const scheme = resolveBucketScheme(o.data.scheme ?? "cn-m", ["scheme"]);
  const errors: RollRates["errors"] = [];
  const opts = {
    scheme,
    ...(o.data.graceDays !== undefined ? { graceDays: o.data.graceDays } : {}),
    ...(o.data.tolerance !== undefined ? { tolerance: o.data.tolerance } : {}),
  };
  const b = rowsOf(sb, "before", opts, errors);
  const a = rowsOf(sa, "after", opts, errors);
  return {
    asOf: { before: sb.asOf, after: sa.asOf },
    scheme: scheme.id,
    ...rollRatesFromRows(b, a, scheme.labels),
    errors,
  };
}

/** @internal the matrices from rows; `labels` are the scheme's bucket labels in order. */
export function rollRatesFromRows(
  before: readonly RollRow[],
  after: readonly RollRow[],
  labels: readonly string[],
): Omit<RollRates, "asOf" | "scheme" | "errors"> {
  const n = labels.length;
  const last = n - 1;
  const afterById = new Map(after.map((r) => [r.id, r]));
  const beforeIds = new Set(before.map((r) => r.id));
  const counts = labels.map(() => new Array<number>(n).fill(0));
  const balance = new Map<string, bigint[][]>();
  const outBefore = new ExposureSums();
  const outAfter = new ExposureSums();
  const flows = labels.map((bucket) => ({
    bucket,
    accounts: 0,
    cured: 0,
    improved: 0,
    stayed: 0,
    rolledForward: 0,
    rolledToNext: 0,
    toChargeOff: 0,
  }));
  let matched = 0;
  let delinquent = 0;
  let cured = 0;
  let eligible = 0;
  let flowed = 0;
  const onlyBefore: string[] = [];

  for (const r of before) {
    const x = afterById.get(r.id);
    if (!x) {
      onlyBefore.push(r.id);
      continue;
    }
    matched++;
    const i = Math.min(r.bucketIndex, last);
    const j = Math.min(x.bucketIndex, last);
    counts[i]![j]!++;
    let m = balance.get(r.currency);
    if (!m) balance.set(r.currency, (m = labels.map(() => new Array<bigint>(n).fill(0n))));
    m[i]![j]! += BigInt(r.outstanding);
    outBefore.addMinor(r.currency, 0, r.outstanding);
    outAfter.addMinor(x.currency, 0, x.outstanding);
    const f = flows[i]!;
    f.accounts++;
    if (j < i) f.improved++;
    else if (j === i) f.stayed++;
    else {
      f.rolledForward++;
      if (j === i + 1) f.rolledToNext++;
    }
    if (i > 0) {
      delinquent++;
      if (j === 0) {
        cured++;
        f.cured++;
      }
    }
    const wasOff = i === last || r.chargeOffDue;
    if (!wasOff) {
      eligible++;
      if (j === last || x.chargeOffDue) {
        flowed++;
        f.toChargeOff++;
      }
    }
  }
  const onlyAfter = after.filter((r) => !beforeIds.has(r.id)).map((r) => r.id);
  const rate = (k: number, of: number): number => (of === 0 ? 0 : k / of);
  const pick = (s: ExposureSums): Record<string, string> =>
    Object.fromEntries(Object.entries(s.toJSON()).map(([c, v]) => [c, v.outstanding]));
  return {
    buckets: [...labels],
    matched,
    counts,
    balance: Object.fromEntries(
      [...balance.keys()].sort().map((c) => [c, balance.get(c)!.map((row) => row.map((v) => formatMinorBig(v, c)))]),
    ),
    byBucket: flows.map((f) => ({
      ...f,
      rollForwardRate: rate(f.rolledForward, f.accounts),
      rollToNextRate: rate(f.rolledToNext, f.accounts),
    })),
    cure: { delinquent, cured, rate: rate(cured, delinquent) },
    chargeOff: { eligible, flowed, rate: rate(flowed, eligible) },
    outstanding: { before: pick(outBefore), after: pick(outAfter) },
    onlyBefore,
    onlyAfter,
  };
}
