import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Db } from "../../db/client";
import { adminUnits, cards, people } from "../../db/schema";
import { createInvite } from "../officers/invites";
import { formatInviteCode } from "../officers/invite-codes";
import type { Protector } from "../privacy/protector";
import { NGOC_PHUNG_CODE, NGOC_PHUNG_VILLAGES } from "./ngoc-phung";

/** What a newcomer needs to try the demo: a collector invite and a card with its date of birth. */
export interface DemoShowcase {
  invite: { code: string; commune: string; village: string; expiresAt: Date } | null;
  card: { cardCode: string; bhxhNumber: string; dateOfBirth: string; validTo: string } | null;
}

/**
 * A fresh collector invite for the demo's first village (invites are single-use, so each start
 * makes one) and the first demo resident whose household-paid card is valid today, unsealed
 * for the banner only: the demo's numbers are fictional (99… BHXH numbers).
 */
export async function demoShowcase(db: Db, protector: Protector, input: { today: string; now: Date }): Promise<DemoShowcase> {
  const village = NGOC_PHUNG_VILLAGES[1]!;
  const units = await db.orm.select().from(adminUnits).where(eq(adminUnits.code, NGOC_PHUNG_CODE));
  const [villageRow] = await db.orm.select().from(adminUnits).where(eq(adminUnits.code, village.code));
  const commune = units[0];
  const invite =
    commune && villageRow
      ? await createInvite(db, protector, { communeId: commune.id, unitId: villageRow.id, role: "collector", createdBy: "demo", now: input.now })
      : null;
  const [row] = await db.orm
    .select({ person: people, card: cards })
    .from(people)
    .innerJoin(cards, eq(cards.personId, people.id))
    .where(and(eq(people.source, "demo"), eq(cards.groupCode, "GD"), lte(cards.validFrom, input.today), gte(cards.validTo, input.today)))
    .orderBy(asc(people.id))
    .limit(1);
  const card = row
    ? {
        cardCode: await protector.open(row.card.cardCodeEnc!),
        bhxhNumber: await protector.open(row.person.bhxhNumberEnc!),
        dateOfBirth: await protector.open(row.person.dateOfBirthEnc!),
        validTo: row.card.validTo ?? "",
      }
    : null;
  return {
    invite: invite && commune && villageRow ? { code: formatInviteCode(invite.code), commune: commune.name, village: villageRow.name, expiresAt: invite.expiresAt } : null,
    card,
  };
}
