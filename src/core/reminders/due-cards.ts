import { and, eq, gte, isNotNull, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { adminUnits, cards, participantGroups, people, reminderPlans } from "../../db/schema";
import { addDays } from "../time/day-math";
import { dueValidToRange, offsetWindows } from "./reminder-windows";

/** The columns a card needs to be reminded of (shared by the daily planner and campaigns). */
export const DUE_CARD_COLUMNS = {
  cardId: cards.id,
  personId: people.id,
  householdId: people.householdId,
  villageId: people.unitId,
  communeId: adminUnits.parentId,
  groupCode: cards.groupCode,
  funding: participantGroups.parentCode,
  validTo: cards.validTo,
  fullNameEnc: people.fullNameEnc,
  phoneEnc: people.phoneEnc,
  phoneIdx: people.phoneIdx,
};

/** A card with a reminder due today that has not been planned for its offset and validity yet. */
export interface DueCard {
  cardId: number;
  personId: number;
  householdId: number | null;
  villageId: number;
  communeId: number | null;
  groupCode: string | null;
  /** Funding group: household / state_supported pay themselves; the rest are renewed for them. */
  funding: string | null;
  validTo: string;
  fullNameEnc: string;
  phoneEnc: string | null;
  phoneIdx: string | null;
  offset: number;
  /** Last day the reminder is useful (the next offset's day). */
  expiresOn: string;
}

/**
 * Cards (in the villages of `communeId`, or everywhere) whose `valid_to` puts one of `offsets` in today's
 * window, minus those already planned for that (offset, valid_to). Set-based: SQLite picks the
 * offset from the window each `valid_to` falls in and drops planned cards itself, so a steady
 * day returns only the few cards entering a window instead of every card in one. The valid_to
 * range keeps the scan on cards_valid_to_idx whatever the roster's size; parameters: 2 per
 * offset twice, plus 3 (far under D1's 100 for any sensible campaign).
 */
export async function dueCards(db: Db, input: { today: string; offsets: readonly number[]; communeId?: number }): Promise<DueCard[]> {
  const range = dueValidToRange(input.today, input.offsets);
  const windows = offsetWindows(input.today, input.offsets);
  const offsetCase = sql<number>`(case ${sql.join(
    windows.map((w) => sql`when ${cards.validTo} between ${w.from} and ${w.to} then ${w.offset}`),
    sql` `,
  )} end)`;
  const rows = await db.orm
    .select({ ...DUE_CARD_COLUMNS, offset: offsetCase })
    .from(cards)
    .innerJoin(people, eq(people.id, cards.personId))
    .innerJoin(adminUnits, eq(adminUnits.id, people.unitId))
    .leftJoin(participantGroups, eq(participantGroups.code, cards.groupCode))
    .where(
      and(
        isNotNull(cards.validTo),
        gte(cards.validTo, range.from),
        lte(cards.validTo, range.to),
        input.communeId !== undefined ? eq(adminUnits.parentId, input.communeId) : undefined,
        sql`not exists (select 1 from ${reminderPlans} where ${reminderPlans.cardId} = ${cards.id} and ${reminderPlans.validTo} = ${cards.validTo} and ${reminderPlans.offsetDays} = ${offsetCase})`,
      ),
    );
  const expiresOn = new Map(windows.map((w) => [w.offset, w.lastDayAfterValidTo]));
  const due: DueCard[] = [];
  for (const row of rows) {
    if (row.offset === null) continue;
    const offset = Number(row.offset);
    due.push({ ...row, validTo: row.validTo!, offset, expiresOn: addDays(row.validTo!, expiresOn.get(offset)!) });
  }
  return due;
}
