import { z } from "zod";
import { ArrearsError, issuesFromZod, ownField, readInput, type SafeResult } from "../errors/index.js";
import { toMinorUnits } from "../money/index.js";
import { parseInstant, parseIsoDate } from "../time/index.js";
import { deepFreeze } from "../util/index.js";
import { sharedRegistry } from "../util/shared.js";
import { LedgerSweep } from "./ledger.js";
import { prepareAccount } from "./prepared.js";
import {
  ACCOUNT_LIMITS,
  AccountEventSchema,
  AmountSchema,
  ArrangementSchema,
  BalanceSchema,
  BorrowerSchema,
  ContactSchema,
  CurrencySchema,
  DelinquencySnapshotSchema,
  DueSchema,
  IsoDateSchema,
  JurisdictionSchema,
  LocaleSchema,
  PaymentSchema,
  TimeZoneSchema,
  text,
} from "./schema.js";

const AccountObject = z.strictObject({
  id: text(ACCOUNT_LIMITS.idLength).min(1, "expected a non-empty account id"),
  product: z.enum(["installment", "revolving"]),
  currency: CurrencySchema,
  /** Where the borrower lives (`CN`, `US-NY`, `GB-ENG`): decides which policy and guardrails apply. */
  jurisdiction: JurisdictionSchema.optional(),
  openedOn: IsoDateSchema,
  timeZone: TimeZoneSchema,
  locale: LocaleSchema.default("en-US"),
  creditLimit: AmountSchema.optional(),
  balance: BalanceSchema.prefault({}),
  dues: z.array(DueSchema).max(ACCOUNT_LIMITS.dues).optional(),
  payments: z.array(PaymentSchema).max(ACCOUNT_LIMITS.payments).default([]),
  delinquency: DelinquencySnapshotSchema.optional(),
  borrower: BorrowerSchema.prefault({}),
  contacts: z.array(ContactSchema).max(ACCOUNT_LIMITS.contacts).default([]),
  /** Dated events that open and close holds (dispute, cease request, complaint, moratorium …). */
  events: z.array(AccountEventSchema).max(ACCOUNT_LIMITS.events).default([]),
  /** Payment arrangements agreed with the borrower. */
  arrangements: z.array(ArrangementSchema).max(ACCOUNT_LIMITS.arrangements).default([]),
  /** Free-form lender data carried into the decision untouched (never read by rules). */
  meta: z
    .record(text(128), z.union([text(ACCOUNT_LIMITS.metaValueLength), z.number(), z.boolean(), z.null()]))
    .refine((m) => Object.keys(m).length <= ACCOUNT_LIMITS.metaKeys, {
      message: `expected at most ${ACCOUNT_LIMITS.metaKeys} entries`,
    })
    .optional(),
});

type Ctx = z.RefinementCtx;

function crossChecks(a: z.infer<typeof AccountObject>, ctx: Ctx): void {
  const opened = parseIsoDate(a.openedOn);
  if (!a.dues && !a.delinquency) {
    ctx.addIssue({
      code: "custom",
      path: ["dues"],
      message: "expected either dues (with payments) or a delinquency snapshot",
    });
  }
  if (a.dues) {
    const seen = new Map<number, number>();
    a.dues.forEach((d, i) => {
      const day = parseIsoDate(d.dueDate);
      const prev = seen.get(day);
      if (prev !== undefined)
        ctx.addIssue({
          code: "custom",
          path: ["dues", i, "dueDate"],
          message: `duplicate due date (also dues[${prev}])`,
          input: d.dueDate,
        });
      else seen.set(day, i);
      if (day < opened)
        ctx.addIssue({
          code: "custom",
          path: ["dues", i, "dueDate"],
          message: `due date before openedOn ${a.openedOn}`,
          input: d.dueDate,
        });
      const parts =
        d.principal === undefined && d.interest === undefined && d.fees === undefined
          ? 0
          : (d.principal === undefined ? 0 : toMinorUnits(d.principal, a.currency)) +
            (d.interest === undefined ? 0 : toMinorUnits(d.interest, a.currency)) +
            (d.fees === undefined ? 0 : toMinorUnits(d.fees, a.currency));
      if (parts > 0 && parts > toMinorUnits(d.amount, a.currency))
        ctx.addIssue({
          code: "custom",
          path: ["dues", i, "amount"],
          message: "principal + interest + fees exceed the amount due",
          input: d.amount,
        });
    });
  }
  a.payments.forEach((p, i) => {
    if (parseIsoDate(p.date) < opened)
      ctx.addIssue({
        code: "custom",
        path: ["payments", i, "date"],
        message: `payment before openedOn ${a.openedOn}`,
        input: p.date,
      });
  });
  a.contacts.forEach((c, i) => {
    if (c.outcome === "promise_to_pay" && !c.promise)
      ctx.addIssue({
        code: "custom",
        path: ["contacts", i, "promise"],
        message: "a promise_to_pay outcome needs its promise {amount, dueDate}",
      });
    if (c.promise && parseIsoDate(c.promise.dueDate) < Math.floor(parseInstant(c.at) / 86_400_000) - 1)
      ctx.addIssue({
        code: "custom",
        path: ["contacts", i, "promise", "dueDate"],
        message: "promise due before the contact that made it",
        input: c.promise.dueDate,
      });
  });
  a.borrower.hardship.forEach((h, i) => {
    if (h.until && parseIsoDate(h.until) < parseIsoDate(h.reportedOn))
      ctx.addIssue({
        code: "custom",
        path: ["borrower", "hardship", i, "until"],
        message: "until is before reportedOn",
        input: h.until,
      });
  });
  const contactIds = new Set(a.borrower.emergencyContacts.map((c) => c.id));
  a.contacts.forEach((c, i) => {
    if (c.partyId !== undefined && !contactIds.has(c.partyId))
      ctx.addIssue({
        code: "custom",
        path: ["contacts", i, "partyId"],
        message: "not the id of one of borrower.emergencyContacts",
        input: c.partyId,
      });
    if (c.partyId !== undefined && c.party !== undefined && c.party !== "emergency_contact")
      ctx.addIssue({
        code: "custom",
        path: ["contacts", i, "party"],
        message: "a contact with a partyId is with an emergency contact",
        input: c.party,
      });
    if (c.visit && c.channel !== "visit")
      ctx.addIssue({
        code: "custom",
        path: ["contacts", i, "visit"],
        message: "visit details belong to a contact on channel visit",
      });
    if (c.appointment && parseInstant(c.appointment.at) < parseInstant(c.at))
      ctx.addIssue({
        code: "custom",
        path: ["contacts", i, "appointment", "at"],
        message: "an appointment is agreed for a time after the contact",
        input: c.appointment.at,
      });
  });
  a.events.forEach((e, i) => {
    const only = (
      field: "written" | "amount" | "kind" | "until" | "active" | "chapter" | "agency",
      types: readonly string[],
    ) => {
      if (e[field] !== undefined && !types.includes(e.type))
        ctx.addIssue({
          code: "custom",
          path: ["events", i, field],
          message: `not a field of a ${e.type} event`,
          input: e[field],
        });
    };
    only("written", ["dispute_received", "cease_requested"]);
    only("amount", ["dispute_received"]);
    only("kind", ["breathing_space_started"]);
    only("until", ["breathing_space_started"]);
    only("active", ["servicemember_checked"]);
    only("chapter", ["bankruptcy_filed"]);
    only("agency", ["agency_placed"]);
    if (e.type === "breathing_space_started" && e.kind === undefined)
      ctx.addIssue({ code: "custom", path: ["events", i, "kind"], message: 'required: "standard" or "mental_health"' });
    if (e.type === "servicemember_checked" && e.active === undefined)
      ctx.addIssue({ code: "custom", path: ["events", i, "active"], message: "required: the result of the check" });
  });
  const arrangementIds = new Set<string>();
  a.arrangements.forEach((r, i) => {
    if (arrangementIds.has(r.id))
      ctx.addIssue({
        code: "custom",
        path: ["arrangements", i, "id"],
        message: "duplicate arrangement id",
        input: r.id,
      });
    arrangementIds.add(r.id);
    const agreed = parseIsoDate(r.agreedOn);
    let prev = Number.NEGATIVE_INFINITY;
    r.schedule.forEach((x, j) => {
      const day = parseIsoDate(x.dueDate);
      if (day < agreed)
        ctx.addIssue({
          code: "custom",
          path: ["arrangements", i, "schedule", j, "dueDate"],
          message: `before the day the arrangement was agreed (${r.agreedOn})`,
          input: x.dueDate,
        });
      else if (day <= prev)
        ctx.addIssue({
          code: "custom",
          path: ["arrangements", i, "schedule", j, "dueDate"],
          message: "schedule dates must increase",
          input: x.dueDate,
        });
      prev = day;
    });
    if (r.endedOn !== undefined && parseIsoDate(r.endedOn) < agreed)
      ctx.addIssue({
        code: "custom",
        path: ["arrangements", i, "endedOn"],
        message: "ends before it was agreed",
        input: r.endedOn,
      });
  });
  const f = a.borrower.flags;
  if (
    f.breathingSpaceFrom &&
    f.breathingSpaceUntil &&
    parseIsoDate(f.breathingSpaceUntil) < parseIsoDate(f.breathingSpaceFrom)
  )
    ctx.addIssue({
      code: "custom",
      path: ["borrower", "flags", "breathingSpaceUntil"],
      message: "breathing space ends before it starts",
      input: f.breathingSpaceUntil,
    });
  const snap = a.delinquency;
  if (a.dues && snap) {
    if (!snap.asOf) {
      ctx.addIssue({
        code: "custom",
        path: ["delinquency", "asOf"],
        message: "required when both dues and a delinquency snapshot are given (to check they agree)",
      });
    } else {
      const p = prepareAccount(a as Account);
      const derived = new LedgerSweep(p.dues!, p.payments).dpdAt(parseIsoDate(snap.asOf));
      if (derived !== snap.dpd)
        ctx.addIssue({
          code: "custom",
          path: ["delinquency", "dpd"],
          message: `disagrees with the dues and payments, which give ${derived} days past due on ${snap.asOf}`,
          input: snap.dpd,
        });
    }
  }
}

/** zod schema of an account: the single source of the {@link Account} type. */
export const AccountSchema = AccountObject.superRefine(crossChecks);

/** A validated account, as returned by {@link parseAccount} (defaults filled in). */
export type Account = z.infer<typeof AccountSchema>;
/** Deeply readonly: a mutable value fits, and so does an `as const` literal. */
type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * What callers send: amounts as strings or numbers, optional parts omitted. Annotate inline
 * accounts with it (`const a: AccountInput = {…}`) and a misspelt field fails to compile.
 */
export type AccountInput = DeepReadonly<z.input<typeof AccountSchema>>;

// Accounts this module validated, so hot paths (decide) can skip re-validation safely.
// A process-wide registry (keyed by a registered symbol) so that the ESM and CJS copies of
// arrears trust each other's parsed accounts. Bump the suffix when the Account schema changes.
const validated = sharedRegistry("account.validated/v1", () => new WeakSet<object>());

/** True if `value` is an object returned by {@link parseAccount} (and so already valid). */
export function isParsedAccount(value: unknown): value is Account {
  return typeof value === "object" && value !== null && validated.has(value);
}

/**
 * Validates account JSON and returns a typed `Account` with defaults filled in.
 *
 * @throws {ArrearsError} code `INVALID_ACCOUNT`, one issue per problem, each with its path
 * and received value, e.g. `contacts[3].at: expected an ISO instant with offset, received "yesterday"`.
 *
 * @example
 * const account = parseAccount({ id: "A1", product: "installment", currency: "CNY",
 *   openedOn: "2026-01-15", timeZone: "Asia/Shanghai", balance: { principal: "9000.00" },
 *   dues: [{ dueDate: "2026-10-15", amount: "1050.00" }], payments: [] });
 */
export function parseAccount(input: unknown): Account {
  const r = safeParseAccount(input);
  if (!r.success) throw r.error;
  return r.data;
}

/** Like {@link parseAccount} but returns `{success, data | error}` instead of throwing. */
export function safeParseAccount(input: unknown): SafeResult<Account> {
  if (isParsedAccount(input)) return { success: true, data: input };
  // An input that cannot even be read (a getter or proxy trap that throws, a revoked proxy) is
  // an invalid account too, never the caller's exception or a TypeError escaping.
  let r: ReturnType<typeof AccountSchema.safeParse>;
  try {
    r = readInput("INVALID_ACCOUNT", "account", () => AccountSchema.safeParse(input));
  } catch (e) {
    return { success: false, error: e as ArrearsError }; // readInput throws only ArrearsErrors
  }
  if (!r.success) {
    const issues = issuesFromZod(r.error, input);
    const id = ownField(input, "id");
    return {
      success: false,
      error: new ArrearsError(
        "INVALID_ACCOUNT",
        issues,
        typeof id === "string" && id.length <= 128 ? `account ${JSON.stringify(id)}` : "account",
      ),
    };
  }
  // Frozen so the "already validated" mark can never outlive a mutation.
  deepFreeze(r.data);
  validated.add(r.data);
  return { success: true, data: r.data };
}
