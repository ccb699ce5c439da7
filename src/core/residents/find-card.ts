import { eq, sql } from "drizzle-orm";
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
    for (const [personId] of await q.byCardCode.values({ idx })) found.add(personId as number);
  }
  if (id.kind === "card" || id.kind === "bhxh") {
    const idx = await protector.blindIndex("bhxh", id.bhxhNumber);
    for (const [personId] of await q.byBhxh.values({ idx })) found.add(personId as number);
  }
  if (id.kind === "id") {
    const idx = await protector.blindIndex("id", id.idNumber);
    for (const [personId] of await q.byIdNumber.values({ idx })) found.add(personId as number);
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
    const [row] = (await q.card.values({ personId })) as CardRow[];
    if (!row || row[2] !== dobIdx) continue;
    const [householdId, fullNameEnc, , cardId, groupCode, benefitLevel, provinceCode, validFrom, validTo, registeredFacility, fiveYearDate, villageId, villageName, villageKind, communeId, communeName, communeKind] = row;
    return {
      cardId,
      personId,
      householdId,
      fullName: await protector.open(fullNameEnc),
      groupCode,
      benefitLevel,
      provinceCode,
      validFrom,
      validTo,
      registeredFacility,
      fiveYearDate,
      village: { id: villageId, name: villageName, kind: villageKind },
      commune: communeId === null ? null : { id: communeId, name: communeName!, kind: communeKind },
    };
  }
  return undefined;
}

/**
 * The card query's row as SQLite returns it, in the select's order. The four look-ups read rows
 * with `values()`: Drizzle's per-field mapping was ~10 µs of a ~100 µs look-up once the roster
 * is in memory (bench/README, card-lookup). test/core/residents/find-card.test.ts checks every
 * field against the stored row, so a position out of step fails there.
 */
type CardRow = [
  householdId: number | null,
  fullNameEnc: string,
  dateOfBirthIdx: string | null,
  cardId: number,
  groupCode: string | null,
  benefitLevel: number | null,
  provinceCode: string | null,
  validFrom: string | null,
  validTo: string | null,
  registeredFacility: string | null,
  fiveYearDate: string | null,
  villageId: number,
  villageName: string,
  villageKind: string | null,
  communeId: number | null,
  communeName: string | null,
  communeKind: string | null,
];

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
