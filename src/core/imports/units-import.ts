import { sql } from "drizzle-orm";
import { rawStep, type Db } from "../../db/client";
import { adminUnits } from "../../db/schema";
import type { UnitLevel } from "../../db/schema";
import { searchKey } from "../text/search-key";
import { LEVEL_RANK, parseLevel } from "../units/unit-levels";
import { MAX_REPORTED_ERRORS, type ImportSpec, type ParsedRow, type RowIssue } from "./run-import";
import { parseDate } from "./values";

export interface UnitPayload {
  code: string;
  name: string;
  level: UnitLevel;
  kind: string | null;
  parentCode: string | null;
  searchKey: string;
  aliases: { alias: string; key: string }[];
  validFrom: string | null;
  validTo: string | null;
  replacedByCode: string | null;
  source: string | null;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/** `code,name,level,parent_code` (+ aliases, kind, valid_from, valid_to, replaced_by, source); Vietnamese headers accepted. */
export function unitsImportSpec(defaults: { source?: string } = {}): ImportSpec<UnitPayload> {
  return {
    kind: "units",
    columns: [
      { name: "code", headers: ["Mã", "Mã đơn vị"], required: true },
      { name: "name", headers: ["Tên", "Tên đơn vị"], required: true },
      { name: "level", headers: ["Cấp"], required: true },
      { name: "parent_code", headers: ["Mã cấp trên", "parent"], required: true },
      { name: "aliases", headers: ["Tên khác", "alias"], required: false },
      { name: "kind", headers: ["Loại"], required: false },
      { name: "valid_from", headers: ["Hiệu lực từ"], required: false },
      { name: "valid_to", headers: ["Hiệu lực đến"], required: false },
      { name: "replaced_by", headers: ["Thay bằng", "replaced_by_code"], required: false },
      { name: "source", headers: ["Nguồn"], required: false },
    ],
    parseRow: (r, row) => parseUnitRow(r, row, defaults.source ?? null),
    checkStaged: checkUnitParents,
    async countExisting(db, batchId) {
      const [r] = await db.orm.all<{ n: number }>(sql`
        select count(*) as n from import_staging_rows s join admin_units u on u.code = s.key where s.batch_id = ${batchId}`);
      return r?.n ?? 0;
    },
    applySteps(batchId, now) {
      // Parents are at a higher level (checked), so applying level by level finds every parent.
      const levels: UnitLevel[] = ["province", "district", "commune", "village"];
      return [
        ...levels.map((level) => rawStep(upsertLevel(batchId, level, now))),
        rawStep(sql`
          update admin_units set replaced_by_id = (select r.id from admin_units r where r.code = json_extract(s.payload, '$.replacedByCode'))
          from import_staging_rows s
          where s.batch_id = ${batchId} and s.key = admin_units.code and json_extract(s.payload, '$.replacedByCode') is not null`),
        rawStep(sql`
          insert into admin_unit_aliases (unit_id, alias, search_key, created_at)
          select u.id, json_extract(j.value, '$.alias'), json_extract(j.value, '$.key'), ${now}
          from import_staging_rows s, json_each(s.payload, '$.aliases') j, admin_units u
          where s.batch_id = ${batchId} and u.code = s.key
          on conflict (unit_id, search_key) do nothing`),
      ];
    },
  };
}

function parseUnitRow(r: Record<string, string>, row: number, defaultSource: string | null): ParsedRow<UnitPayload> {
  const errors: RowIssue[] = [];
  const err = (messageKey: string, args: Record<string, string | number> = {}) => errors.push({ row, messageKey, args });
  const code = r.code ?? "";
  const name = (r.name ?? "").normalize("NFC");
  if (!code) err("row-required", { column: "code" });
  else if (!CODE.test(code)) err("row-bad-code", { value: code });
  if (!name) err("row-required", { column: "name" });
  const level = r.level ? parseLevel(r.level) : undefined;
  if (!r.level) err("row-required", { column: "level" });
  else if (!level) err("row-bad-level", { value: r.level });
  const parentCode = r.parent_code || null;
  if (parentCode && !CODE.test(parentCode)) err("row-bad-code", { value: parentCode });
  const dates: Record<string, string | null> = {};
  for (const column of ["valid_from", "valid_to"] as const) {
    const text = r[column];
    if (!text) dates[column] = null;
    else {
      const parsed = parseDate(text);
      if (parsed.ok) dates[column] = parsed.value;
      else err("row-bad-date", { value: text });
    }
  }
  if (errors.length > 0 || !level) return { errors };
  const aliases = (r.aliases ?? "")
    .split("|")
    .map((a) => a.trim().normalize("NFC"))
    .filter(Boolean)
    .map((alias) => ({ alias, key: searchKey(alias) }));
  return {
    key: code,
    payload: {
      code,
      name,
      level: level.level,
      kind: (r.kind || level.kind || null)?.normalize("NFC") ?? null,
      parentCode,
      // The full name: "Lạng Sơn" must not be stored as "sơn" just because "lạng" reads like "làng".
      searchKey: searchKey(name),
      aliases,
      validFrom: dates.valid_from ?? null,
      validTo: dates.valid_to ?? null,
      replacedByCode: r.replaced_by || null,
      source: r.source || defaultSource,
    },
  };
}

/** The level ranks of unit-levels.ts as a SQL CASE, so the parent check runs in the database. */
const RANK_SQL = (expr: string) =>
  `case ${expr} ${Object.entries(LEVEL_RANK).map(([level, rank]) => `when '${level}' then ${rank}`).join(" ")} end`;

/**
 * Every parent exists (in the file or the database) and sits at a higher level. Filtered in
 * SQL so a million-row file never comes back into memory; only offending rows do.
 */
async function checkUnitParents(db: Db, batchId: number): Promise<RowIssue[]> {
  const rows = await db.orm.all<{ row: number; parentCode: string; parentLevel: UnitLevel | null }>(sql`
    select row, parentCode, parentLevel from (
      select s.row_number as row, json_extract(s.payload, '$.level') as level,
             json_extract(s.payload, '$.parentCode') as parentCode,
             coalesce((select json_extract(p.payload, '$.level') from import_staging_rows p
                       where p.batch_id = s.batch_id and p.key = json_extract(s.payload, '$.parentCode')),
                      (select u.level from ${adminUnits} u where u.code = json_extract(s.payload, '$.parentCode'))) as parentLevel
      from import_staging_rows s
      where s.batch_id = ${batchId} and json_extract(s.payload, '$.parentCode') is not null)
    where parentLevel is null or ${sql.raw(RANK_SQL("parentLevel"))} >= ${sql.raw(RANK_SQL("level"))}
    order by row limit ${MAX_REPORTED_ERRORS}`);
  const replacements = await db.orm.all<{ row: number; code: string }>(sql`
    select s.row_number as row, json_extract(s.payload, '$.replacedByCode') as code
    from import_staging_rows s
    where s.batch_id = ${batchId} and json_extract(s.payload, '$.replacedByCode') is not null
      and not exists (select 1 from import_staging_rows p where p.batch_id = s.batch_id and p.key = json_extract(s.payload, '$.replacedByCode'))
      and not exists (select 1 from ${adminUnits} u where u.code = json_extract(s.payload, '$.replacedByCode'))
    order by s.row_number limit ${MAX_REPORTED_ERRORS}`);
  return [
    ...rows.map((r) =>
      r.parentLevel === null
        ? { row: r.row, messageKey: "row-unknown-parent", args: { value: r.parentCode } }
        : { row: r.row, messageKey: "row-parent-level", args: { value: r.parentCode } },
    ),
    ...replacements.map((r) => ({ row: r.row, messageKey: "row-unknown-replacement", args: { value: r.code } })),
  ];
}

function upsertLevel(batchId: number, level: UnitLevel, now: number) {
  const p = (path: string) => sql.raw(`json_extract(s.payload, '$.${path}')`);
  return sql`
    insert into admin_units (code, name, level, kind, parent_id, search_key, province_code, valid_from, valid_to, source, created_at, updated_at)
    select s.key, ${p("name")}, ${p("level")}, ${p("kind")},
           (select pu.id from admin_units pu where pu.code = ${p("parentCode")}),
           ${p("searchKey")},
           case when ${p("level")} = 'province' then s.key
                else (select pu.province_code from admin_units pu where pu.code = ${p("parentCode")}) end,
           ${p("validFrom")}, ${p("validTo")}, ${p("source")}, ${now}, ${now}
    from import_staging_rows s
    where s.batch_id = ${batchId} and ${p("level")} = ${level}
    on conflict (code) do update set
      name = excluded.name, level = excluded.level, kind = excluded.kind, parent_id = excluded.parent_id,
      search_key = excluded.search_key, province_code = excluded.province_code, valid_from = excluded.valid_from,
      valid_to = excluded.valid_to, source = coalesce(excluded.source, admin_units.source), updated_at = excluded.updated_at`;
}
