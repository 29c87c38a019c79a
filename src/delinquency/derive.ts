import type { Delinquency, DelinquencyOptions } from "./types.js";
import type { Account } from "../model/account.js";

/**
 * Days past due, bucket, overdue amounts and cycle history of an account at `asOf`.
 * (Work in progress: the signature is final.)
 *
 * @example
 * const d = deriveDelinquency(account, { asOf: "2026-11-23T09:30:00+08:00" });
 */
export function deriveDelinquency(account: Account | unknown, options: DelinquencyOptions): Delinquency {
  void account;
  void options;
  throw new Error("deriveDelinquency: not implemented yet");
}
