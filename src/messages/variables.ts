import { closest } from "../errors/suggest.js";

/**
 * The fixed set of variables a message template may use. Templates are checked against this
 * catalogue when they are loaded, so a typo or a debt detail in a third-party message fails at
 * load time, never as an empty string in a letter.
 */
type VariableKind = "text" | "money" | "date" | "number" | "flag" | "list";

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
    "`today` + `deadlineDays` (renderer option, else the template's `deadlineDays`, default 14).",
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
