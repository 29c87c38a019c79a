import type { Account, HardshipKind } from "../model/index.js";
import { parseIsoDate } from "../time/index.js";

/** The hardship that applies on a day (see {@link activeHardship}). @internal */
export interface ActiveHardship {
  kind: HardshipKind;
  /** Epoch day it was reported. */
  reportedDay: number;
  /** Last day it is expected to last (inclusive), or null when open-ended. */
  untilDay: number | null;
  /** Position in `borrower.hardship`. */
  index: number;
}

/**
 * The active hardship on `day`: among reports made on or before `day` whose `until` has not
 * passed, the most recently reported (a later entry wins a tie). The same rule as the
 * `hardshipReported` / `hardshipKind` facts. @internal
 */
export function activeHardship(account: Account, day: number): ActiveHardship | null {
  let best: ActiveHardship | null = null;
  const list = account.borrower.hardship;
  for (let i = 0; i < list.length; i++) {
    const h = list[i]!;
    const reportedDay = parseIsoDate(h.reportedOn);
    if (reportedDay > day) continue;
    const untilDay = h.until === undefined ? null : parseIsoDate(h.until);
    if (untilDay !== null && untilDay < day) continue;
    if (best === null || reportedDay >= best.reportedDay) best = { kind: h.kind, reportedDay, untilDay, index: i };
  }
  return best;
}
