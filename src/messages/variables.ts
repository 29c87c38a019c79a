import { closest } from "../errors/suggest.js";

/**
 * The fixed set of variables a message template may use. Templates are checked against this
 * catalogue when they are loaded, so a typo or a debt detail in a third-party message fails at
 * load time, never as an empty string in a letter.
 */
/** `choice` is compared with a literal and never printed (`action.purpose`); `fact` and `param` are the namespaces `facts.*` (tests only) and `params.*` (the action's params). */
type VariableKind = "text" | "money" | "date" | "number" | "flag" | "list" | "fact" | "param" | "choice";

export interface VariableDefinition {
  name: string;
  kind: VariableKind;
  /** Reveals the debt (amounts, dates, account): forbidden in third-party templates. */
  debt: boolean;
  /** May be absent: must be used inside `{{#if}}` of itself or of one of `guards` (or get a locale default). */
  optional: boolean;
  /** Variables whose `{{#if}}` guarantees this one is present. */
  guards?: readonly string[];
  description: string;
}

const v = (
  name: string,
  kind: VariableKind,
  debt: boolean,
  description: string,
  optional = false,
  guards?: readonly string[],
): VariableDefinition =>
  guards ? { name, kind, debt, optional, guards, description } : { name, kind, debt, optional, description };

const INST = ["offer.isInstallments"] as const;
const AGENCY = ["agency.placed", "agency.recalled"] as const;
const SETTLE = ["offer.isSettlement"] as const;
const DEFER = ["offer.isDeferral"] as const;

/**
 * Every variable a template may use, documented. Money is formatted for the locale from the
 * exact decimal string; dates as the locale writes them in a letter. Money values count as false
 * in `{{#if}}` when zero, so a zero fee line can be left out.
 *
 * @example
 * MESSAGE_VARIABLES.filter((v) => !v.debt).map((v) => v.name) // what a third-party template may use
 */
export const MESSAGE_VARIABLES: readonly VariableDefinition[] = [
  v(
    "borrower.name",
    "text",
    false,
    'Borrower\'s name from the decision (`decision.borrower.name`); give a locale default such as "Customer".',
    true,
  ),
  v("account.masked", "text", true, "Account id masked to its last 4 letters or digits: `****1234`."),
  v("currency", "text", true, "ISO 4217 code of the amounts (`decision.amounts.currency`)."),
  v("amount.overdue", "money", true, "Total overdue (`amounts.overdue.total`)."),
  v("amount.principal", "money", true, "Overdue principal."),
  v("amount.interest", "money", true, "Overdue interest."),
  v("amount.penaltyInterest", "money", true, "Overdue penalty interest."),
  v("amount.fees", "money", true, "Overdue late and other fees."),
  v("amount.outstanding", "money", true, "Total outstanding balance (`amounts.outstanding.total`)."),
  v(
    "amount.componentsKnown",
    "flag",
    true,
    "The overdue breakdown may be shown: `amounts.overdueComponentsKnown` is not false (a snapshot that gave only a total sets it false) and principal + interest + penalty interest + fees add up to the total exactly. Guard every breakdown with it.",
  ),
  v(
    "nextDue.date",
    "date",
    true,
    "Date of the next scheduled due after today (`today` + `facts.daysUntilNextDue`); absent when none.",
    true,
  ),
  v("nextDue.amount", "money", true, "Amount of that due (`facts.nextDueAmount`, in the decision's currency).", true, [
    "nextDue.date",
  ]),
  v(
    "conversation.lastDate",
    "date",
    true,
    "Date of the last right-party contact (`today` − `facts.daysSinceRightPartyContact`); absent when none.",
    true,
  ),
  v(
    "brokenPromise.date",
    "date",
    true,
    "Due date of the most recent broken promise (nothing paid by its date + the promise grace: renderer option `promiseGraceDays`, default 2), read from the account's contacts; absent when none, or without `options.account`.",
    true,
  ),
  v("brokenPromise.amount", "money", true, "Amount of that promise.", true, ["brokenPromise.date"]),
  v(
    "consequence.any",
    "flag",
    true,
    'At least one `consequence.*` below holds: a "what happens next" heading may be shown.',
  ),
  v(
    "consequence.creditReport",
    "flag",
    true,
    "The letter may say missed payments are (or will be) reported to credit reference agencies: the action's `params.consequence` (or the template's `consequences`) names `credit_report`, and no hold is in force (`facts.onHold`, `decision.holds`).",
  ),
  v(
    "consequence.legalReview",
    "flag",
    true,
    "The letter may say the account may be referred for legal action: `params.consequence` (or the template's `consequences`) names `legal_review`, the debt is not time-barred (`facts.timeBarred`, `decision.limitation.timeBarred`) and no hold is in force. The only place a template may mention legal action (checked at load).",
  ),
  v(
    "consequence.visit",
    "flag",
    true,
    "The letter may say a home visit may follow: `params.consequence` names `visit`, no hold is in force and the borrower has not opted out of visits (`facts.visitOptOut`).",
  ),
  v(
    "consequence.agencyPlacement",
    "flag",
    true,
    "The letter may say the account may be placed with a collection agency: `params.consequence` names `agency_placement` and no hold is in force.",
  ),
  v(
    "consequence.chargeOff",
    "flag",
    true,
    "The letter may say the account may be charged off: `params.consequence` names `charge_off` and no hold is in force.",
  ),
  v(
    "chargeOff.date",
    "date",
    true,
    "Day the account reaches its charge-off age: `today` + `params.chargeOffAtDpd` − `dpd`, when that is after today; absent otherwise.",
    true,
  ),
  v(
    "hours.call",
    "text",
    false,
    'Calling hours in the locale ("8am to 9pm", "8:00至22:00"): the stricter of the `call` windows of the guardrail profiles given in renderer option `profiles`; absent without them.',
    true,
  ),
  v(
    "hours.callDays",
    "text",
    false,
    'The weekdays calls are allowed on ("Monday to Saturday"), when the profiles restrict them; absent when every day is allowed.',
    true,
  ),
  v(
    "hours.visit",
    "text",
    false,
    "Visiting hours in the locale: the stricter of the `visit` windows of the profiles in option `profiles`; absent without them.",
    true,
  ),
  v(
    "hours.visitDays",
    "text",
    false,
    "The weekdays visits are allowed on, when the profiles restrict them (windows' `days`, `restDays` weekdays).",
    true,
  ),
  v(
    "visit.earliestDate",
    "date",
    true,
    "Earliest day of an announced visit: `today` + the action's `params.noticeDays`; absent without that param.",
    true,
  ),
  v(
    "visit.recorded",
    "flag",
    true,
    "The visit is recorded: the action's `params.recorded` is true, or a requirement of the profiles for channel `visit` has a code containing RECORD.",
  ),
  v(
    "contact.recorded",
    "flag",
    true,
    "This contact is recorded: the action's `params.recorded` is true, or a requirement of the profiles for the template's channel has a code containing RECORD.",
  ),
  v(
    "appointment.date",
    "date",
    true,
    "Date of the visit time the borrower agreed to (the earliest contact `appointment` of kind visit made by `asOf` and not before it, from `options.account`); absent when none.",
    true,
  ),
  v(
    "appointment.time",
    "text",
    true,
    'Local time of that appointment in the borrower\'s zone ("2pm", "2 p.m.", "14:00").',
    true,
    ["appointment.date"],
  ),
  v(
    "agency.placed",
    "flag",
    true,
    "The latest agency event on the account (`options.account.events`, on or before the letter date) is `agency_placed`.",
  ),
  v("agency.recalled", "flag", true, "The latest agency event is `agency_recalled`."),
  v("agency.date", "date", true, "Date of that event.", true, AGENCY),
  v(
    "agency.name",
    "text",
    true,
    "The agency named on the placement (`agency` of the `agency_placed` event); absent when not given.",
    true,
  ),
  v(
    "collector.debtCollector",
    "flag",
    true,
    'The sender collects as a debt collector (renderer option `collectorRole: "debt_collector"`), not as the creditor: Reg F disclosures apply.',
  ),
  v(
    "validation.endDate",
    "date",
    true,
    "End of the validation period (12 CFR 1006.34(b)(5)): renderer option `validationPeriodEnd`, else 30 days after the assumed receipt, 5 days after the letter date excluding Saturdays, Sundays and legal public holidays (option `holidays`, else 5 U.S.C. 6103(a) with observed days).",
  ),
  v(
    "itemization.date",
    "date",
    true,
    "Itemization date (1006.34(b)(3)) from renderer option `itemization` (required by templates that use it).",
  ),
  v(
    "itemization.reference",
    "text",
    true,
    'Which reference date it is, as a phrase in the locale ("the last statement date").',
  ),
  v("itemization.amount", "money", true, "What was owed on the itemization date."),
  v("itemization.interest", "money", true, "Interest charged since the itemization date."),
  v("itemization.fees", "money", true, "Fees charged since the itemization date."),
  v("itemization.payments", "money", true, "Payments and credits since the itemization date."),
  v(
    "action.purpose",
    "choice",
    true,
    'What the action is for: its `purpose` in the policy (`final_notice`, `letter_of_claim`, …); compared, never printed (`{{#if action.purpose == "letter_of_claim"}}`). Absent when the decision does not say.',
  ),
  v("dpd", "number", true, "Days past due (`facts.dpd`)."),
  v("daysOverdue", "text", true, '`dpd` as a phrase in the locale, plural-correct: "1 day", "12 days", "12天".'),
  v(
    "oldestUnpaidDueDate",
    "date",
    true,
    "Oldest due date still unpaid; absent when the decision came from a snapshot without dues.",
    true,
  ),
  v(
    "today",
    "date",
    false,
    "The letter date: the calendar date of `asOf` (in `decision.timeZone` when given, else as written in `asOf`).",
  ),
  v(
    "deadline",
    "date",
    true,
    "`today` + days from the renderer option `deadlineDays`, else the action's `params.deadlineDays`, else the template's `deadlineDays`; absent when none gives one (a template without `deadlineDays` guards it with `{{#if deadline}}`).",
    true,
  ),
  v("lender.name", "text", false, "Lender's name (renderer option `lender.name`).", true),
  v("lender.phone", "text", false, "Lender's phone number for call-backs.", true),
  v("lender.email", "text", false, "Lender's contact e-mail.", true),
  v("lender.website", "text", false, "Lender's website.", true),
  v("lender.address", "text", false, "Lender's postal address (may span lines).", true),
  v(
    "lender.paymentMethods",
    "text",
    true,
    'Ways to pay, joined as alternatives in the locale ("card, bank transfer, or cash").',
    true,
  ),
  v(
    "lender.complaintRoute",
    "text",
    false,
    "How to complain (e.g. the complaints team and the ombudsman or regulator).",
    true,
  ),
  v(
    "optOut",
    "text",
    false,
    "Opt-out text (renderer option `optOutText`, else the locale's `optOutText`); appended to SMS and e-mail automatically unless the body places it.",
    true,
  ),
  v("offer", "flag", true, "True when the decision carries a usable offer (`action.offer`)."),
  v("offer.isInstallments", "flag", true, "The offer is an installment plan."),
  v("offer.isSettlement", "flag", true, "The offer is a discounted settlement."),
  v("offer.isDeferral", "flag", true, "The offer is a payment deferral."),
  v("offer.isFeeWaiver", "flag", true, "The offer is a fee / penalty-interest waiver."),
  v("offer.financed", "money", true, "Installment plan: amount rescheduled.", true, INST),
  v("offer.totalRepayable", "money", true, "Installment plan: total of all installments.", true, INST),
  v("offer.installmentCount", "number", true, "Installment plan: number of installments.", true, INST),
  v("offer.firstInstallmentAmount", "money", true, "Installment plan: amount of the first installment.", true, INST),
  v(
    "offer.firstDueDate",
    "date",
    true,
    "Installment plan: due date of the first installment (also a deferral's first new due date when its schedule is given).",
    true,
    INST,
  ),
  v(
    "offer.installments",
    "list",
    true,
    "Schedule for `{{#each}}`: `item.number`, `item.dueDate`, `item.amount` (an installment plan's installments, or a deferral's new schedule when given).",
    true,
    INST,
  ),
  v("offer.waived.penaltyInterest", "money", true, "Penalty interest waived by the offer (zero when none).", true, [
    "offer",
  ]),
  v("offer.waived.fees", "money", true, "Fees waived by the offer (zero when none).", true, ["offer"]),
  v("offer.waived.total", "money", true, "Total waived (zero when none).", true, ["offer"]),
  v("offer.payoff", "money", true, "Settlement: amount that settles the account.", true, SETTLE),
  v("offer.discount", "money", true, "Settlement: amount forgiven.", true, SETTLE),
  v(
    "offer.validUntil",
    "date",
    true,
    "Settlement: last day to pay the payoff, when the offer has one (guard with its own `{{#if}}`).",
    true,
  ),
  v("offer.months", "number", true, "Deferral: months deferred.", true, DEFER),
  v(
    "offer.resumeOn",
    "date",
    true,
    "Deferral: day payments resume (`until`), when given (guard with its own `{{#if}}`).",
    true,
  ),
  v(
    "offer.deferralCost",
    "money",
    true,
    "Deferral: what the break costs in interest (`cost`), when given and above zero (guard with its own `{{#if}}`).",
    true,
  ),
  v("offer.monthsText", "text", true, 'Deferral: months as a phrase in the locale ("3 months", "3个月").', true, DEFER),
];

/**
 * Variables inside `{{#each offer.installments}}`.
 *
 * @example
 * // "{{#each offer.installments}}{{item.number}}. {{item.dueDate}}: {{item.amount}}\n{{/each}}"
 */
export const ITEM_VARIABLES: readonly VariableDefinition[] = [
  v("item.number", "number", true, "Installment number, from 1."),
  v("item.dueDate", "date", true, "Installment due date."),
  v("item.amount", "money", true, "Installment amount."),
];

export const VARIABLES_BY_NAME: ReadonlyMap<string, VariableDefinition> = new Map(
  [...MESSAGE_VARIABLES, ...ITEM_VARIABLES].map((d) => [d.name, d]),
);

/** Closest known variable name, if one is near enough to be a likely typo. */
export function suggestVariable(name: string, inEach: boolean): string | undefined {
  const names = [...VARIABLES_BY_NAME.keys()].filter((n) => inEach || !n.startsWith("item."));
  return closest(name, names);
}
