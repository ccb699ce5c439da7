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

/** `template_data` from the message's variables: strings, cut to the parameter's limit. Undefined when one is missing. */
export function znsTemplateData(template: ZnsTemplateRow, vars: Record<string, string | number>): ZnsTemplate | undefined {
  const data: Record<string, string> = {};
  for (const p of template.params) {
    const value = vars[p.variable];
    if (value === undefined) return undefined;
    const text = String(value);
    data[p.name] = p.maxLength && text.length > p.maxLength ? text.slice(0, p.maxLength - 1) + "…" : text;
  }
  return { id: template.templateId, data, ...(template.promotional ? { promotional: true } : {}) };
}
