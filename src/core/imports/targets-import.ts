import { sql } from "drizzle-orm";
import { rawStep, type AtomicStep, type Db } from "../../db/client";
import { MAX_REPORTED_ERRORS, type ImportSpec, type ParsedRow, type RowIssue } from "./run-import";
import { parseCount, parseDate, parseRateBp, parseYear } from "./values";

export interface TargetPayload {
  unitCode: string;
  year: number;
  indicator: string;
  groupCode: string;
  population: number | null;
  targetCount: number | null;
  targetRateBp: number | null;
  deadline: string | null;
  source: string | null;
}

/** `unit_code,year,population,target_count` with optional `target_rate,group_code,indicator,deadline,source`. */
export function targetsImportSpec(defaults: { source?: string } = {}): ImportSpec<TargetPayload> {
  return {
    kind: "targets",
    columns: [
      { name: "unit_code", headers: ["Mã đơn vị", "Mã"], required: true },
      { name: "year", headers: ["Năm"], required: true },
      { name: "population", headers: ["Dân số", "Tổng số", "Tổng số đối tượng"], required: true },
      { name: "target_count", headers: ["Chỉ tiêu", "Số người", "Dự kiến thực hiện"], required: true },
      { name: "target_rate", headers: ["Tỷ lệ", "Tỉ lệ", "Tỷ lệ (%)"], required: false },
      { name: "group_code", headers: ["Nhóm", "Mã nhóm", "Mã đối tượng"], required: false },
      { name: "indicator", headers: ["Chỉ số"], required: false },
      { name: "deadline", headers: ["Hạn", "Thời hạn"], required: false },
      { name: "source", headers: ["Nguồn"], required: false },
    ],
    parseRow: (r, row) => parseTargetRow(r, row, defaults.source ?? null),
    checkStaged: checkTargetReferences,
    async countExisting(db, batchId) {
      const [r] = await db.orm.all<{ n: number }>(sql`
        select count(*) as n from import_staging_rows s
        join admin_units u on u.code = json_extract(s.payload, '$.unitCode')
        join targets t on t.unit_id = u.id and t.year = json_extract(s.payload, '$.year')
          and t.indicator = json_extract(s.payload, '$.indicator') and t.group_code = json_extract(s.payload, '$.groupCode')
        where s.batch_id = ${batchId}`);
      return r?.n ?? 0;
    },
    applySteps: (batchId, now): AtomicStep[] => [
      rawStep(sql`
          insert into targets (unit_id, year, indicator, group_code, population, target_count, target_rate_bp, deadline, source, created_at, updated_at)
          select u.id, json_extract(s.payload, '$.year'), json_extract(s.payload, '$.indicator'), json_extract(s.payload, '$.groupCode'),
                 json_extract(s.payload, '$.population'), json_extract(s.payload, '$.targetCount'), json_extract(s.payload, '$.targetRateBp'),
                 json_extract(s.payload, '$.deadline'), json_extract(s.payload, '$.source'), ${now}, ${now}
          from import_staging_rows s, admin_units u
          where s.batch_id = ${batchId} and u.code = json_extract(s.payload, '$.unitCode')
          on conflict (unit_id, year, indicator, group_code) do update set
            population = excluded.population, target_count = excluded.target_count, target_rate_bp = excluded.target_rate_bp,
            deadline = excluded.deadline, source = coalesce(excluded.source, targets.source), updated_at = excluded.updated_at`),
    ],
  };
}

function parseTargetRow(r: Record<string, string>, row: number, defaultSource: string | null): ParsedRow<TargetPayload> {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const err = (messageKey: string, args: Record<string, string | number> = {}) => errors.push({ row, messageKey, args });
  const unitCode = r.unit_code ?? "";
  if (!unitCode) err("row-required", { column: "unit_code" });
  const year = r.year ? parseYear(r.year) : undefined;
  if (!r.year) err("row-required", { column: "year" });
  else if (!year?.ok) err("row-bad-year", { value: r.year });
  const count = (column: "population" | "target_count"): number | null => {
    const text = r[column];
    if (!text) return null;
    const parsed = parseCount(text);
    if (!parsed.ok) err("row-bad-integer", { column, value: text });
    return parsed.ok ? parsed.value : null;
  };
  const population = count("population");
  const targetCount = count("target_count");
  let rate: { bp: number; decimals: number } | null = null;
  if (r.target_rate) {
    const parsed = parseRateBp(r.target_rate);
    if (parsed.ok) rate = parsed.value;
    else err("row-bad-rate", { column: "target_rate", value: r.target_rate });
  }
  let deadline: string | null = null;
  if (r.deadline) {
    const parsed = parseDate(r.deadline);
    if (parsed.ok) deadline = parsed.value;
    else err("row-bad-date", { value: r.deadline });
  }
  if (errors.length === 0 && targetCount === null && rate === null) err("row-target-missing");
  if (population !== null && targetCount !== null && targetCount > population) {
    err("row-target-above-population", { target: targetCount, population });
  }
  if (errors.length > 0 || !year?.ok) return { errors };
  if (population === 0 && (targetCount ?? 0) === 0) warnings.push({ row, messageKey: "warn-zero-population", args: {} });
  else if (population && targetCount !== null && rate !== null) {
    const mismatch = rateMismatch(targetCount, population, rate);
    if (mismatch) warnings.push({ row, messageKey: "warn-rate-mismatch", args: mismatch });
  }
  return {
    key: [unitCode, year.value, r.indicator || "bhyt", (r.group_code ?? "").trim()].join("|"),
    payload: {
      unitCode,
      year: year.value,
      indicator: r.indicator || "bhyt",
      groupCode: (r.group_code ?? "").trim(),
      population,
      targetCount,
      targetRateBp: rate?.bp ?? null,
      deadline,
      source: r.source || defaultSource,
    },
    warnings,
  };
}

/**
 * Source tables print rates that disagree with count/total; we keep what was printed and
 * warn, judging at the precision printed (a printed "71" matches 70,73 %).
 */
export function rateMismatch(count: number, population: number, rate: { bp: number; decimals: number }) {
  const computed = (count / population) * 100;
  const printed = rate.bp / 100;
  const tolerance = 0.5 * 10 ** -Math.min(rate.decimals, 2) + 1e-9;
  if (Math.abs(computed - printed) <= tolerance) return undefined;
  return { printed: printed.toFixed(Math.min(rate.decimals, 2)), computed: computed.toFixed(2), count, population };
}

async function checkTargetReferences(db: Db, batchId: number): Promise<RowIssue[]> {
  const rows = await db.orm.all<{ row: number; unitCode: string; groupCode: string; indicator: string; unitOk: number; groupOk: number; indicatorOk: number }>(sql`
    select s.row_number as row, json_extract(s.payload, '$.unitCode') as unitCode,
           json_extract(s.payload, '$.groupCode') as groupCode, json_extract(s.payload, '$.indicator') as indicator,
           exists(select 1 from admin_units u where u.code = json_extract(s.payload, '$.unitCode')) as unitOk,
           (json_extract(s.payload, '$.groupCode') = '' or exists(select 1 from participant_groups g where g.code = json_extract(s.payload, '$.groupCode'))) as groupOk,
           exists(select 1 from indicators i where i.code = json_extract(s.payload, '$.indicator')) as indicatorOk
    from import_staging_rows s where s.batch_id = ${batchId}
      and not (unitOk and groupOk and indicatorOk)
    order by s.row_number limit ${MAX_REPORTED_ERRORS}`);
  const issues: RowIssue[] = [];
  for (const r of rows) {
    if (!r.unitOk) issues.push({ row: r.row, messageKey: "row-unknown-unit", args: { value: r.unitCode } });
    if (!r.groupOk) issues.push({ row: r.row, messageKey: "row-unknown-group", args: { value: r.groupCode } });
    if (!r.indicatorOk) issues.push({ row: r.row, messageKey: "row-unknown-indicator", args: { value: r.indicator } });
  }
  return issues;
}
