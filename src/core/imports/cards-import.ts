import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Protector } from "../privacy/protector";
import { localDate } from "../time/local-date";
import { CARD_RENEWED_ACTION, cardApplySteps } from "./card-apply";
import { checkStagedCards } from "./card-checks";
import { indexesToRebuild } from "./card-index-rebuild";
import { CARD_COLUMNS } from "./card-columns";
import { cardStagingSteps, countStagedCards, duplicateCardRows } from "./card-staging";
import { sealCardRow, type CardPayload, type RowSealer } from "./card-payload";
import { cellText, parseCardRow, type CardRowResult } from "./card-row";
import { countCardChanges, stagedCardWarnings, type CardChangeCounts } from "./card-summary";
import { runImport, type ImportOutcome, type ImportSpec, type ParsedRow } from "./run-import";
import { createVillageLookup, type VillageMatch } from "./village-lookup";

export interface CardImportDeps {
  db: Db;
  protector: Protector;
  /** Seals rows off the import's thread (the Node CLI's worker pool); the protector otherwise. */
  sealer?: RowSealer;
}

export interface CardImportOptions {
  /** Villages are looked up inside this commune; without it the village column must be unambiguous on its own (a village code). */
  communeId?: number;
  /** Dates of birth after this day are refused (default: today in Vietnam). */
  today?: string;
  fileName?: string;
  actor?: string;
  onRow?: (count: number) => void;
}

export interface CardImportOutcome extends ImportOutcome {
  people: { created: number; updated: number };
  cards: { created: number; updated: number; renewed: number };
  households: { created: number };
  /** Pending reminder messages (found through reminder_plans) cancelled because a card they name was renewed. */
  remindersCancelled: number;
  /** Cards whose end date moved later, also recorded in audit_log as `card.renewed`. */
  renewedCardIds: number[];
}

/** The card roster as one of the staged imports: parse and seal per row, check and apply in SQL. */
export function cardsImportSpec(deps: CardImportDeps, options: Pick<CardImportOptions, "communeId" | "today"> = {}): ImportSpec<CardPayload> {
  const findVillage = createVillageLookup(deps.db, options.communeId);
  const today = options.today ?? localDate(new Date());
  // countExisting and summarize run back to back; the count is one pass over the batch.
  let counted: { batchId: number; counts: Promise<CardChangeCounts> } | undefined;
  const counts = (db: Db, batchId: number) => {
    if (counted?.batchId !== batchId) counted = { batchId, counts: countCardChanges(db, batchId) };
    return counted.counts;
  };
  return {
    kind: "cards",
    columns: CARD_COLUMNS,
    // Synchronous when it can be (a village seen before, a synchronous protector): a
    // million-row import otherwise pays a dozen promise hops a row for nothing.
    parseRow(record, row) {
      const parsed = parseCardRow(record, row, today);
      // Looked up even when other cells are wrong, so one pass reports all of a row's errors.
      const villageText = cellText(record, "village");
      const village = villageText ? findVillage(villageText) : undefined;
      return village instanceof Promise ? village.then((v) => finishRow(deps, parsed, v, row)) : finishRow(deps, parsed, village, row);
    },
    staging: { steps: cardStagingSteps, duplicates: duplicateCardRows, count: countStagedCards },
    checkStaged: checkStagedCards,
    async countExisting(db, batchId) {
      return (await counts(db, batchId)).peopleUpdated;
    },
    async summarize(db, batchId) {
      const details = await counts(db, batchId);
      const { warnings, count } = await stagedCardWarnings(db, batchId);
      return { details: { ...details }, warnings, warningCount: count };
    },
    async applySteps(batchId, now) {
      return cardApplySteps(batchId, now, await indexesToRebuild(deps.db, batchId));
    },
  };
}

function finishRow(deps: CardImportDeps, parsed: CardRowResult, village: VillageMatch | undefined, row: number): ParsedRow<CardPayload> | Promise<ParsedRow<CardPayload>> {
  const errors = [...(parsed.ok ? [] : parsed.errors), ...(village && "messageKey" in village ? [{ row, ...village }] : [])];
  if (!parsed.ok || errors.length > 0 || !village || !("unitId" in village)) return { errors };
  const staged = (payload: CardPayload): ParsedRow<CardPayload> => ({
    // The duplicate check keys on the identifier that decides who a row is about; blind
    // indexes, so the staging table holds no personal number in plain text.
    key: payload.bhxhIdx ?? `id:${payload.idIdx}`,
    payload,
    warnings: parsed.warnings,
  });
  const payload = sealCardRow(deps.protector, parsed.row, village.unitId, deps.sealer);
  return payload instanceof Promise ? payload.then(staged) : staged(payload);
}

/**
 * Imports a card roster: all rows or none. Re-importing updates people matched by BHXH
 * number or personal ID; a card whose end date moves later counts as renewed, is recorded
 * in audit_log and has its pending reminders cancelled in the same atomic step.
 */
export async function importCards(
  deps: CardImportDeps,
  rows: AsyncIterable<{ rowNumber: number; record: Record<string, string> }>,
  options: CardImportOptions = {},
): Promise<CardImportOutcome> {
  const [floor] = await deps.db.orm.all<{ id: number | null }>(sql`select max(id) as id from audit_log`);
  const outcome = await runImport(deps.db, cardsImportSpec(deps, options), rows, options);
  const d = (outcome.details ?? {}) as Partial<CardChangeCounts>;
  return {
    ...outcome,
    people: { created: d.peopleCreated ?? 0, updated: d.peopleUpdated ?? 0 },
    cards: { created: d.cardsCreated ?? 0, updated: d.cardsUpdated ?? 0, renewed: d.cardsRenewed ?? 0 },
    households: { created: d.householdsCreated ?? 0 },
    remindersCancelled: d.remindersCancelled ?? 0,
    renewedCardIds: outcome.ok && d.cardsRenewed ? await renewedCardIds(deps.db, outcome.batchId!, floor?.id ?? 0) : [],
  };
}

const PAGE = 10_000;

/** Read back from audit_log in pages along its primary key, starting after the last entry before the import. */
async function renewedCardIds(db: Db, batchId: number, afterAuditId: number): Promise<number[]> {
  const ids: number[] = [];
  let after = afterAuditId;
  for (;;) {
    const page = await db.orm.all<{ id: number; cardId: number }>(sql`
      select id, cast(subject_id as integer) as cardId from audit_log
      where id > ${after} and action = ${CARD_RENEWED_ACTION} and json_extract(details, '$.batchId') = ${batchId}
      order by id limit ${PAGE}`);
    for (const r of page) ids.push(r.cardId);
    if (page.length < PAGE) return ids;
    after = page[page.length - 1]!.id;
  }
}
