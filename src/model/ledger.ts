import type { PreparedDues, PreparedPayments } from "./prepared.js";

/**
 * Dues against payments, the one place they are set against each other. Payments go to the
 * oldest dues first; money beyond the dues fallen due so far is a credit against later dues.
 * Tolerance: the oldest unpaid remainders are ignored for DPD while, added up oldest first, they
 * stay within the tolerance; DPD counts from the due at which they exceed it. (A per-due
 * tolerance would let any number of small unpaid dues count as current.)
 * A sweep is asked about ascending days only: payments only accumulate, so the oldest due with
 * a remainder above the tolerance can only move forward, and every pointer advances
 * monotonically (a whole cycle history costs one pass). @internal
 */
export class LedgerSweep {
  /** Payments made on or before the last day asked (minor units). */
  paid = 0;
  /** Number of dues fallen due on or before the last day asked. */
  fallen = 0;
  /** Index of the oldest due at which the unpaid remainders so far exceed the tolerance (`fallen` when none). */
  oldest = 0;
  private pi = 0;

  constructor(
    private readonly dues: PreparedDues,
    private readonly payments: PreparedPayments,
    private readonly tolerance = 0,
  ) {}

  /** Days past due on `day` (due date = day 0), moving the sweep to `day` (never backwards). */
  dpdAt(day: number): number {
    const { day: dueDay, cum } = this.dues;
    const { day: payDay, amount: payAmount } = this.payments;
    while (this.pi < payDay.length && payDay[this.pi]! <= day) this.paid += payAmount[this.pi++]!;
    while (this.fallen < dueDay.length && dueDay[this.fallen]! <= day) this.fallen++;
    // Remainders fill oldest first, so the remainders up to due k add up to cum[k] − paid.
    while (this.oldest < this.fallen && cum[this.oldest]! - this.paid <= this.tolerance) this.oldest++;
    return this.oldest < this.fallen ? day - dueDay[this.oldest]! : 0;
  }

  /** Dues fallen due minus payments, never below zero, at the last day asked (minor units). */
  arrears(): number {
    const due = this.fallen === 0 ? 0 : this.dues.cum[this.fallen - 1]!;
    return due > this.paid ? due - this.paid : 0;
  }
}
