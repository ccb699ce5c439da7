import { eq, sql } from "drizzle-orm";
import type { Db } from "../../src/db/client";
import { adminUnits, cards, participantGroups, people } from "../../src/db/schema";
import { DUE_CARD_COLUMNS, dueCardKeys, type DueCard, type DueQuery } from "../../src/core/reminders/due-cards";

/** A small roster's due cards with every detail, in the planner's order: for tests of the recipient rules. */
export async function dueCards(db: Db, input: DueQuery): Promise<DueCard[]> {
  const keys = await dueCardKeys(db, input);
  const rows = await db.orm
    .select(DUE_CARD_COLUMNS)
    .from(cards)
    .innerJoin(people, eq(people.id, cards.personId))
    .innerJoin(adminUnits, eq(adminUnits.id, people.unitId))
    .leftJoin(participantGroups, eq(participantGroups.code, cards.groupCode))
    .where(sql`${cards.id} in (select value from json_each(${JSON.stringify(keys.map((k) => k.cardId))}))`);
  const byId = new Map(rows.map((r) => [r.cardId, r]));
  return keys.flatMap((k) => {
    const card = byId.get(k.cardId);
    return card ? [{ ...card, validTo: k.validTo, offset: k.offset, expiresOn: k.expiresOn }] : [];
  });
}
