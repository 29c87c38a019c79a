/**
 * Message templates (rules/templates/*.json) and their renderer: a small, safe template
 * language checked at load time, locale-correct money and dates, masked accounts, opt-outs on
 * electronic messages, and third-party messages that cannot mention the debt.
 */
export { loadTemplate, pickLocale, MessageTemplateSchema } from "./template.js";
export type { MessageTemplate, MessageTemplateJson, TemplateTestCase, Audience } from "./template.js";
export { renderMessage, runTemplateTests } from "./render.js";
export type { RenderOptions, RenderedMessage, TemplateTestResult } from "./render.js";
export type { MessageDecision, LenderDetails } from "./context.js";
export { TEMPLATES, getTemplate } from "./catalog.js";
export { MESSAGE_VARIABLES, ITEM_VARIABLES } from "./variables.js";
export type { VariableDefinition, VariableKind } from "./variables.js";
export { formatMoney, formatDate, formatList, formatUnit, maskAccount } from "./format.js";
