import { ArrearsError } from "../errors/index.js";
import type { AccountInput } from "../model/account.js";
import type {
  AccountEvent,
  Channel,
  ContactOutcome,
  ContactPurpose,
  EventType,
  HardshipKind,
} from "../model/schema.js";
import { type AmountInput, fromMinorUnits, toMinorUnits } from "../money/index.js";
import {
  addMonthsToDay,
  formatInstant,
  formatIsoDate,
  localDay,
  MS_PER_DAY,
  parseInstant,
  parseIsoDate,
} from "../time/index.js";

type BooleanFlag = "disputed" | "bankrupt" | "deceased" | "ceaseContact" | "vulnerable" | "complaintOpen" | "legalHold";

/** A contact for {@link AccountBuilder.contact}: absolute `at`, or relative `daysAgo` / `minutesAgo` from the builder's asOf. */
export interface ContactSpec {
  at?: string;
  daysAgo?: number;
  minutesAgo?: number;
  channel?: Channel;
  direction?: "outbound" | "inbound";
  outcome?: ContactOutcome;
  purpose?: ContactPurpose;
  promise?: { amount: AmountInput; dueDate: string };
  agentId?: string;
  /** Who was contacted (default the borrower). */
  party?: "borrower" | "emergency_contact" | "third_party";
  /** Which emergency contact, for party `emergency_contact`. */
  partyId?: string;
  /** Reference of the call or visit recording. */
  recordingRef?: string;
  /** A visit or call-back time the borrower agreed in this contact. */
  appointment?: { at: string; kind: "visit" | "call" };
}

/** Options of {@link AccountBuilder.overdue}. */
export interface OverdueOptions {
  /** Date at which DPD must equal `days` (ISO instant or date); default the builder's asOf. */
  asOf?: string;
  /** Amount of each monthly due (default `"100.00"`). */
  amount?: AmountInput;
  /** Paid dues before the first missed one (default 6). */
  history?: number;
}

/** A delinquency snapshot for {@link AccountBuilder.snapshot}. */
export interface SnapshotSpec {
  dpd: number;
  cycleHistory?: number[];
  overdue?: AmountInput;
  outstanding?: AmountInput;
  /** Date the snapshot was taken (the DPD then ages); omit for "as at evaluation". */
  asOf?: string;
}

interface State {
  readonly asOf: string;
  readonly id: string;
  readonly product: "installment" | "revolving";
  readonly currency: string;
  readonly jurisdiction?: string | null | undefined;
  readonly timeZone: string;
  readonly locale: string;
  readonly creditLimit?: AmountInput;
  readonly balance?: Readonly<Record<string, AmountInput>>;
  readonly overdue: { readonly days: number } & Readonly<OverdueOptions>;
  readonly snapshot?: Readonly<SnapshotSpec> | undefined;
  readonly payments: readonly { amount: AmountInput; date?: string; daysAgo?: number; ref?: string }[];
  readonly contacts: readonly ContactSpec[];
  readonly borrower: Readonly<{
    name?: string;
    monthlyIncome?: AmountInput;
    monthlyObligations?: AmountInput;
    flags: Readonly<Record<string, boolean | string>>;
    doNotContact: readonly Channel[];
    hardship: readonly { kind: HardshipKind; reportedOn?: string; daysAgo?: number; until?: string }[];
  }>;
  readonly events: readonly (Readonly<Record<string, unknown>> & { type: EventType; daysAgo?: number; on?: string })[];
  readonly meta?: Readonly<Record<string, string | number | boolean | null>>;
  readonly patch?: Readonly<Record<string, unknown>>;
}

const DEFAULTS: State = {
  asOf: "2026-11-23T15:00:00Z",
  id: "T1",
  product: "installment",
  currency: "USD",
  timeZone: "America/New_York",
  locale: "en-US",
  overdue: { days: 0 },
  payments: [],
  contacts: [],
  borrower: { flags: {}, doNotContact: [], hardship: [] },
  events: [],
};

// Test data only: the jurisdiction a fixture in this currency most likely has.
const DEFAULT_JURISDICTION: Readonly<Record<string, string>> = { USD: "US-NY", CNY: "CN", GBP: "GB-ENG" };

function bad(path: string, message: string, received: unknown): never {
  throw new ArrearsError("INVALID_INPUT", [{ path: [path], message, received }], "account builder");
}

function checkDays(name: string, n: unknown): number {
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) bad(name, "expected a non-negative integer", n);
  return n;
}

/**
 * An immutable builder of test accounts: every method returns a new builder, so a base fixture
 * can be shared and varied freely. `build()` returns plain `AccountInput` JSON that
 * `parseAccount` accepts. Relative times (`daysAgo`) are resolved against the builder's `asOf`
 * (default `2026-11-23T15:00:00Z`, 10:00 in the default zone America/New_York) at build time.
 *
 * @example
 * const input = account().id("A1").asOf("2026-11-23T10:00:00+08:00").timeZone("Asia/Shanghai")
 *   .currency("CNY").overdue(45).calls(3, { outcome: "no_answer", daysAgo: 1 }).build();
 */
export class AccountBuilder {
  /** @internal */
  constructor(private readonly s: State = DEFAULTS) {}

  private with(patch: Partial<State>): AccountBuilder {
    return new AccountBuilder({ ...this.s, ...patch });
  }
  private withBorrower(patch: Partial<State["borrower"]>): AccountBuilder {
    return this.with({ borrower: { ...this.s.borrower, ...patch } });
  }

  /** The evaluation instant this builder resolves relative times against. */
  get asOfInstant(): string {
    return this.s.asOf;
  }

  /** Sets the evaluation instant (ISO with offset) that `overdue` and `daysAgo` are relative to. */
  asOf(instant: string): AccountBuilder {
    if (typeof instant !== "string" || Number.isNaN(parseInstant(instant)))
      bad("asOf", "expected an ISO instant with offset", instant);
    return this.with({ asOf: instant });
  }
  /** Account id. */
  id(id: string): AccountBuilder {
    return this.with({ id });
  }
  /** `installment` (default) or `revolving`. */
  product(product: "installment" | "revolving"): AccountBuilder {
    return this.with({ product });
  }
  /**
   * The account's jurisdiction (ISO 3166). Default: the usual one for the builder's currency
   * (`USD` → `US-NY`, `CNY` → `CN`, `GBP` → `GB-ENG`, none otherwise); `null` leaves it out.
   */
  jurisdiction(jurisdiction: string | null): AccountBuilder {
    return this.with({ jurisdiction });
  }

  /** ISO 4217 currency (default USD). */
  currency(currency: string): AccountBuilder {
    return this.with({ currency });
  }
  /** Borrower's IANA zone (default America/New_York). */
  timeZone(timeZone: string): AccountBuilder {
    return this.with({ timeZone });
  }
  /** Borrower's locale (default en-US). */
  locale(locale: string): AccountBuilder {
    return this.with({ locale });
  }
  /** Credit limit (revolving). */
  creditLimit(amount: AmountInput): AccountBuilder {
    return this.with({ creditLimit: amount });
  }
  /** Outstanding balance: a principal amount, or components. Default: the unpaid dues' total. */
  balance(
    principal:
      | AmountInput
      | { principal?: AmountInput; interest?: AmountInput; penaltyInterest?: AmountInput; fees?: AmountInput },
  ): AccountBuilder {
    return this.with({ balance: typeof principal === "object" ? { ...principal } : { principal } });
  }
  /**
   * Monthly dues and payments such that DPD at the builder's asOf (or `options.asOf`) is exactly
   * `days`: `history` dues paid on time, then the due `days` days before asOf and every later
   * monthly due up to asOf left unpaid, plus one future due. `overdue(0)`: all dues paid, next due ahead.
   */
  overdue(days: number, options: OverdueOptions = {}): AccountBuilder {
    checkDays("overdue", days);
    if (options.history !== undefined) checkDays("history", options.history);
    return this.with({ overdue: { days, ...options }, snapshot: undefined });
  }
  /** Uses a core-system delinquency snapshot instead of dues (no dues are generated). */
  snapshot(spec: SnapshotSpec): AccountBuilder {
    checkDays("snapshot.dpd", spec.dpd);
    return this.with({ snapshot: { ...spec } });
  }
  /** Adds a payment `{amount, date}` or `{amount, daysAgo}`. */
  payment(p: { amount: AmountInput; date?: string; daysAgo?: number; ref?: string }): AccountBuilder {
    return this.with({ payments: [...this.s.payments, { ...p }] });
  }
  /** Adds one contact (defaults: outbound call, `no_answer`, at asOf minus 1 hour). */
  contact(c: ContactSpec): AccountBuilder {
    return this.with({ contacts: [...this.s.contacts, { ...c }] });
  }
  /** Adds `n` outbound calls `daysAgo` days before asOf (default 0), 5 minutes apart, ending 5 minutes before. */
  calls(n: number, o: { outcome?: ContactOutcome; daysAgo?: number; channel?: Channel } = {}): AccountBuilder {
    checkDays("calls", n);
    const days = o.daysAgo ?? 0;
    const added: ContactSpec[] = [];
    for (let i = 0; i < n; i++)
      added.push({
        channel: o.channel ?? "call",
        outcome: o.outcome ?? "no_answer",
        daysAgo: days,
        minutesAgo: (n - i) * 5,
      });
    return this.with({ contacts: [...this.s.contacts, ...added] });
  }
  /** A promise to pay made in a call `daysAgo` days ago (default 0), due `dueInDays` after asOf (default 3) or on `dueDate`. */
  promise(p: { amount: AmountInput; dueInDays?: number; dueDate?: string; daysAgo?: number }): AccountBuilder {
    return this.contact({
      channel: "call",
      outcome: "promise_to_pay",
      daysAgo: p.daysAgo ?? 0,
      minutesAgo: 30,
      promise: { amount: p.amount, dueDate: p.dueDate ?? `+${p.dueInDays ?? 3}` },
    });
  }
  /** Borrower's name (used in message salutations). */
  name(name: string): AccountBuilder {
    return this.withBorrower({ name });
  }
  /** Monthly income (and optionally other monthly debt service). */
  income(monthlyIncome: AmountInput, monthlyObligations?: AmountInput): AccountBuilder {
    return this.withBorrower({ monthlyIncome, ...(monthlyObligations !== undefined ? { monthlyObligations } : {}) });
  }
  /** A hardship report; `reportedOn` an ISO date or days before asOf (default 0). */
  hardship(kind: HardshipKind, reportedOn: string | number = 0, until?: string): AccountBuilder {
    const h = typeof reportedOn === "number" ? { kind, daysAgo: reportedOn } : { kind, reportedOn };
    return this.withBorrower({ hardship: [...this.s.borrower.hardship, until ? { ...h, until } : h] });
  }
  /** Sets a borrower flag (`disputed`, `bankrupt`, `ceaseContact`, `legalHold` …). */
  flag(name: BooleanFlag, value = true): AccountBuilder {
    return this.withBorrower({ flags: { ...this.s.borrower.flags, [name]: value } });
  }
  /** A breathing space (UK Debt Respite Scheme) from / until ISO dates. */
  breathingSpace(from: string, until: string): AccountBuilder {
    return this.withBorrower({
      flags: { ...this.s.borrower.flags, breathingSpaceFrom: from, breathingSpaceUntil: until },
    });
  }
  /** Channels the borrower opted out of. */
  optOut(...channels: Channel[]): AccountBuilder {
    return this.withBorrower({ doNotContact: [...new Set([...this.s.borrower.doNotContact, ...channels])] });
  }
  /**
   * A dated account event (a dispute received, verification sent, breathing space started …):
   * `on` an ISO date or days before asOf; `details` the event's other fields (`written`, `until`, `active` …).
   *
   * @example
   * account().overdue(40).event("dispute_received", 10).event("verification_sent", 2)
   */
  event(type: EventType, on: string | number = 0, details: Omit<AccountEvent, "type" | "on"> = {}): AccountBuilder {
    const when = typeof on === "number" ? { daysAgo: checkDays("event.on", on) } : { on };
    return this.with({ events: [...this.s.events, { ...details, type, ...when }] });
  }
  /** Free-form lender data. */
  meta(meta: Record<string, string | number | boolean | null>): AccountBuilder {
    return this.with({ meta: { ...this.s.meta, ...meta } });
  }
  /** Raw top-level fields merged last (shallow), to craft edge cases or invalid input. */
  patch(fields: Record<string, unknown>): AccountBuilder {
    return this.with({ patch: { ...this.s.patch, ...fields } });
  }

  /** The account JSON (a fresh object on every call). */
  build(): AccountInput {
    const s = this.s;
    const asOfMs = parseInstant(s.asOf);
    const zone = s.timeZone;
    const today = localDay(asOfMs, zone);
    const ago = (days: number, minutes = 0): string => formatInstant(asOfMs - days * MS_PER_DAY - minutes * 60_000);
    const dateAgo = (days: number): string => formatIsoDate(today - days);
    const out: Record<string, unknown> = {
      id: s.id,
      product: s.product,
      currency: s.currency,
      timeZone: zone,
      locale: s.locale,
    };
    const jurisdiction = s.jurisdiction === undefined ? DEFAULT_JURISDICTION[s.currency] : s.jurisdiction;
    if (jurisdiction !== null && jurisdiction !== undefined) out.jurisdiction = jurisdiction;
    if (s.creditLimit !== undefined) out.creditLimit = s.creditLimit;

    let unpaidMinor = 0;
    let firstDay = today - 400;
    const payments: { date: string; amount: AmountInput; ref?: string }[] = [];
    if (s.snapshot) {
      const sn = s.snapshot;
      const overdue =
        sn.overdue ??
        (sn.dpd === 0 ? "0" : fromMinorUnits(toMinorUnits("100.00", s.currency) * Math.ceil(sn.dpd / 30), s.currency));
      out.delinquency = {
        dpd: sn.dpd,
        overdue,
        ...(sn.outstanding !== undefined ? { outstanding: sn.outstanding } : {}),
        ...(sn.cycleHistory ? { cycleHistory: [...sn.cycleHistory] } : {}),
        ...(sn.asOf ? { asOf: sn.asOf } : {}),
      };
      unpaidMinor = toMinorUnits(overdue, s.currency) * 4;
      firstDay = today - Math.max(400, sn.dpd + 60);
    } else {
      const o = s.overdue;
      const ref =
        o.asOf === undefined
          ? today
          : o.asOf.length === 10
            ? parseIsoDate(o.asOf)
            : localDay(parseInstant(o.asOf), zone);
      if (Number.isNaN(ref)) bad("overdue.asOf", "expected an ISO instant with offset or an ISO date", o.asOf);
      const amount = o.amount ?? "100.00";
      const amountMinor = toMinorUnits(amount, s.currency);
      const history = o.history ?? 6;
      // Anchor: the oldest missed due (days > 0), or the last paid due 20 days ago (current).
      const anchor = o.days > 0 ? ref - o.days : ref - 20;
      const dues: { dueDate: string; amount: AmountInput }[] = [];
      for (let k = -history; ; k++) {
        const day = addMonthsToDay(anchor, k);
        const paid = o.days > 0 ? k < 0 : k <= 0;
        if (!paid && day > ref && dues.length > 0 && parseIsoDate(dues[dues.length - 1]!.dueDate) > ref) break;
        dues.push({ dueDate: formatIsoDate(day), amount });
        if (paid) payments.push({ date: formatIsoDate(day), amount });
        else unpaidMinor += amountMinor;
      }
      firstDay = parseIsoDate(dues[0]!.dueDate) - 30;
      out.dues = dues;
    }
    for (const p of s.payments) {
      const date = p.date ?? dateAgo(p.daysAgo ?? 0);
      payments.push({ date, amount: p.amount, ...(p.ref ? { ref: p.ref } : {}) });
      firstDay = Math.min(firstDay, parseIsoDate(date) - 1);
    }
    out.openedOn = formatIsoDate(firstDay);
    out.balance = s.balance ? { ...s.balance } : { principal: fromMinorUnits(unpaidMinor, s.currency) };
    out.payments = payments;

    const b = s.borrower;
    out.borrower = {
      ...(b.name !== undefined ? { name: b.name } : {}),
      ...(b.monthlyIncome !== undefined ? { monthlyIncome: b.monthlyIncome } : {}),
      ...(b.monthlyObligations !== undefined ? { monthlyObligations: b.monthlyObligations } : {}),
      flags: { ...b.flags },
      doNotContact: [...b.doNotContact],
      hardship: b.hardship.map((h) => ({
        kind: h.kind,
        reportedOn: h.reportedOn ?? dateAgo(h.daysAgo ?? 0),
        ...(h.until ? { until: h.until } : {}),
      })),
    };
    out.contacts = s.contacts.map((c) => {
      const at = c.at ?? ago(c.daysAgo ?? 0, c.minutesAgo ?? (c.daysAgo === undefined ? 60 : 0));
      const promise = c.promise
        ? {
            amount: c.promise.amount,
            dueDate: c.promise.dueDate.startsWith("+")
              ? formatIsoDate(today + Number(c.promise.dueDate.slice(1)))
              : c.promise.dueDate,
          }
        : undefined;
      return {
        at,
        channel: c.channel ?? "call",
        direction: c.direction ?? "outbound",
        outcome: c.outcome ?? "no_answer",
        ...(c.purpose ? { purpose: c.purpose } : {}),
        ...(promise ? { promise } : {}),
        ...(c.agentId ? { agentId: c.agentId } : {}),
        ...(c.party ? { party: c.party } : {}),
        ...(c.partyId ? { partyId: c.partyId } : {}),
        ...(c.recordingRef ? { recordingRef: c.recordingRef } : {}),
        ...(c.appointment ? { appointment: { ...c.appointment } } : {}),
      };
    });
    if (s.events.length > 0)
      out.events = s.events.map(({ daysAgo, on, ...rest }) => ({ ...rest, on: on ?? dateAgo(daysAgo ?? 0) }));
    if (s.meta) out.meta = { ...s.meta };
    if (s.patch) Object.assign(out, structuredClone(s.patch));
    return out as AccountInput;
  }
}

/**
 * A new account builder with defaults: id `T1`, installment, USD, America/New_York, current
 * (DPD 0) with six paid monthly dues, asOf `2026-11-23T15:00:00Z`.
 *
 * @example
 * const fixture = account().id("A7").overdue(45).balance("1200.00").calls(2, { daysAgo: 1 }).build();
 * parseAccount(fixture); // valid
 */
export function account(): AccountBuilder {
  return new AccountBuilder();
}
