/**
 * The catalogue of facts: every name a rule or scorecard may read. Rules are validated against
 * it at load time (unknown fact → error with a suggestion), and `docs/facts.md` documents it.
 * Values are numbers, booleans, strings or `null` (= unknown / not applicable: e.g.
 * `daysSinceLastPayment` when nothing was ever paid). Money facts are numbers in major units
 * rounded to the currency's minor unit.
 */
/** Type of a fact's value when not null. @example const t: FactType = "number"; */
export type FactType = "number" | "boolean" | "string";

/** One catalogue entry. @example const d: FactDefinition = FACTS[0]; */
export interface FactDefinition {
  name: string;
  type: FactType;
  /** Whether the value may be `null`. */
  nullable: boolean;
  /** What it means and how it is computed. */
  description: string;
  /** Allowed values for string facts with a closed set. */
  values?: readonly string[];
}

const f = (
  name: string,
  type: FactType,
  description: string,
  nullable = false,
  values?: readonly string[],
): FactDefinition => (values ? { name, type, nullable, description, values } : { name, type, nullable, description });

/**
 * Every fact, in the order `deriveFacts` emits them (documented in `docs/facts.md`).
 *
 * @example
 * FACTS.find((d) => d.name === "dpd")?.type; // "number"
 */
export const FACTS: readonly FactDefinition[] = [
  // account
  f("accountId", "string", "The account's id."),
  f("product", "string", "`installment` or `revolving`.", false, ["installment", "revolving"]),
  f("currency", "string", "ISO 4217 code of every money fact."),
  f(
    "accountAgeDays",
    "number",
    "Calendar days from `openedOn` to the evaluation date (the borrower's local date of `asOf`).",
  ),
  f(
    "asOfLocalHour",
    "number",
    "Hour (0–23) of `asOf` in the borrower's time zone (23 when `asOf` is a plain date: end of that day).",
  ),
  f("asOfLocalWeekday", "number", "ISO weekday (1 = Monday … 7 = Sunday) of `asOf` in the borrower's time zone."),
  // delinquency
  f(
    "dpd",
    "number",
    "Days past due: calendar days from the oldest due at which the unpaid remainders, added up oldest first, exceed the tolerance, to the evaluation date (due date = day 0). From a snapshot: its `dpd`, aged by the days since the snapshot's `asOf` when above 0.",
  ),
  f("inGrace", "boolean", "True when 1 ≤ dpd ≤ graceDays: in arrears but within the grace period."),
  f("bucket", "string", "Label of the bucket-scheme range containing `dpd` (e.g. `M2`)."),
  f("bucketIndex", "number", "0-based position of `bucket` in the scheme (0 = current)."),
  f("chargeOffDue", "boolean", "True when dpd reaches the scheme's charge-off age for the product."),
  f("overdueAmount", "number", "Total overdue (unpaid dues up to the evaluation date, or the snapshot's overdue)."),
  f("overduePrincipal", "number", "Principal part of `overdueAmount`."),
  f("overdueInterest", "number", "Interest part of `overdueAmount`."),
  f(
    "overduePenaltyInterest",
    "number",
    "Penalty-interest part of `overdueAmount` (`balance.penaltyInterest`, or the snapshot's component).",
  ),
  f("overdueFees", "number", "Fees part of `overdueAmount` (from due breakdowns)."),
  f(
    "outstandingAmount",
    "number",
    "Total outstanding: principal + interest + penalty interest + fees of `balance` (or the snapshot's `outstanding`).",
  ),
  f("principalBalance", "number", "`balance.principal`."),
  f("interestBalance", "number", "`balance.interest`."),
  f("penaltyInterestBalance", "number", "`balance.penaltyInterest` (waivable)."),
  f("feesBalance", "number", "`balance.fees` (late and other fees, waivable)."),
  f("creditLimit", "number", "Credit limit (revolving).", true),
  f(
    "utilization",
    "number",
    "outstandingAmount ÷ creditLimit, 4 decimals; null without a credit limit or when it is 0.",
    true,
  ),
  f(
    "monthlyDue",
    "number",
    "Amount of the most recent due on or before the evaluation date (else the next one); null without dues (snapshot accounts).",
    true,
  ),
  f(
    "cyclesDelinquent12m",
    "number",
    "Months of the last 12 with status ≥ 1 (from dues at each due date, or from `cycleHistory`).",
  ),
  f("worstCycle12m", "number", "Worst monthly status in the last 12 months (0 current, 1 = 1–29 days, 2 = 30–59 …)."),
  f("cyclesDelinquent24m", "number", "Months of the last 24 with status ≥ 1."),
  f(
    "cleanCyclesBeforeDelinquency",
    "number",
    "Consecutive current months immediately before the current delinquency episode (long clean history → likely a life event).",
  ),
  f(
    "firstDelinquency",
    "boolean",
    "True when the account is delinquent now and was never delinquent in the known history before this episode.",
  ),
  // payments
  f(
    "daysSinceLastPayment",
    "number",
    "Days from the last payment on or before the evaluation date (payments dated later are ignored); null if none.",
    true,
  ),
  f("lastPaymentAmount", "number", "Amount paid on that date (same-day payments summed); null if none.", true),
  f(
    "paymentsCount90d",
    "number",
    "Payments dated in the 90 days up to the evaluation date (today and the 89 days before).",
  ),
  f("paidAmount90d", "number", "Total paid in those 90 days."),
  f(
    "paymentRatio90d",
    "number",
    "paidAmount90d ÷ total of dues dated in those 90 days, 4 decimals, capped at 9.99; null if nothing fell due (or no dues).",
    true,
  ),
  f(
    "partialPayments90d",
    "number",
    "Payments in 90 days that covered part but not all of the arrears at the time (dues fallen due by the payment's date minus everything paid before it), leaving more than the tolerance unpaid; 0 for snapshot accounts.",
  ),
  // contacts (counted in the borrower's time zone)
  f(
    "callAttemptsToday",
    "number",
    "Outbound calls on the borrower's local day of `asOf` (any outcome; contacts after `asOf` are ignored).",
  ),
  f("callAttempts7d", "number", "Outbound calls in the last 7 local days including today."),
  f("callAttempts30d", "number", "Outbound calls in the last 30 local days including today."),
  f("smsSent7d", "number", "Outbound SMS in the last 7 local days."),
  f("emailsSent7d", "number", "Outbound e-mails in the last 7 local days."),
  f("lettersSent30d", "number", "Outbound letters in the last 30 local days."),
  f("visits30d", "number", "Outbound home visits in the last 30 local days (any outcome)."),
  f("contactAttempts7d", "number", "Outbound contacts of any channel in the last 7 local days."),
  f("inboundContacts30d", "number", "Inbound contacts (any channel and outcome) in 30 local days."),
  f(
    "rightPartyContacts30d",
    "number",
    "Right-party contacts in 30 local days: outcome right_party, promise_to_pay, refused, dispute, hardship_reported or complaint in either direction, or any inbound contact except third_party/wrong_number (the borrower reaching out).",
  ),
  f("rightPartyContacts7d", "number", "Right-party contacts in the last 7 local days."),
  f("rightPartyContactsToday", "number", "Right-party contacts on the local day of `asOf`."),
  f("daysSinceRightPartyContact", "number", "Local days since the last right-party contact; null if never.", true),
  f(
    "daysSinceLastContact",
    "number",
    "Local days since the last outbound contact attempt of any channel; null if never.",
    true,
  ),
  f("daysSinceLastLetter", "number", "Local days since the last letter; null if never.", true),
  f(
    "daysSinceVisitNotice",
    "number",
    "Local days since the last outbound contact of any channel with purpose `visit_notice` that was not returned undeliverable/wrong_number; null if never.",
    true,
  ),
  f(
    "consecutiveFailedAttempts",
    "number",
    "Outbound call/SMS/e-mail/visit attempts since the last right-party contact (over all history) that reached nobody (no_answer, busy, voicemail, wrong_number, undeliverable, third_party); `delivered` neither counts nor resets.",
  ),
  f(
    "unreachable",
    "boolean",
    "True when no right-party contact in 30 local days AND (≥ 10 consecutive failed attempts, or at least 3 outbound calls/SMS in 30 local days, all wrong_number/undeliverable). Thresholds are options.",
  ),
  f("thirdPartyContacts30d", "number", "Contacts (either direction) that reached a third party in 30 local days."),
  f("refusals90d", "number", "Contacts with outcome `refused` in 90 local days."),
  f("disputes90d", "number", "Contacts with outcome `dispute` in 90 local days."),
  f("complaints90d", "number", "Contacts with outcome `complaint` in 90 local days."),
  f(
    "bestChannel",
    "string",
    "Channel whose contacts (both directions) in 90 local days had the highest share of right-party contacts (ties: call, sms, email, app, letter, visit); null without any right-party contact.",
    true,
    ["call", "sms", "email", "letter", "visit", "app"],
  ),
  f(
    "bestContactHour",
    "number",
    "Local hour (0–23) with the most right-party contacts in 90 local days (ties: the earliest hour); null without any.",
    true,
  ),
  // promises
  f(
    "activePromise",
    "boolean",
    'A promise to pay whose date plus promise grace (default 2 days) has not passed and that is not yet paid in full (the latest such promise is "the active promise").',
  ),
  f("activePromiseAmount", "number", "Amount of the active promise; null if none.", true),
  f(
    "activePromiseRemaining",
    "number",
    "Amount of the active promise not yet matched by payments; null if none.",
    true,
  ),
  f(
    "activePromiseDueInDays",
    "number",
    "Days from the evaluation date to the active promise's date (0 = today, negative while in the promise grace); null if none.",
    true,
  ),
  f("promisesMade90d", "number", "Promises made (contact on or before `asOf`) in the last 90 local days."),
  f(
    "promisesKept90d",
    "number",
    "Of those, kept: matched payments reach the promised amount (payments from the promise's contact date to its date + grace, each payment's money matched to one promise only, oldest promise first).",
  ),
  f("promisesPartiallyKept90d", "number", "Of those, date + grace passed with part of the amount paid."),
  f("promisesBroken90d", "number", "Of those, date + grace passed with nothing paid."),
  // borrower statuses and holds: each opened and closed by dated events (see `holds` in docs/facts.md)
  f(
    "disputed",
    "boolean",
    "The debt is disputed: a `dispute_received` event or a contact with outcome `dispute`, until `verification_sent` or `dispute_withdrawn` (never lapses on its own); or the borrower flag.",
  ),
  f(
    "bankrupt",
    "boolean",
    "A bankruptcy is pending (automatic stay): `bankruptcy_filed` until discharged or dismissed; or the borrower flag.",
  ),
  f("deceased", "boolean", "`deceased_reported` event or the borrower flag."),
  f(
    "ceaseContact",
    "boolean",
    "The borrower asked that collection communication stop: `cease_requested` until `cease_withdrawn`; or the flag.",
  ),
  f("vulnerable", "boolean", "`vulnerability_reported` until `vulnerability_cleared`; or the borrower flag."),
  f(
    "complaintOpen",
    "boolean",
    "`complaint_opened` until `complaint_resolved` (resume the day after); or the borrower flag.",
  ),
  f("legalHold", "boolean", "The lender's own legal hold (borrower flag)."),
  f(
    "breathingSpace",
    "boolean",
    "A standard Debt Respite Scheme breathing space covers the evaluation date: from `breathing_space_started` (kind standard) to its notice's `until`, else 60 days (day 1 = the start), or until `breathing_space_ended`; also the `breathingSpaceFrom`/`breathingSpaceUntil` flags.",
  ),
  f(
    "mentalHealthMoratorium",
    "boolean",
    "A mental-health crisis moratorium: from `breathing_space_started` (kind mental_health) until 30 days after `mental_health_treatment_ended`, or `breathing_space_ended`.",
  ),
  f(
    "attorneyRepresented",
    "boolean",
    "The borrower has an attorney for this debt: `attorney_retained` until withdrawn or the attorney consents to direct contact.",
  ),
  f(
    "capacityConcern",
    "boolean",
    "Doubt about the borrower's mental capacity: `capacity_concern_raised` until `capacity_confirmed`.",
  ),
  f("placedWithAgency", "boolean", "The account is with a collection agency: `agency_placed` until `agency_recalled`."),
  f(
    "bankruptcyDischarged",
    "boolean",
    "The debt was discharged in bankruptcy (`bankruptcy_discharged`): not collectible.",
  ),
  f(
    "onHold",
    "boolean",
    "Any hold applies: deceased, bankruptcyDischarged, bankrupt, legalHold, capacityConcern, breathingSpace, mentalHealthMoratorium, disputed, attorneyRepresented, placedWithAgency, ceaseContact, complaintOpen.",
  ),
  f("holdReason", "string", "The first active hold in that order; null when not on hold.", true, [
    "deceased",
    "bankruptcyDischarged",
    "bankrupt",
    "legalHold",
    "capacityConcern",
    "breathingSpace",
    "mentalHealthMoratorium",
    "disputed",
    "attorneyRepresented",
    "placedWithAgency",
    "ceaseContact",
    "complaintOpen",
  ]),
  f(
    "holdReviewInDays",
    "number",
    "Days until the first active hold with a known end lifts (its last day + 1, e.g. a breathing space's end); null when not on hold or every hold waits for an event.",
    true,
  ),
  f("callOptOut", "boolean", "Borrower opted out of calls."),
  f("smsOptOut", "boolean", "Borrower opted out of SMS."),
  f("emailOptOut", "boolean", "Borrower opted out of e-mail."),
  f("letterOptOut", "boolean", "Borrower opted out of letters."),
  f("visitOptOut", "boolean", "Borrower opted out of visits."),
  f("appOptOut", "boolean", "Borrower opted out of in-app messages."),
  // hardship / ability
  f(
    "hardshipReported",
    "boolean",
    "A hardship report is active on the evaluation date (reported on or before, `until` not passed).",
  ),
  f("hardshipKind", "string", "Kind of the most recently reported active hardship; null if none.", true, [
    "medical",
    "unemployment",
    "income_drop",
    "disaster",
    "bereavement",
    "other",
  ]),
  f(
    "daysSinceHardshipReported",
    "number",
    "Days since the most recent active hardship was reported; null if none.",
    true,
  ),
  f("monthlyIncome", "number", "Borrower's stated monthly income; null if unknown.", true),
  f(
    "debtServiceRatio",
    "number",
    "(monthlyDue + `borrower.monthlyObligations`) ÷ monthlyIncome, 4 decimals (a missing monthlyDue or obligation counts as 0); null if income unknown or zero.",
    true,
  ),
  // promise validity, arrangements, re-aging, affordability (hardship and arrangements)
  f(
    "invalidPromisePending",
    "boolean",
    "A pending promise that fails the policy's validity limits (`promiseValidity`: minimum share of the smaller of the overdue and one contract installment on the day it was made, maximum days ahead): recorded and later counted, but it does not make `activePromise` and does not pause collection. Always false without limits.",
  ),
  f(
    "invalidPromiseReason",
    "string",
    "Why the latest such promise is not valid (the amount is checked first); null if none.",
    true,
    ["amount_below_minimum", "date_beyond_horizon"],
  ),
  f(
    "onArrangement",
    "boolean",
    "A payment arrangement is being followed: the current arrangement (the latest in `arrangements` agreed on or before the evaluation date, unless it ended by agreement) is on track or at risk.",
  ),
  f(
    "arrangementStatus",
    "string",
    "Status of the current arrangement: `completed` (every installment paid), `broken` (from the first day `brokenAfterMissed` installments, default 2, were unpaid past their grace at once, or one was unpaid more than `brokenAfterDaysLate` days, default 30, after its due date; stays broken unless completed), `at_risk` (an installment past its grace, default 2 days, not paid in full), else `on_track`. Payments from its agreement day fill installments oldest first; none counts toward two arrangements. Null without a current arrangement.",
    true,
    ["on_track", "at_risk", "broken", "completed"],
  ),
  f("arrangementKind", "string", "Kind of the current arrangement; null if none.", true, [
    "installment_plan",
    "reduced_payment",
    "payment_holiday",
    "deferral",
    "settlement",
    "debt_management_plan",
  ]),
  f(
    "arrangementMissedPayments",
    "number",
    "Installments of the current arrangement past their grace and not paid in full (short or missed); null without one.",
    true,
  ),
  f("arrangementShortfall", "number", "What those installments still lack; null without a current arrangement.", true),
  f(
    "daysSinceArrangementBroken",
    "number",
    "Days since the current arrangement became broken (0 = today); null unless it is broken.",
    true,
  ),
  f(
    "nextArrangementDueInDays",
    "number",
    "Days to the next installment of the current arrangement not yet paid in full (negative while in its grace); null unless on track or at risk.",
    true,
  ),
  f(
    "arrangementPaidShare",
    "number",
    "Payments matched to the current arrangement ÷ its scheduled total, 4 decimals (1 when nothing is scheduled); null without one.",
    true,
  ),
  f(
    "hardshipDaysRemaining",
    "number",
    "Days from the evaluation date to the `until` of the active hardship (0 = its last day): the expected duration left; null without an active hardship or when it is open-ended.",
    true,
  ),
  f(
    "disposableIncome",
    "number",
    "From the income-and-expenditure summary completed on or before the evaluation date: monthly income − essential expenditure − other debt repayments (negative for a deficit budget); null without one.",
    true,
  ),
  f(
    "incomeExpenditureAgeDays",
    "number",
    "Days since that income-and-expenditure summary was completed; null without one.",
    true,
  ),
  f(
    "daysSinceReaged",
    "number",
    "Days since the last `reaged` event on or before the evaluation date (the account was brought current); null if never.",
    true,
  ),
  f(
    "reageEligible",
    "boolean",
    "Whether a re-age is allowed today under the `reageRules` option (see `reageEligibility`: jurisdiction, product, DPD, account age, qualifying payments, arrangement, frequency limits); null without the option.",
    true,
  ),
  // scores (filled by decide after scoring)
  f("riskScore", "number", "Points of the risk scorecard (higher = safer).", true),
  f("riskProbability", "number", "Probability of not paying implied by riskScore (0–1, 4 decimals).", true),
  f("hardshipScore", "number", "Hardship scorecard points, 0–100 (higher = less able to pay).", true),
  f("segment", "string", "Can-pay/will-pay segment from the segmentation thresholds.", true, [
    "self_cure",
    "hardship",
    "escalate",
    "settlement_review",
  ]),
  // stage: where the account is in the collection process (notices, life events, what is coming)
  f(
    "jurisdiction",
    "string",
    "The account's jurisdiction (ISO 3166, `US-NY`); null when the account does not say.",
    true,
  ),
  f(
    "validationNoticeSent",
    "boolean",
    "A validation notice (purpose `validation_notice`, not returned undelivered) went out on or before the evaluation instant.",
  ),
  f("daysSinceValidationNotice", "number", "Local days since the last validation notice; null if none.", true),
  f(
    "daysSinceFirstCollectionContact",
    "number",
    "Local days since the first outbound contact other than a pre-due reminder (the initial communication); null if none.",
    true,
  ),
  f(
    "servicememberActive",
    "boolean",
    "Result of the latest `servicemember_checked` event (on active duty); null if never checked.",
    true,
  ),
  f("daysSinceServicememberCheck", "number", "Days since the latest servicemember check; null if never checked.", true),
  f("daysSinceArrearsNotice", "number", "Local days since the last statutory arrears notice; null if none.", true),
  f("daysSinceDefaultNotice", "number", "Local days since the last default notice; null if none.", true),
  f("daysSinceFinalNotice", "number", "Local days since the last final notice; null if none.", true),
  f("daysSinceLetterOfClaim", "number", "Local days since the last letter of claim; null if none.", true),
  f(
    "daysSinceCreditReportNotice",
    "number",
    "Local days since the last notice before negative credit reporting; null if none.",
    true,
  ),
  f(
    "daysSinceDebtAdvice",
    "number",
    "Days since the borrower last engaged a debt-advice agency (`debt_advice_engaged`); null if never.",
    true,
  ),
  f(
    "missedPayments",
    "number",
    "Installments fallen due on or before the evaluation date and not covered by what was paid by then (beyond the tolerance); 0 for snapshot accounts.",
  ),
  f("chargedOff", "boolean", "The account was charged off (a `charged_off` event on or before the evaluation date)."),
  f("daysSinceChargeOff", "number", "Days since the charge-off; null if not charged off.", true),
  f(
    "daysSinceAgencyPlaced",
    "number",
    "Days since the account was placed with an agency; null if not placed or recalled since.",
    true,
  ),
  f(
    "emergencyContactsAvailable",
    "number",
    "Emergency contacts the borrower named who have not asked to be left alone.",
  ),
  f(
    "visitAppointmentInHours",
    "number",
    "Whole hours until the next visit time the borrower agreed to (an `appointment` of kind visit); null if none ahead.",
    true,
  ),
  f("daysUntilNextDue", "number", "Days until the next scheduled due date after today; null if none.", true),
  f("nextDueAmount", "number", "Amount of the next scheduled due; null if none.", true),
  f(
    "timeBarred",
    "boolean",
    "The limitation period of the applicable guardrail profiles has run (no suit, no threat of suit); null when no profile sets one or outside decide.",
    true,
  ),
  f(
    "limitationEndsInDays",
    "number",
    "Days until the limitation period runs (0 or less: it has); null when no profile sets one or outside decide.",
    true,
  ),
];

/**
 * The names of {@link FACTS}, for validating rules and scorecards.
 *
 * @example
 * FACT_NAMES.has("callAttempts7d"); // true
 */
export const FACT_NAMES: ReadonlySet<string> = new Set(FACTS.map((d) => d.name));

/**
 * The flat, JSON-safe record that rules and scorecards read (see {@link FACTS}).
 *
 * @example
 * const f: Facts = deriveFacts(account, { asOf: "2026-11-23" });
 */
export type Facts = Record<string, number | boolean | string | null>;
