import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { zaloTemplates, type ZnsParam } from "../../db/schema";
import { rowsOn } from "../reference/effective-rows";
import type { ZnsTemplate } from "../outbox/types";

export interface ZnsTemplateRow {
  templateId: string;
  params: ZnsParam[];
  promotional: boolean;
}

/**
 * The approved template standing in for one of our messages on `on` (YYYY-MM-DD): a row for
 * this exact offset wins over one for every offset, and a later start over an earlier one.
 */
export async function findZnsTemplate(db: Db, input: { purpose: string; messageKey: string; offset?: number; on: string }): Promise<ZnsTemplateRow | undefined> {
  const rows = await db.orm
    .select()
    .from(zaloTemplates)
    .where(and(eq(zaloTemplates.purpose, input.purpose), eq(zaloTemplates.messageKey, input.messageKey)));
  const current = rowsOn(
    rows.filter((r) => r.offsetDays === null || r.offsetDays === input.offset).map((r) => ({ ...r, validFrom: r.effectiveFrom, validTo: r.effectiveTo })),
    input.on,
  ).sort((a, b) => Number(b.offsetDays !== null) - Number(a.offsetDays !== null));
  const best = current[0];
  return best ? { templateId: best.templateId, params: best.params, promotional: best.promotional } : undefined;
}

/** A parameter's value as Zalo wants it: a string, cut to the template's limit. */
function paramText(value: string | number, maxLength?: number): string {
  const text = String(value);
  return maxLength && text.length > maxLength ? text.slice(0, maxLength - 1) + "…" : text;
}

/**
 * `template_data` from the message's variables. Variables in `lateVariables` that the planner
 * does not have yet (the names, opened at send time) are left for `completeZnsTemplate`.
 * Undefined when any other one is missing.
 */
export function znsTemplateData(template: ZnsTemplateRow, vars: Record<string, string | number>, lateVariables: readonly string[] = []): ZnsTemplate | undefined {
  const data: Record<string, string> = {};
  const late: NonNullable<ZnsTemplate["late"]> = [];
  for (const p of template.params) {
    const value = vars[p.variable];
    if (value !== undefined) data[p.name] = paramText(value, p.maxLength);
    else if (lateVariables.includes(p.variable)) late.push({ name: p.name, variable: p.variable, ...(p.maxLength ? { maxLength: p.maxLength } : {}) });
    else return undefined;
  }
  return { id: template.templateId, data, ...(template.promotional ? { promotional: true } : {}), ...(late.length ? { late } : {}) };
}

/** The template with its send-time parameters filled from `vars`; undefined when one is still missing. */
export function completeZnsTemplate(template: ZnsTemplate, vars: Record<string, string | number>): ZnsTemplate | undefined {
  if (!template.late?.length) return template;
  const data = { ...template.data };
  for (const p of template.late) {
    const value = vars[p.variable];
    if (value === undefined) return undefined;
    data[p.name] = paramText(value, p.maxLength);
  }
  const { late: _late, ...rest } = template;
  return { ...rest, data };
}
