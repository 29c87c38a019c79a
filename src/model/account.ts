import * as z from "zod";
import {
  ArrearsError,
  type ArrearsIssue,
  formatIssue,
  issuesFromZod,
  ownField,
  readInput,
  type SafeResult,
} from "../errors/index.js";
import { parseOptions } from "../errors/options.js";
import { toMinorUnits } from "../money/index.js";
import { parseInstant, parseIsoDate } from "../time/index.js";
import { deepFreeze } from "../util/index.js";
import { sharedRegistry } from "../util/shared.js";
import { fastParser } from "./fast-parse.js";
import { LedgerSweep } from "./ledger.js";
import { isTransient, markTransient, prepareAccount } from "./prepared.js";
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

/** `promiseRequired: false` (lenient parsing): a promise_to_pay contact may lack its promise. */
function crossChecks(a: z.infer<typeof AccountObject>, ctx: Ctx, promiseRequired = true): void {
  const opened = parseIsoDate(a.openedOn);
  if (!a.dues && !a.delinquency) {
    ctx.addIssue({
      code: "custom",
      path: ["dues"],
      message: "expected either dues (with payments) or a delinquency snapshot",
    });
  }
  if (a.dues) {
    // First index of each due date. While the dates only increase (the usual schedule) no date
    // can repeat, so the map is only built once one does not.
    let seen: Map<number, number> | null = null;
    let last = Number.NEGATIVE_INFINITY;
    const dues = a.dues;
    dues.forEach((d, i) => {
      const day = parseIsoDate(d.dueDate);
      if (seen === null && !(day > last)) {
        seen = new Map<number, number>();
        for (let k = 0; k < i; k++) seen.set(parseIsoDate(dues[k]!.dueDate), k);
      }
      last = day;
      const prev = seen?.get(day);
      if (prev !== undefined)
        ctx.addIssue({
          code: "custom",
          path: ["dues", i, "dueDate"],
          message: `duplicate due date (also dues[${prev}])`,
          input: d.dueDate,
        });
      else seen?.set(day, i);
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
  // Indexed loops, no closures: this runs on every account the fast path accepts.
  const payments = a.payments;
  for (let i = 0; i < payments.length; i++) {
    const p = payments[i]!;
    if (parseIsoDate(p.date) < opened)
      ctx.addIssue({
        code: "custom",
        path: ["payments", i, "date"],
        message: `payment before openedOn ${a.openedOn}`,
        input: p.date,
      });
  }
  // Indexed loops (issues in the same order as ever: promises, hardship, then parties and visits).
  const contacts = a.contacts;
  for (let i = 0; i < contacts.length; i++) {
    const c = contacts[i]!;
    if (promiseRequired && c.outcome === "promise_to_pay" && !c.promise)
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
  }
  a.borrower.hardship.forEach((h, i) => {
    if (h.until && parseIsoDate(h.until) < parseIsoDate(h.reportedOn))
      ctx.addIssue({
        code: "custom",
        path: ["borrower", "hardship", i, "until"],
        message: "until is before reportedOn",
        input: h.until,
      });
  });
  let contactIds: Set<string> | null = null; // made at the first contact naming an emergency contact
  for (let i = 0; i < contacts.length; i++) {
    const c = contacts[i]!;
    if (
      c.partyId !== undefined &&
      !(contactIds ??= new Set(a.borrower.emergencyContacts.map((e) => e.id))).has(c.partyId)
    )
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
  }
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
export const AccountSchema = AccountObject.superRefine((a, ctx) => crossChecks(a, ctx));
// Lenient parsing validates against this: the same account, except that a promise_to_pay contact
// may come without its promise (the contact is kept and a warning says the promise is missing).
const LenientAccountSchema = AccountObject.superRefine((a, ctx) => crossChecks(a, ctx, false));

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
  return typeof value === "object" && value !== null && (isTransient(value as Account) || validated.has(value));
}

/** Options of {@link parseAccount} and {@link safeParseAccount}. */
export interface ParseAccountOptions {
  /**
   * Set aside the contacts and payments that fail validation (a bad date, an unknown outcome, a
   * payment before `openedOn` …), each with a warning, instead of rejecting the account; any
   * other problem still rejects it. A contact whose only problem is its promise (logged as
   * `promise_to_pay` without the promise, or a promise without an amount or with a bad due date)
   * is kept, without the promise: it still counts as a right-party contact, and no promise is on
   * record. Default false (strict).
   */
  lenient?: boolean | undefined;
}

/** A contact, payment or promise that lenient parsing set aside: its path in the input and why. */
export interface AccountWarning {
  /**
   * `["contacts", 3]`: the position in the input (the parsed account's list is shorter), or
   * `["contacts", 3, "promise"]` for a contact kept without its promise.
   */
  path: (string | number)[];
  message: string;
}

/** What {@link safeParseAccount} returns with `lenient: true`: the result and what was set aside. */
export type LenientParseResult = SafeResult<Account> & { warnings: AccountWarning[] };

const ParseAccountOptionsSchema = z.strictObject({ lenient: z.boolean().optional() });

// The warnings of accounts parsed leniently, so `decide` reports them even when it is handed the
// parsed account. Shared by the ESM and CJS copies, as `validated` is.
const warningsOf = sharedRegistry("account.warnings/v1", () => new WeakMap<object, readonly AccountWarning[]>());

/** @internal The warnings lenient parsing recorded for a parsed account (empty for strict parses). */
export function accountWarnings(account: Account): readonly AccountWarning[] {
  return warningsOf.get(account) ?? [];
}

/**
 * Validates account JSON and returns a typed `Account` with defaults filled in. With
 * `{ lenient: true }`, invalid contacts and payments are set aside instead of rejecting the
 * account: `safeParseAccount` lists them (`warnings`), and so does a decision on the account.
 *
 * @throws {ArrearsError} code `INVALID_ACCOUNT`, one issue per problem, each with its path
 * and received value, e.g. `contacts[3].at: expected an ISO instant with offset, received "yesterday"`;
 * `INVALID_OPTIONS` for unknown options.
 *
 * @example
 * const account = parseAccount({ id: "A1", product: "installment", currency: "CNY",
 *   openedOn: "2026-01-15", timeZone: "Asia/Shanghai", balance: { principal: "9000.00" },
 *   dues: [{ dueDate: "2026-10-15", amount: "1050.00" }], payments: [] });
 */
export function parseAccount(input: unknown, options?: ParseAccountOptions): Account {
  const r = options === undefined ? strictParse(input) : safeParseAccount(input, options);
  if (!r.success) throw r.error;
  return r.data;
}

/**
 * Like {@link parseAccount} but returns `{success, data | error}` instead of throwing; with
 * `{ lenient: true }` also `warnings` (the contacts and payments set aside).
 *
 * @throws {ArrearsError} `INVALID_OPTIONS` for unknown options (never for a bad account).
 *
 * @example
 * const r = safeParseAccount(json, { lenient: true });
 * if (r.success) for (const w of r.warnings) log(w.path.join("."), w.message);
 */
export function safeParseAccount(input: unknown, options: ParseAccountOptions & { lenient: true }): LenientParseResult;
export function safeParseAccount(
  input: unknown,
  options: ParseAccountOptions | undefined,
): SafeResult<Account> | LenientParseResult;
export function safeParseAccount(
  input: unknown,
  options?: ParseAccountOptions & { lenient?: false | undefined },
): SafeResult<Account>;
export function safeParseAccount(
  input: unknown,
  options?: ParseAccountOptions,
): SafeResult<Account> | LenientParseResult {
  if (options !== undefined && parseOptions(ParseAccountOptionsSchema, options, "safeParseAccount options").lenient)
    return lenientParse(input);
  return strictParse(input);
}

/**
 * Parses an account for one call (`decide`, a batch item) that never hands the parsed copy to its
 * caller: the same result as {@link safeParseAccount}, but the copy is only the transient account
 * (`isParsedAccount` holds for it until the next one is parsed this way) instead of an entry in the
 * registry of parsed accounts. An account already parsed comes back as it is. @internal
 */
export function parseTransient(input: unknown, lenient: boolean): SafeResult<Account> {
  if (isParsedAccount(input)) return { success: true, data: input };
  acceptTransient = true;
  try {
    return lenient ? lenientParse(input) : strictParse(input);
  } finally {
    acceptTransient = false;
  }
}

function accountContext(input: unknown): string {
  // ownField: a getter or proxy trap on the input never runs here (it may throw or lie).
  const id = ownField(input, "id");
  return typeof id === "string" && id.length > 0 && id.length <= 128 ? `account ${JSON.stringify(id)}` : "account";
}

// The fast path (fast-parse.ts) is on unless a test turns it off to compare with zod alone.
let fastPathEnabled = true;

/**
 * @internal For the differential tests only (never exported from a package entry): `false` makes
 * every account parse go through zod alone. Returns the previous setting.
 */
export function setFastPath(enabled: boolean): boolean {
  const previous = fastPathEnabled;
  fastPathEnabled = enabled;
  return previous;
}

// The cross-checks' context on the fast path: it only needs to know whether any issue was raised
// (zod then parses again and reports them). One shared object: a fresh one per parse, holding the
// account, measurably kept young accounts alive through garbage collections.
const flagged = {
  issues: 0,
  addIssue(): void {
    this.issues++;
  },
};

/**
 * The account, if the fast path is sure it is valid: the object schema through the generated
 * parser, then the same cross-checks as the schema's refinement (of the lenient schema with
 * `lenient`). Undefined: zod decides. @internal (exported for the differential tests)
 */
export function fastValidate(input: unknown, lenient = false): Account | undefined {
  const data = fastParser(AccountObject)?.(input);
  if (data === undefined) return undefined;
  flagged.issues = 0;
  try {
    crossChecks(data, flagged as unknown as Ctx, !lenient);
  } catch {
    return undefined; // zod's run of the same checks throws the same, where it is handled
  }
  return flagged.issues === 0 ? (data as Account) : undefined;
}

/** Validation issues of `input` (empty when valid), with the parsed account when valid. */
function validate(input: unknown, lenient = false): { data: Account } | { issues: ArrearsIssue[] } {
  // A plain, valid account is accepted by the parser generated from the schema; anything it is
  // not sure of (invalid, unusual) is zod's, whose issues and messages are the ones reported.
  if (fastPathEnabled) {
    const fast = fastValidate(input, lenient);
    if (fast !== undefined) return { data: fast };
  }
  const schema = lenient ? LenientAccountSchema : AccountSchema;
  // An input that cannot even be read (a throwing getter or proxy trap, a revoked proxy) is an
  // invalid account: readInput turns that into an ArrearsError, never the caller's exception.
  const r = readInput("INVALID_ACCOUNT", "account", () => schema.safeParse(input));
  // With the schema: an unknown field gets a "did you mean" (`ballance` → "balance").
  return r.success ? { data: r.data } : { issues: issuesFromZod(r.error, input, [], AccountSchema) };
}

// Set while parseTransient runs: the account it accepts is marked transient, not registered.
let acceptTransient = false;

function accept(data: Account, warnings: readonly AccountWarning[]): Account {
  // Frozen so the "already validated" mark can never outlive a mutation.
  deepFreeze(data);
  // A copy the caller never sees needs no entry in the process-wide WeakSet: an entry per account
  // costs the young-generation GC more than the rest of the parse (measured: 34k → 48k parses/s).
  if (acceptTransient) markTransient(data);
  else validated.add(data);
  if (warnings.length > 0) warningsOf.set(data, Object.freeze([...warnings]));
  return data;
}

function strictParse(input: unknown): SafeResult<Account> {
  if (isParsedAccount(input)) return { success: true, data: input };
  let v: ReturnType<typeof validate>;
  try {
    v = validate(input);
  } catch (e) {
    return { success: false, error: e as ArrearsError }; // readInput throws only ArrearsErrors
  }
  if ("issues" in v)
    return { success: false, error: new ArrearsError("INVALID_ACCOUNT", v.issues, accountContext(input)) };
  return { success: true, data: accept(v.data, []) };
}

/** The lists whose invalid items lenient parsing sets aside. */
const SET_ASIDE = ["contacts", "payments"] as const;
type SetAsideList = (typeof SET_ASIDE)[number];
const isList = (x: unknown): x is SetAsideList => x === "contacts" || x === "payments";

/** An issue's item (`contacts[3]`) and whether it is inside that contact's promise. */
function itemOf(issue: ArrearsIssue): { list: SetAsideList; index: number; inPromise: boolean } | null {
  const [list, index, field] = issue.path;
  if (!isList(list) || typeof index !== "number") return null;
  return { list, index, inPromise: list === "contacts" && field === "promise" };
}

/** Issues relative to their item (`amount: …` rather than `payments[2].amount: …`). */
function relative(issues: readonly ArrearsIssue[], prefix: string): string {
  // Formatted with the full path (which decides what is masked), shown relative to the item.
  return issues.map((x) => formatIssue(x).replace(prefix, "")).join("; ");
}

/**
 * Lenient parsing. An invalid payment or contact is set aside, except that a contact whose only
 * problems are in its promise (a promise logged without an amount, a bad due date) is kept
 * without the promise; a `promise_to_pay` contact with no promise at all is kept as it is. Each
 * gets a warning with its path in the input. Any other problem rejects the account.
 */
function lenientParse(input: unknown): LenientParseResult {
  if (isParsedAccount(input)) return { success: true, data: input, warnings: [...accountWarnings(input)] };
  try {
    // Lenient rounds read the input outside zod too (its lists, a copy of it): an input that
    // cannot be read is an invalid account, as in strict parsing, never the caller's exception.
    return readInput("INVALID_ACCOUNT", "account", () => lenientRounds(input));
  } catch (e) {
    return { success: false, error: e as ArrearsError, warnings: [] }; // readInput throws only ArrearsErrors
  }
}

function lenientRounds(input: unknown): LenientParseResult {
  const warnings: AccountWarning[] = [];
  const fail = (issues: ArrearsIssue[]): LenientParseResult => ({
    success: false,
    error: new ArrearsError("INVALID_ACCOUNT", issues, accountContext(input)),
    warnings: sortWarnings(warnings),
  });
  // The input index of each remaining item of the lists lenient parsing may shorten.
  const original = new Map<SetAsideList, number[]>();
  for (const list of SET_ASIDE) {
    const items = (input as Record<string, unknown> | null)?.[list];
    if (Array.isArray(items))
      original.set(
        list,
        items.map((_, i) => i),
      );
  }
  const at = (list: SetAsideList, i: number): number => original.get(list)?.[i] ?? i;
  const promiseWarned = new Set<number>(); // input indices of contacts whose promise was set aside
  let current = input;
  // Removing an item or a promise can only remove problems, but a cross-check (payments against
  // openedOn, a promise against its contact) may surface once the schema errors are gone. Each
  // round removes an item or a promise, so the rounds end.
  for (;;) {
    const v = validate(current, true);
    if (!("issues" in v)) {
      v.data.contacts.forEach((c, i) => {
        const index = at("contacts", i);
        if (c.outcome === "promise_to_pay" && !c.promise && !promiseWarned.has(index))
          warnings.push({
            path: ["contacts", index, "promise"],
            message: "promise_to_pay without its promise {amount, dueDate}: the contact is kept, no promise recorded",
          });
      });
      const sorted = sortWarnings(warnings);
      return { success: true, data: accept(v.data, sorted), warnings: sorted };
    }
    const byItem = new Map<
      string,
      { list: SetAsideList; index: number; issues: ArrearsIssue[]; promiseOnly: boolean }
    >();
    for (const issue of v.issues) {
      const item = itemOf(issue);
      if (item === null) return fail(v.issues);
      const key = `${item.list}\u0000${item.index}`;
      const entry = byItem.get(key) ?? { list: item.list, index: item.index, issues: [], promiseOnly: true };
      entry.issues.push(issue);
      entry.promiseOnly &&= item.inPromise;
      byItem.set(key, entry);
    }
    const next = { ...(current as Record<string, unknown>) };
    for (const list of SET_ASIDE) {
      const drop = new Set<number>();
      const items = [...((next[list] as unknown[] | undefined) ?? [])];
      for (const { list: l, index, issues, promiseOnly } of byItem.values()) {
        if (l !== list) continue;
        const item = items[index];
        if (promiseOnly && typeof item === "object" && item !== null && "promise" in item) {
          const { promise: _, ...rest } = item as Record<string, unknown>;
          items[index] = rest;
          promiseWarned.add(at(list, index));
          warnings.push({
            path: [list, at(list, index), "promise"],
            message: `promise set aside, the contact is kept: ${relative(issues, `${list}[${index}].`)}`,
          });
        } else {
          drop.add(index);
          warnings.push({
            path: [list, at(list, index)],
            message: `set aside: ${relative(issues, `${list}[${index}].`)}`,
          });
        }
      }
      next[list] = items.filter((_, i) => !drop.has(i));
      if (drop.size > 0)
        original.set(
          list,
          (original.get(list) ?? []).filter((_, i) => !drop.has(i)),
        );
    }
    current = next;
  }
}

/** In input order: contacts before payments, each by index. */
function sortWarnings(warnings: AccountWarning[]): AccountWarning[] {
  return warnings.sort(
    (a, b) => String(a.path[0]).localeCompare(String(b.path[0])) || Number(a.path[1]) - Number(b.path[1]),
  );
}
