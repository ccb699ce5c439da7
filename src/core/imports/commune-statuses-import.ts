import { sql } from "drizzle-orm";
import { rawStep, type AtomicStep, type Db } from "../../db/client";
import type { CommuneStatus } from "../../db/schema";
import { searchKey } from "../text/search-key";
import { MAX_REPORTED_ERRORS, type ImportSpec, type ParsedRow, type RowIssue } from "./run-import";
import { parseDate } from "./values";

export interface CommuneStatusPayload {
  unitCode: string;
  status: CommuneStatus;
  validFrom: string;
  validTo: string | null;
  source: string;
}

/**
 * Our codes (searchKey folds "_" to a space) and the words officers copy from the published lists (Quyết định of the Prime Minister or the
 * ethnic-affairs committee) mapped to our status codes, compared without diacritics.
 * "khu vực III"/"đặc biệt khó khăn" communes of ethnic-minority areas are one status here:
 * the support table (commune_status_supports) gives each status its rate by date.
 */
const STATUS_WORDS: Record<string, CommuneStatus> = {
  "poor": "poor",
  "xa ngheo": "poor",
  "ngheo": "poor",
  "ethnic minority disadvantaged": "ethnic_minority_disadvantaged",
  "dac biet kho khan": "ethnic_minority_disadvantaged",
  "xa dac biet kho khan": "ethnic_minority_disadvantaged",
  "khu vuc iii": "ethnic_minority_disadvantaged",
  "khu vuc 3": "ethnic_minority_disadvantaged",
  "dtts dac biet kho khan": "ethnic_minority_disadvantaged",
  "no longer disadvantaged": "no_longer_disadvantaged",
  "thoat khoi dien dac biet kho khan": "no_longer_disadvantaged",
  "ra khoi dien dac biet kho khan": "no_longer_disadvantaged",
  "het dac biet kho khan": "no_longer_disadvantaged",
};

export function parseCommuneStatus(text: string): CommuneStatus | undefined {
  return STATUS_WORDS[searchKey(text)];
}

/**
 * `unit_code,status,valid_from,source` (+ `valid_to`): the communes whose status raises the
 * state's share of contributions (near-poor people in a poor commune pay nothing). Every row
 * needs its source (the decision that lists the commune): support rules are law, not guesses.
 */
export function communeStatusesImportSpec(): ImportSpec<CommuneStatusPayload> {
  return {
    kind: "commune_statuses",
    columns: [
      { name: "unit_code", headers: ["Mã xã", "Mã đơn vị", "Mã"], required: true },
      { name: "status", headers: ["Diện", "Tình trạng", "Loại xã"], required: true },
      { name: "valid_from", headers: ["Từ ngày", "Hiệu lực từ"], required: true },
      { name: "valid_to", headers: ["Đến ngày", "Hiệu lực đến"], required: false },
      { name: "source", headers: ["Nguồn", "Căn cứ", "Văn bản"], required: true },
    ],
    parseRow: parseStatusRow,
    checkStaged: checkCommunes,
    async countExisting(db, batchId) {
      const [r] = await db.orm.all<{ n: number }>(sql`
        select count(*) as n from import_staging_rows s
        join commune_statuses c on c.unit_code = json_extract(s.payload, '$.unitCode')
          and c.status = json_extract(s.payload, '$.status') and c.valid_from = json_extract(s.payload, '$.validFrom')
        where s.batch_id = ${batchId}`);
      return r?.n ?? 0;
    },
    applySteps: (batchId): AtomicStep[] => [
      rawStep(sql`
        insert into commune_statuses (unit_code, status, valid_from, valid_to, source, is_demo)
        select json_extract(s.payload, '$.unitCode'), json_extract(s.payload, '$.status'), json_extract(s.payload, '$.validFrom'),
               json_extract(s.payload, '$.validTo'), json_extract(s.payload, '$.source'), 0
        from import_staging_rows s where s.batch_id = ${batchId}
        on conflict (unit_code, status, valid_from) do update set
          valid_to = excluded.valid_to, source = excluded.source, is_demo = 0`),
    ],
  };
}

function parseStatusRow(r: Record<string, string>, row: number): ParsedRow<CommuneStatusPayload> {
  const errors: RowIssue[] = [];
  const err = (messageKey: string, args: Record<string, string | number> = {}) => errors.push({ row, messageKey, args });
  const unitCode = (r.unit_code ?? "").trim();
  if (!unitCode) err("row-required", { column: "unit_code" });
  const status = r.status ? parseCommuneStatus(r.status) : undefined;
  if (!r.status) err("row-required", { column: "status" });
  else if (!status) err("row-bad-commune-status", { value: r.status });
  const from = r.valid_from ? parseDate(r.valid_from) : undefined;
  if (!r.valid_from) err("row-required", { column: "valid_from" });
  else if (!from?.ok) err("row-bad-date", { value: r.valid_from });
  const to = r.valid_to ? parseDate(r.valid_to) : undefined;
  if (r.valid_to && !to?.ok) err("row-bad-date", { value: r.valid_to });
  const source = (r.source ?? "").trim();
  if (!source) err("row-required", { column: "source" });
  if (from?.ok && to?.ok && to.value < from.value) err("row-dates-reversed", { from: r.valid_from ?? "", to: r.valid_to ?? "" });
  if (errors.length > 0 || !status || !from?.ok) return { errors };
  return {
    key: [unitCode, status, from.value].join("|"),
    payload: { unitCode, status, validFrom: from.value, validTo: to?.ok ? to.value : null, source },
  };
}

async function checkCommunes(db: Db, batchId: number): Promise<RowIssue[]> {
  const rows = await db.orm.all<{ row: number; unitCode: string; level: string | null }>(sql`
    select s.row_number as row, json_extract(s.payload, '$.unitCode') as unitCode, u.level as level
    from import_staging_rows s left join admin_units u on u.code = json_extract(s.payload, '$.unitCode')
    where s.batch_id = ${batchId} and (u.id is null or u.level <> 'commune')
    order by s.row_number limit ${MAX_REPORTED_ERRORS}`);
  return rows.map((r) =>
    r.level === null
      ? { row: r.row, messageKey: "row-unknown-unit", args: { value: r.unitCode } }
      : { row: r.row, messageKey: "row-not-a-commune", args: { value: r.unitCode } },
  );
}
