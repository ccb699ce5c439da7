import { eq, sql } from "drizzle-orm";
import { cardTerms } from "../cards/card-terms";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db, Orm } from "../../db/client";
import { preparedPer } from "../../db/prepared";
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
  const q = lookupQueries(db.orm);
  const found = new Set<number>();
  if (id.kind === "card") {
    const idx = await protector.blindIndex("card", id.cardCode);
    for (const row of await q.byCardCode.all({ idx })) found.add(row.id);
  }
  if (id.kind === "card" || id.kind === "bhxh") {
    const idx = await protector.blindIndex("bhxh", id.bhxhNumber);
    for (const row of await q.byBhxh.all({ idx })) found.add(row.id);
  }
  if (id.kind === "id") {
    const idx = await protector.blindIndex("id", id.idNumber);
    for (const row of await q.byIdNumber.all({ idx })) found.add(row.id);
  }
  return [...found];
}

/**
 * The card of the first candidate whose date of birth matches, else undefined. "No such card"
 * and "wrong date of birth" are deliberately indistinguishable to the caller's caller.
 */
export async function verifyCard(db: Db, protector: Protector, personIds: readonly number[], dateOfBirth: string): Promise<VerifiedCard | undefined> {
  const dobIdx = await protector.blindIndex("dob", dateOfBirth);
  const q = lookupQueries(db.orm);
  for (const personId of personIds) {
    const row = await q.card.get({ personId });
    if (!row || row.dateOfBirthIdx !== dobIdx) continue;
    return {
      cardId: row.cardId,
      personId,
      householdId: row.householdId,
      fullName: await protector.open(row.fullNameEnc),
      ...cardTerms(row),
      village: { id: row.villageId, name: row.villageName, kind: row.villageKind },
      commune: row.communeId === null ? null : { id: row.communeId, name: row.communeName!, kind: row.communeKind },
    };
  }
  return undefined;
}

/** The look-up queries, prepared once per database (db/prepared.ts): residents' look-ups are the bots' hottest read. */
const lookupQueries = preparedPer((orm) => prepareLookups(orm));

function prepareLookups(orm: Orm) {
  const idx = sql.placeholder("idx");
  const commune = alias(adminUnits, "commune");
  return {
    byCardCode: orm.select({ id: cards.personId }).from(cards).where(eq(cards.cardCodeIdx, idx)).prepare(),
    byBhxh: orm.select({ id: people.id }).from(people).where(eq(people.bhxhNumberIdx, idx)).prepare(),
    byIdNumber: orm.select({ id: people.id }).from(people).where(eq(people.idNumberIdx, idx)).prepare(),
    // Only what VerifiedCard needs: no ciphertexts but the name, no blind indexes but the date of birth's.
    card: orm
      .select({
        householdId: people.householdId,
        fullNameEnc: people.fullNameEnc,
        dateOfBirthIdx: people.dateOfBirthIdx,
        cardId: cards.id,
        groupCode: cards.groupCode,
        benefitLevel: cards.benefitLevel,
        provinceCode: cards.provinceCode,
        validFrom: cards.validFrom,
        validTo: cards.validTo,
        registeredFacility: cards.registeredFacility,
        fiveYearDate: cards.fiveYearDate,
        villageId: adminUnits.id,
        villageName: adminUnits.name,
        villageKind: adminUnits.kind,
        communeId: commune.id,
        communeName: commune.name,
        communeKind: commune.kind,
      })
      .from(people)
      .innerJoin(cards, eq(cards.personId, people.id))
      .innerJoin(adminUnits, eq(adminUnits.id, people.unitId))
      .leftJoin(commune, eq(commune.id, adminUnits.parentId))
      .where(eq(people.id, sql.placeholder("personId")))
      .prepare(),
  };
}
