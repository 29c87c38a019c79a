/**
 * Facts for a UCI row: through the library's own `parseAccount` + `deriveFacts` when available,
 * otherwise (while deriveFacts was being written) a local stand-in computing the same
 * catalogue facts from the row directly.
 */
// Area entry points rather than src/index.js, so a half-finished module elsewhere cannot break this.

import type { Facts } from "../../src/facts/index.js";
import * as factsModule from "../../src/facts/index.js";
import { parseAccount } from "../../src/model/index.js";
import { cycleOf, dpdOf, toAccount, UCI_AS_OF, type UciRow } from "./data.js";

type Derive = (account: unknown, options: { asOf: string }) => Facts;
const derive = (factsModule as unknown as Record<string, unknown>).deriveFacts as Derive | undefined;

/** True when the real deriveFacts is used. */
export const usingDeriveFacts = typeof derive === "function";

export function uciFacts(r: UciRow): Facts {
  if (derive) return derive(parseAccount(toAccount(r)), { asOf: UCI_AS_OF });
  return standInFacts(r);
}

const DAYS_SINCE = [16, 47, 78, 108, 139, 169]; // 2005-10-01 minus the 15th of Sep … Apr

function standInFacts(r: UciRow): Facts {
  const h = r.status.map(cycleOf);
  const outstanding = Math.max(0, r.bill[0]!);
  let last = -1;
  for (let i = 0; i < 6; i++)
    if (r.paid[i]! > 0) {
      last = i;
      break;
    }
  let episode = 0;
  while (episode < h.length && h[episode]! > 0) episode++;
  let clean = 0;
  while (episode + clean < h.length && h[episode + clean] === 0) clean++;
  return {
    dpd: dpdOf(r.status[0]!),
    worstCycle12m: Math.max(...h),
    cyclesDelinquent12m: h.filter((x) => x > 0).length,
    cleanCyclesBeforeDelinquency: episode > 0 ? clean : 0,
    firstDelinquency: episode > 0 && episode + clean === h.length,
    creditLimit: r.limit,
    outstandingAmount: outstanding,
    utilization: r.limit > 0 ? Math.round((outstanding / r.limit) * 10_000) / 10_000 : null,
    paidAmount90d: r.paid[0]! + r.paid[1]! + r.paid[2]!,
    paymentsCount90d: [0, 1, 2].filter((i) => r.paid[i]! > 0).length,
    daysSinceLastPayment: last >= 0 ? DAYS_SINCE[last]! : null,
    lastPaymentAmount: last >= 0 ? r.paid[last]! : null,
    paymentRatio90d: null,
    promisesBroken90d: 0,
    unreachable: false,
  };
}
