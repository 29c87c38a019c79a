import type { Decision } from "../decision/decision.js";
import { ArrearsError, readInput } from "../errors/index.js";
import type { BatchItem, DecisionError } from "./batch.js";
import { ExposureSums } from "./exposure.js";

/** Exposure per currency: exact decimal strings. */
type Exposure = Record<string, { overdue: string; outstanding: string }>;

/** One row of a portfolio summary. */
interface SummaryRow {
  count: number;
  exposure: Exposure;
}

/** What {@link summarizePortfolio} returns: plain objects, ready for a table or a chart. */
export interface PortfolioSummary {
  /** Decisions counted (error entries excluded; not-applicable ones included). */
  decisions: number;
  /**
   * Accounts no policy applied to (wrong or missing jurisdiction, other currency): counted here
   * by code with their exposure, and nowhere else (not in buckets, actions or segments).
   */
  notApplicable: SummaryRow & { byCode: (SummaryRow & { code: string })[] };
  /** Decisions by policy id (`(none)` when a router found no policy). */
  byPolicy: (SummaryRow & { policy: string })[];
  /** Error entries seen. */
  errors: number;
  /** Error entries by code (`INVALID_ACCOUNT`: 3). */
  errorsByCode: Record<string, number>;
  total: SummaryRow;
  /** Buckets in scheme order (by `bucketIndex`). */
  buckets: string[];
  /** Actions in name order. */
  actions: string[];
  /** One row per bucket × action pair that occurred, in `buckets` then `actions` order. */
  byBucketAction: (SummaryRow & { bucket: string; action: string })[];
  /** `counts[i][j]`: decisions in `buckets[i]` with action `actions[j]` (zeros included). */
  counts: number[][];
  byBucket: (SummaryRow & { bucket: string })[];
  byAction: (SummaryRow & { action: string })[];
  /** By scored segment; accounts without a segment under `"(none)"`. */
  bySegment: (SummaryRow & { segment: string })[];
  blocked: {
    /** Decisions with at least one candidate blocked. */
    decisions: number;
    /** Decisions where every contact candidate was blocked. */
    allContactsBlocked: number;
    /** Per reason code: `count` = blocked candidates carrying it, `decisions` = distinct decisions. */
    byReason: { code: string; count: number; decisions: number }[];
    /** Per blocked action type: how many times it was blocked. */
    byAction: { action: string; count: number }[];
  };
}

class Group {
  count = 0;
  readonly sums = new ExposureSums();
  row(): SummaryRow {
    return { count: this.count, exposure: this.sums.toJSON() };
  }
}

function bump(map: Map<string, Group>, key: string, currency: string, overdue: string, outstanding: string): void {
  let g = map.get(key);
  if (!g) map.set(key, (g = new Group()));
  g.count++;
  g.sums.add(currency, overdue, outstanding);
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function isIterable(x: unknown): x is Iterable<unknown> {
  try {
    return typeof x === "object" && x !== null && typeof (x as Iterable<unknown>)[Symbol.iterator] === "function";
  } catch {
    return false; // a getter or proxy trap that throws
  }
}

/** What the summary reads of one item: an error entry's code, or a decision's figures. */
type Item =
  | { error: string }
  | {
      error?: undefined;
      currency: string;
      overdue: string;
      outstanding: string;
      /** The policy's id, "(none)" when no policy applied. */
      policy: string;
      /** The not-applicable code, or null for a decision under a policy. */
      notApplicable: string | null;
      bucket: string;
      bucketIndex: number;
      action: string;
      segment: string;
      allContactsBlocked: boolean;
      blocked: { type: string; codes: string[] }[];
    };

// Names, codes and labels are short in every decision `decide` makes.
const MAX_NAME = 200;
const name = (v: unknown): v is string => typeof v === "string" && v.length <= MAX_NAME;

/**
 * One item read once, checked, into plain values (the batch may come from a queue or a file,
 * not from `decide`): an item that is neither a decision nor an error entry, or that cannot be
 * read, is an `INVALID_INPUT` error naming its position.
 */
function readItem(item: unknown, index: number): Item {
  const bad = (path: (string | number)[], message: string, received?: unknown): never => {
    throw new ArrearsError(
      "INVALID_INPUT",
      [{ path: ["decisions", index, ...path], message, ...(received === undefined ? {} : { received }) }],
      "summarizePortfolio",
    );
  };
  return readInput("INVALID_INPUT", `summarizePortfolio: decisions[${index}]`, (): Item => {
    if (typeof item !== "object" || item === null) return bad([], "expected a decision or an error entry", item);
    const o = item as Record<string, unknown>;
    const action = o.action as Record<string, unknown> | undefined;
    if (action === undefined) {
      const error = o.error as Record<string, unknown> | undefined;
      if (typeof error !== "object" || error === null) return bad([], "expected a decision or an error entry", item);
      const code = error.code;
      return { error: name(code) ? code : "UNKNOWN" };
    }
    if (typeof action !== "object" || action === null || !name(action.type))
      return bad(["action", "type"], "expected an action type", action);
    const amounts = o.amounts as Record<string, Record<string, unknown>> | undefined;
    const currency = amounts?.currency;
    if (typeof currency !== "string") return bad(["amounts", "currency"], "expected a currency", currency);
    const overdue = amounts?.overdue?.total;
    const outstanding = amounts?.outstanding?.total;
    if (typeof overdue !== "string") return bad(["amounts", "overdue", "total"], "expected an amount", overdue);
    if (typeof outstanding !== "string")
      return bad(["amounts", "outstanding", "total"], "expected an amount", outstanding);
    const p = o.policy as Record<string, unknown> | null | undefined;
    if (p !== null && (typeof p !== "object" || !name(p.id)))
      return bad(["policy"], "expected {id, version} or null", p);
    const policy = p === null ? "(none)" : (p.id as string);
    const na = o.notApplicable as Record<string, unknown> | undefined;
    if (na !== undefined) {
      if (typeof na !== "object" || na === null || !name(na.code))
        return bad(["notApplicable", "code"], "expected a not-applicable code", na);
      return {
        currency,
        overdue,
        outstanding,
        policy,
        notApplicable: na.code,
        bucket: "(none)",
        bucketIndex: Number.MAX_SAFE_INTEGER,
        action: action.type,
        segment: "(none)",
        allContactsBlocked: false,
        blocked: [],
      };
    }
    const facts = o.facts as Record<string, unknown> | undefined;
    const bucket = facts?.bucket ?? null;
    if (bucket !== null && !name(bucket)) return bad(["facts", "bucket"], "expected a bucket label or null", bucket);
    const bucketIndex = facts?.bucketIndex;
    const segment = (o.scores as Record<string, unknown> | undefined)?.segment ?? null;
    if (segment !== null && !name(segment)) return bad(["scores", "segment"], "expected a segment or null", segment);
    const blockedIn = o.blocked;
    if (!Array.isArray(blockedIn)) return bad(["blocked"], "expected a list", blockedIn);
    const blocked = blockedIn.map((b: Record<string, unknown> | null, i) => {
      const reasons = b?.reasons;
      if (!name(b?.type) || !Array.isArray(reasons)) return bad(["blocked", i], "expected {type, reasons}", b);
      const codes = reasons.map((r: Record<string, unknown> | null, j) =>
        name(r?.code) ? r.code : bad(["blocked", i, "reasons", j, "code"], "expected a reason code", r?.code),
      );
      return { type: b.type, codes };
    });
    return {
      currency,
      overdue,
      outstanding,
      policy,
      notApplicable: null,
      bucket: bucket ?? "(none)",
      bucketIndex:
        typeof bucketIndex === "number" && Number.isSafeInteger(bucketIndex) && bucketIndex >= 0
          ? bucketIndex
          : Number.MAX_SAFE_INTEGER,
      action: action.type,
      segment: segment ?? "(none)",
      allContactsBlocked: o.allContactsBlocked === true,
      blocked,
    };
  });
}

/**
 * Summarises decisions in one pass (any iterable, including {@link decideMany}'s generator):
 * counts and exposure (sum of overdue and outstanding, exact decimal strings per currency) by
 * bucket × action, by bucket, by action and by segment; blocked candidates by reason code; error
 * entries. Memory grows with the number of distinct buckets/actions/codes, not with accounts.
 *
 * Exposure is the Decision's exact `amounts.overdue.total` and `amounts.outstanding.total`.
 *
 * @example
 * const s = summarizePortfolio(decideMany(policy, accounts, { asOf }));
 * console.table(s.byBucketAction.map((r) => ({ bucket: r.bucket, action: r.action, n: r.count })));
 * s.total.exposure.USD.overdue; // "1234567.89"
 */
export function summarizePortfolio(decisions: Iterable<BatchItem | Decision | DecisionError>): PortfolioSummary {
  if (!isIterable(decisions))
    throw new ArrearsError(
      "INVALID_INPUT",
      [{ path: ["decisions"], message: "expected an iterable of decisions", received: decisions }],
      "summarizePortfolio",
    );
  const summary = portfolioSummarizer();
  for (const item of decisions) summary.add(item);
  return summary.result();
}

/**
 * {@link summarizePortfolio} one item at a time (for items that arrive asynchronously: the
 * CLI's decisions from worker threads). @internal
 */
export function portfolioSummarizer(): {
  add(item: BatchItem | Decision | DecisionError): void;
  result(): PortfolioSummary;
} {
  const total = new Group();
  const cells = new Map<string, Group>();
  const buckets = new Map<string, Group>();
  const bucketOrder = new Map<string, number>();
  const actions = new Map<string, Group>();
  const segments = new Map<string, Group>();
  const errorsByCode = new Map<string, number>();
  const reasons = new Map<string, { count: number; decisions: number }>();
  const blockedActions = new Map<string, number>();
  const notApplicable = new Group();
  const naByCode = new Map<string, Group>();
  const policies = new Map<string, Group>();
  let errors = 0;
  let blockedDecisions = 0;
  let allBlocked = 0;

  let index = -1;
  const add = (item: BatchItem | Decision | DecisionError): void => {
    index++;
    const x = readItem(item, index);
    if (x.error !== undefined) {
      errors++;
      errorsByCode.set(x.error, (errorsByCode.get(x.error) ?? 0) + 1);
      return;
    }
    const { currency: cur, overdue: od, outstanding: os, bucket, action, segment } = x;
    bump(policies, x.policy, cur, od, os);
    if (x.notApplicable !== null) {
      total.count++;
      total.sums.add(cur, od, os);
      notApplicable.count++;
      notApplicable.sums.add(cur, od, os);
      bump(naByCode, x.notApplicable, cur, od, os);
      return;
    }
    if (!bucketOrder.has(bucket)) bucketOrder.set(bucket, x.bucketIndex);
    total.count++;
    total.sums.add(cur, od, os);
    bump(cells, bucket + "\u0000" + action, cur, od, os);
    bump(buckets, bucket, cur, od, os);
    bump(actions, action, cur, od, os);
    bump(segments, segment, cur, od, os);
    if (x.blocked.length > 0) blockedDecisions++;
    if (x.allContactsBlocked) allBlocked++;
    const seenHere = new Set<string>();
    for (const b of x.blocked) {
      blockedActions.set(b.type, (blockedActions.get(b.type) ?? 0) + 1);
      for (const code of b.codes) {
        let e = reasons.get(code);
        if (!e) reasons.set(code, (e = { count: 0, decisions: 0 }));
        e.count++;
        if (!seenHere.has(code)) {
          seenHere.add(code);
          e.decisions++;
        }
      }
    }
  };
  const result = (): PortfolioSummary => {
    const bucketList = [...bucketOrder.keys()].sort(
      (a, b) => bucketOrder.get(a)! - bucketOrder.get(b)! || byName(a, b),
    );
    const actionList = [...actions.keys()].sort(byName);
    const byBucketAction: PortfolioSummary["byBucketAction"] = [];
    const counts = bucketList.map((b) =>
      actionList.map((a) => {
        const g = cells.get(b + "\u0000" + a);
        if (g) byBucketAction.push({ bucket: b, action: a, ...g.row() });
        return g ? g.count : 0;
      }),
    );
    return {
      decisions: total.count,
      notApplicable: {
        ...notApplicable.row(),
        byCode: [...naByCode.keys()].sort(byName).map((code) => ({ code, ...naByCode.get(code)!.row() })),
      },
      byPolicy: [...policies.keys()].sort(byName).map((policy) => ({ policy, ...policies.get(policy)!.row() })),
      errors,
      errorsByCode: Object.fromEntries([...errorsByCode.entries()].sort((a, b) => byName(a[0], b[0]))),
      total: total.row(),
      buckets: bucketList,
      actions: actionList,
      byBucketAction,
      counts,
      byBucket: bucketList.map((b) => ({ bucket: b, ...buckets.get(b)!.row() })),
      byAction: actionList.map((a) => ({ action: a, ...actions.get(a)!.row() })),
      bySegment: [...segments.keys()].sort(byName).map((s) => ({ segment: s, ...segments.get(s)!.row() })),
      blocked: {
        decisions: blockedDecisions,
        allContactsBlocked: allBlocked,
        byReason: [...reasons.entries()]
          .sort((a, b) => b[1].count - a[1].count || byName(a[0], b[0]))
          .map(([code, e]) => ({ code, ...e })),
        byAction: [...blockedActions.entries()]
          .sort((a, b) => b[1] - a[1] || byName(a[0], b[0]))
          .map(([action, count]) => ({ action, count })),
      },
    };
  };
  return { add, result };
}
