import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { importStagingRows } from "../../db/schema";

/** The first staged rows as parsed, without the columns empty in all of them (optional ones the file did not use). */
export async function stagedSample(db: Db, batchId: number, limit: number): Promise<{ row: number; fields: [string, unknown][] }[]> {
  const rows = await db.orm.select().from(importStagingRows).where(eq(importStagingRows.batchId, batchId)).orderBy(asc(importStagingRows.rowNumber)).limit(limit);
  const parsed = rows.map((r) => ({ row: r.rowNumber, payload: JSON.parse(r.payload) as Record<string, unknown> }));
  const empty = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
  const keys = [...new Set(parsed.flatMap((p) => Object.keys(p.payload)))].filter((k) => parsed.some((p) => !empty(p.payload[k])));
  return parsed.map((p) => ({ row: p.row, fields: keys.map((k): [string, unknown] => [k, p.payload[k]]) }));
}
