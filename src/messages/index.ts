/**
 * Message templates (rules/templates/*.json) and their renderer: a small, safe template
 * language checked at load time, locale-correct money and dates, masked accounts, opt-outs on
 * electronic messages, and third-party messages that cannot mention the debt.
 */

export { getTemplate, TEMPLATES } from "./catalog.js";
export type { LenderDetails, MessageDecision } from "./context.js";
export { formatDate, formatList, formatMoney, formatUnit, maskAccount } from "./format.js";
export type { RenderedMessage, RenderOptions } from "./render.js";
export { renderMessage, runTemplateTests } from "./render.js";
export type { Audience, MessageTemplate, MessageTemplateJson, TemplateTestCase } from "./template.js";
export { loadTemplate, MessageTemplateSchema, pickLocale } from "./template.js";
export type { VariableDefinition, VariableKind } from "./variables.js";
export { ITEM_VARIABLES, MESSAGE_VARIABLES } from "./variables.js";
