import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { resolveStagedPeople, stagedCards } from "./card-sql";
import { MAX_REPORTED_ERRORS, type RowIssue } from "./run-import";

/**
 * Checks that need the whole file or the roster already on record. The shared pipeline has
 * already refused two rows with the same key (the BHXH number, else the personal ID).
 * Order matters only for reporting; all run before anything is written.
 */
export async function checkStagedCards(db: Db, batchId: number): Promise<RowIssue[]> {
  // The counts and warnings read right after the checks use this match too.
  await db.orm.run(resolveStagedPeople(batchId));
  const issues = [...(await sameIdNumber(db, batchId)), ...(await recordConflicts(db, batchId)), ...(await unknownGroups(db, batchId))];
  return issues.sort((a, b) => a.row - b.row).slice(0, MAX_REPORTED_ERRORS);
}

/** Two rows with different BHXH numbers (or one without) but the same personal ID. */
async function sameIdNumber(db: Db, batchId: number): Promise<RowIssue[]> {
  const rows = await db.orm.all<{ row: number; first: number }>(sql`
    select s.row as row, d.first as first
    from ${stagedCards(batchId)} s
    join (select idIdx, min(row) as first from ${stagedCards(batchId)} where idIdx is not null group by idIdx having count(*) > 1) d
      on d.idIdx = s.idIdx
    where s.row <> d.first
    order by s.row limit ${MAX_REPORTED_ERRORS}`);
  return rows.map((r) => ({ row: r.row, messageKey: "row-card-duplicate-person", args: { column: "id_number", other: r.first } }));
}

/**
 * Against the roster on record: a row whose BHXH number and personal ID belong to two
 * different people (applying it would break the unique indexes), and two rows that would
 * both update the same person (one by BHXH number, the other by personal ID).
 */
async function recordConflicts(db: Db, batchId: number): Promise<RowIssue[]> {
  // personId is the BHXH match, else the personal-ID match: a conflict is a personal ID
  // that belongs to someone else than the BHXH number's person.
  const rows = await db.orm.all<{ row: number; kind: "conflict" | "same"; first: number | null }>(sql`
    with m as (select row, personId, idIdx from ${stagedCards(batchId)} where personId is not null)
    select row, 'conflict' as kind, null as first from m
    where m.idIdx is not null and exists (select 1 from people p where p.id_number_idx = m.idIdx and p.id <> m.personId)
    union all
    select x.row, 'same', f.first
    from m x join (select personId, min(row) as first from m group by personId having count(*) > 1) f on f.personId = x.personId
    where x.row <> f.first
    order by 1 limit ${MAX_REPORTED_ERRORS}`);
  return rows.map((r): RowIssue =>
    r.kind === "conflict"
      ? { row: r.row, messageKey: "row-card-person-conflict", args: {} }
      : { row: r.row, messageKey: "row-card-same-person", args: { other: r.first ?? 0 } },
  );
}

/** The group (from Mã đối tượng or the card code) must be one of BHXH's card groups. */
async function unknownGroups(db: Db, batchId: number): Promise<RowIssue[]> {
  const rows = await db.orm.all<{ row: number; groupCode: string }>(sql`
    select r.row as row, r.groupCode as groupCode from ${stagedCards(batchId)} r
    where r.groupCode is not null
      and not exists (select 1 from participant_groups g where g.code = r.groupCode and g.kind = 'card')
    order by r.row limit ${MAX_REPORTED_ERRORS}`);
  return rows.map((r) => ({ row: r.row, messageKey: "row-unknown-group", args: { value: r.groupCode } }));
}
