import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import { adminUnits, cards, people, type CardTerms } from "../../db/schema";
import type { Protector } from "../privacy/protector";
import type { CardIdentifier } from "./card-identifier";

/** A card as a verified resident may see it (name decrypted; no personal numbers). */
export interface VerifiedCard extends CardTerms {
  cardId: number;
  personId: number;
  householdId: number | null;
  fullName: string;
  village: { id: number; name: string; kind: string | null };
  commune: { id: number; name: string; kind: string | null } | null;
}

/** People whose card the identifier may name (at most a couple: a legacy code also matches by its BHXH number). */
export async function findCandidates(db: Db, protector: Protector, id: CardIdentifier): Promise<number[]> {
  const found = new Set<number>();
  if (id.kind === "card") {
    const idx = await protector.blindIndex("card", id.cardCode);
    for (const row of await db.orm.select({ personId: cards.personId }).from(cards).where(eq(cards.cardCodeIdx, idx))) found.add(row.personId);
  }
  if (id.kind === "card" || id.kind === "bhxh") {
    const idx = await protector.blindIndex("bhxh", id.bhxhNumber);
    for (const row of await db.orm.select({ id: people.id }).from(people).where(eq(people.bhxhNumberIdx, idx))) found.add(row.id);
  }
  if (id.kind === "id") {
    const idx = await protector.blindIndex("id", id.idNumber);
    for (const row of await db.orm.select({ id: people.id }).from(people).where(eq(people.idNumberIdx, idx))) found.add(row.id);
  }
  return [...found];
}

/**
 * The card of the first candidate whose date of birth matches, else undefined. "No such card"
 * and "wrong date of birth" are deliberately indistinguishable to the caller's caller.
 */
export async function verifyCard(db: Db, protector: Protector, personIds: readonly number[], dateOfBirth: string): Promise<VerifiedCard | undefined> {
  const dobIdx = await protector.blindIndex("dob", dateOfBirth);
  const commune = alias(adminUnits, "commune");
  for (const personId of personIds) {
    const [row] = await db.orm
      .select({ person: people, card: cards, village: adminUnits, commune })
      .from(people)
      .innerJoin(cards, eq(cards.personId, people.id))
      .innerJoin(adminUnits, eq(adminUnits.id, people.unitId))
      .leftJoin(commune, eq(commune.id, adminUnits.parentId))
      .where(eq(people.id, personId));
    if (!row || row.person.dateOfBirthIdx !== dobIdx) continue;
    return {
      cardId: row.card.id,
      personId,
      householdId: row.person.householdId,
      fullName: await protector.open(row.person.fullNameEnc),
      groupCode: row.card.groupCode,
      benefitLevel: row.card.benefitLevel,
      provinceCode: row.card.provinceCode,
      validFrom: row.card.validFrom,
      validTo: row.card.validTo,
      registeredFacility: row.card.registeredFacility,
      fiveYearDate: row.card.fiveYearDate,
      village: { id: row.village.id, name: row.village.name, kind: row.village.kind },
      commune: row.commune ? { id: row.commune.id, name: row.commune.name, kind: row.commune.kind } : null,
    };
  }
  return undefined;
}
