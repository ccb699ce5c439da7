import { and, eq } from "drizzle-orm";
import type { AtomicStep, Db } from "../../db/client";
import { cardStagingRows, importStagingRows } from "../../db/schema";
import type { CardPayload } from "../imports/card-payload";
import { fromStagedCard, toStagedCard } from "../imports/card-sql";
import { resealObject } from "./reseal-payload";

const CHUNK = 100;

type Reseal = (v: string | null) => Promise<string | null>;
type Reindex = ((namespace: string, v: string | null) => Promise<string | null>) | undefined;

/**
 * Key rotation of rows staged by imports in progress: JSON payloads in import_staging_rows
 * (units, targets, and card batches staged before card_staging_rows) and the typed card
 * rows. They have composite keys and are few (an import in progress), so they are read at once.
 */
export async function resealStagedRows(db: Db, reseal: Reseal, reindex: Reindex): Promise<{ import_staging_rows: number; card_staging_rows: number }> {
  const staged = await db.orm.select().from(importStagingRows);
  const stagingSteps: AtomicStep[] = [];
  for (const row of staged) {
    // An older card row is staged as an array (card-sql.ts); other imports stage objects.
    const parsed = JSON.parse(row.payload) as unknown;
    const fields = Array.isArray(parsed) ? fromStagedCard(parsed) : (parsed as Record<string, unknown>);
    const payload = await resealObject(fields, reseal, reindex);
    if (payload) {
      const text = JSON.stringify(Array.isArray(parsed) ? toStagedCard(payload as unknown as CardPayload) : payload);
      stagingSteps.push((tx) =>
        tx.update(importStagingRows).set({ payload: text }).where(and(eq(importStagingRows.batchId, row.batchId), eq(importStagingRows.rowNumber, row.rowNumber))),
      );
    }
  }
  for (let i = 0; i < stagingSteps.length; i += CHUNK) await db.atomic(stagingSteps.slice(i, i + CHUNK));

  // Card rows staged in their own table: columns named as the payload's fields.
  const cards = await db.orm.select().from(cardStagingRows);
  const cardSteps: AtomicStep[] = [];
  for (const row of cards) {
    const { batchId, rowNumber, ...fields } = row;
    const payload = await resealObject(fields, reseal, reindex);
    if (payload) {
      const changed = payload as Partial<typeof fields>;
      cardSteps.push((tx) => tx.update(cardStagingRows).set(changed).where(and(eq(cardStagingRows.batchId, batchId), eq(cardStagingRows.rowNumber, rowNumber))));
    }
  }
  for (let i = 0; i < cardSteps.length; i += CHUNK) await db.atomic(cardSteps.slice(i, i + CHUNK));
  return { import_staging_rows: stagingSteps.length, card_staging_rows: cardSteps.length };
}
