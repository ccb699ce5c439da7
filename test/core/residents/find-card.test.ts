import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { afterAll, describe, expect, it } from "vitest";
import { generateDemoRoster } from "../../../src/core/demo/demo-roster";
import { seedDemo } from "../../../src/core/demo/seed-demo";
import { findCandidates, verifyCard } from "../../../src/core/residents/find-card";
import { adminUnits, cards, people } from "../../../src/db/schema";
import { openSqliteDb } from "../../../src/entry/sqlite-db";
import { createTestProtector } from "../../helpers/test-db";

const TODAY = "2025-11-15";
const db = openSqliteDb(":memory:");
afterAll(() => db.close());

describe("verifyCard", () => {
  it("returns every field of the card, the person and both units as stored (the query's row is read by position)", async () => {
    const protector = await createTestProtector();
    await seedDemo({ db, protector, today: TODAY });
    // People that differ in every optional field, so a swapped position shows.
    const roster = generateDemoRoster(TODAY);
    const chosen = [roster.find((p) => p.fiveYearDate !== null)!, roster.find((p) => p.fiveYearDate === null && p.groupCode !== roster[0]!.groupCode)!];
    const commune = alias(adminUnits, "commune");
    for (const person of chosen) {
      const ids = await findCandidates(db, protector, { kind: "card", cardCode: person.cardCode, bhxhNumber: person.bhxhNumber });
      const found = await verifyCard(db, protector, ids, person.dateOfBirth);
      const [stored] = await db.orm
        .select({ card: cards, person: people, village: adminUnits, commune })
        .from(cards)
        .innerJoin(people, eq(people.id, cards.personId))
        .innerJoin(adminUnits, eq(adminUnits.id, people.unitId))
        .leftJoin(commune, eq(commune.id, adminUnits.parentId))
        .where(eq(people.id, ids[0]!));
      const { card, village } = stored!;
      expect(found).toEqual({
        cardId: card.id,
        personId: stored!.person.id,
        householdId: stored!.person.householdId,
        fullName: person.fullName,
        groupCode: card.groupCode,
        benefitLevel: card.benefitLevel,
        provinceCode: card.provinceCode,
        validFrom: card.validFrom,
        validTo: card.validTo,
        registeredFacility: card.registeredFacility,
        fiveYearDate: card.fiveYearDate,
        village: { id: village.id, name: village.name, kind: village.kind },
        commune: { id: stored!.commune!.id, name: stored!.commune!.name, kind: stored!.commune!.kind },
      });
      expect(found!.householdId).not.toBeNull();
      expect(found!.validFrom).not.toBe(found!.validTo);
      expect(await verifyCard(db, protector, ids, "1900-01-01")).toBeUndefined();
    }
  });
});
