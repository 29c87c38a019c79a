import type { AmountsByComponent } from "../model/index.js";

/** Options of {@link deriveDelinquency}. */
export interface DelinquencyOptions {
  /** Evaluation instant (ISO with offset) or date; the borrower's local date of it is used. */
  asOf: string;
  /**
   * Bucket scheme: a compiled scheme (`loadBucketScheme`, `BUCKET_SCHEMES`), the id of a shipped
   * one (`"us-cycle"`), or scheme JSON from `rules/buckets/` (compiled once, cached). Default `cn-m`.
   */
  scheme?: unknown;
  /** Days after a due date during which arrears are "in grace" (still counted in DPD). Default 0. */
  graceDays?: number | undefined;
  /** A due whose unpaid remainder is at or below this amount does not count for DPD. Default "0". */
  tolerance?: string | number | undefined;
}

/** Result of {@link deriveDelinquency}. */
export interface Delinquency {
  dpd: number;
  inGrace: boolean;
  bucket: string;
  bucketIndex: number;
  chargeOffDue: boolean;
  /** Oldest due date still unpaid beyond tolerance (null when current or from a snapshot without dues). */
  oldestUnpaidDueDate: string | null;
  overdue: AmountsByComponent;
  outstanding: AmountsByComponent;
  /** Monthly status newest first (0 current, 1 = 1–29 days late, …), up to 24 months. */
  cycleHistory: number[];
  cyclesDelinquent12m: number;
  worstCycle12m: number;
  cyclesDelinquent24m: number;
  cleanCyclesBeforeDelinquency: number;
  firstDelinquency: boolean;
  /** Where the figures came from. */
  source: "dues" | "snapshot";
  /** The evaluation date: the borrower's local date of `asOf` (ISO `YYYY-MM-DD`). */
  asOfDate: string;
  /** Id of the bucket scheme used. */
  scheme: string;
  /** False when a snapshot gave only a total overdue (components then read 0). */
  overdueComponentsKnown: boolean;
}
