import type { Decision } from "../decision/decision.js";
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

  for (const item of decisions) {
    if ((item as Decision).action === undefined) {
      errors++;
      const code = (item as DecisionError).error?.code ?? "UNKNOWN";
      errorsByCode.set(code, (errorsByCode.get(code) ?? 0) + 1);
      continue;
    }
    const d = item as Decision;
    const cur = d.amounts.currency;
    const od = d.amounts.overdue.total;
    const os = d.amounts.outstanding.total;
    bump(policies, d.policy === null ? "(none)" : d.policy.id, cur, od, os);
    if (d.notApplicable !== undefined) {
      total.count++;
      total.sums.add(cur, od, os);
      notApplicable.count++;
      notApplicable.sums.add(cur, od, os);
      bump(naByCode, d.notApplicable.code, cur, od, os);
      continue;
    }
    const bucket = String(d.facts.bucket ?? "(none)");
    const action = d.action.type;
    const segment = d.scores?.segment ?? "(none)";
    if (!bucketOrder.has(bucket))
      bucketOrder.set(bucket, typeof d.facts.bucketIndex === "number" ? d.facts.bucketIndex : Number.MAX_SAFE_INTEGER);
    total.count++;
    total.sums.add(cur, od, os);
    bump(cells, bucket + "\u0000" + action, cur, od, os);
    bump(buckets, bucket, cur, od, os);
    bump(actions, action, cur, od, os);
    bump(segments, segment, cur, od, os);
    if (d.blocked.length > 0) blockedDecisions++;
    if (d.allContactsBlocked) allBlocked++;
    const seenHere = new Set<string>();
    for (const b of d.blocked) {
      blockedActions.set(b.type, (blockedActions.get(b.type) ?? 0) + 1);
      for (const r of b.reasons) {
        let e = reasons.get(r.code);
        if (!e) reasons.set(r.code, (e = { count: 0, decisions: 0 }));
        e.count++;
        if (!seenHere.has(r.code)) {
          seenHere.add(r.code);
          e.decisions++;
        }
      }
    }
  }

  const bucketList = [...bucketOrder.keys()].sort((a, b) => bucketOrder.get(a)! - bucketOrder.get(b)! || byName(a, b));
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
}
