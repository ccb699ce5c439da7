import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { chunkForParameters, rawStep, type AtomicStep } from "../../db/client";
import type { CardPayload } from "./card-payload";
import { prebuiltSql } from "../../db/prebuilt-sql";
import { STAGED_CARD_FIELDS } from "./card-sql";
import { MAX_REPORTED_ERRORS, type RowIssue } from "./run-import";

/**
 * Card rows are staged in `card_staging_rows`, one typed column per CardPayload field,
 * instead of a JSON payload: the checks, the counts and the apply read a million-row batch
 * about ten times, and a JSON payload had to be parsed again for each field on each pass.
 */

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const COLUMNS = ["batch_id", "row_number", ...STAGED_CARD_FIELDS.map(snake)];
const ROW_PLACEHOLDERS = `(${COLUMNS.map(() => "?").join(", ")})`;
const insertText = (rows: number) => `insert into card_staging_rows (${COLUMNS.join(", ")}) values ${Array(rows).fill(ROW_PLACEHOLDERS).join(", ")}`;
/** Statement text per rows-per-statement; every full chunk has the same, so it is prepared once. */
const texts = new Map<number, string>();

/**
 * Multi-row inserts of at most 100 bound parameters each (D1's limit), so both drivers run
 * the same statements. Text built once per shape (prebuiltSql): Drizzle's compile of each
 * statement cost more than SQLite's insert.
 */
export function cardStagingSteps(batchId: number, rows: readonly { rowNumber: number; payload: CardPayload }[]): AtomicStep[] {
  return chunkForParameters(rows, COLUMNS.length).map((chunk) => {
    let text = texts.get(chunk.length);
    if (text === undefined) texts.set(chunk.length, (text = insertText(chunk.length)));
    const params: unknown[] = [];
    for (const r of chunk) {
      params.push(batchId, r.rowNumber);
      for (const f of STAGED_CARD_FIELDS) params.push(r.payload[f]);
    }
    return rawStep(prebuiltSql(text, params));
  });
}

/** The identifier that decides who a row is about: the BHXH number, else the personal ID (blind indexes). */
const ROW_KEY = "coalesce(bhxh_idx, 'id:' || id_idx)";

/** Two rows of the file about the same person (the same key), reported at every row after the first. */
export async function duplicateCardRows(db: Db, batchId: number): Promise<RowIssue[]> {
  const rows = await db.orm.all<{ row: number; first: number }>(sql`
    select s.row_number as row, d.first as first
    from card_staging_rows s
    join (select ${sql.raw(ROW_KEY)} as k, min(row_number) as first from card_staging_rows
          where batch_id = ${batchId} group by k having count(*) > 1) d on d.k = ${sql.raw(ROW_KEY.replace(/(bhxh_idx|id_idx)/g, "s.$1"))}
    where s.batch_id = ${batchId} and s.row_number <> d.first
    order by s.row_number limit ${MAX_REPORTED_ERRORS}`);
  return rows.map((r) => ({ row: r.row, messageKey: "row-duplicate", args: { other: r.first } }));
}

export async function countStagedCards(db: Db, batchId: number): Promise<number> {
  const [row] = await db.orm.all<{ n: number }>(sql`select count(*) as n from card_staging_rows where batch_id = ${batchId}`);
  return row?.n ?? 0;
}
