import { inArray, sql } from "drizzle-orm";
import { chunkForParameters, type AtomicStep, type Db } from "../../db/client";
import { adminUnits, cards, households, people } from "../../db/schema";
import type { Protector } from "../privacy/protector";
import { normalizePhone, PHONE_INDEX } from "../sms/phone";
import { DEMO_FACILITY, type DemoPerson } from "./demo-roster";

/**
 * Writes the synthetic roster in one atomic unit. Ids are assigned here so households,
 * people and cards can reference each other inside a D1 batch (no read-back in between).
 */
export async function writeDemoRoster(db: Db, protector: Protector, roster: DemoPerson[]): Promise<number> {
  const codes = [...new Set(roster.map((p) => p.villageCode))];
  const units = await db.orm.select({ id: adminUnits.id, code: adminUnits.code }).from(adminUnits).where(inArray(adminUnits.code, codes));
  const unitId = new Map(units.map((u) => [u.code, u.id]));
  const [maxIds] = await db.orm.all<{ h: number | null; p: number | null; c: number | null }>(
    sql`select (select max(id) from households) as h, (select max(id) from people) as p, (select max(id) from cards) as c`,
  );
  let nextHousehold = (maxIds?.h ?? 0) + 1;
  let nextPerson = (maxIds?.p ?? 0) + 1;
  let nextCard = (maxIds?.c ?? 0) + 1;
  const householdRows: (typeof households.$inferInsert)[] = [];
  const householdIds = new Map<string, number>();
  const personRows: (typeof people.$inferInsert)[] = [];
  const cardRows: (typeof cards.$inferInsert)[] = [];
  for (const p of roster) {
    const village = unitId.get(p.villageCode);
    if (village === undefined) throw new Error(`Demo village ${p.villageCode} is missing`);
    let householdId = householdIds.get(p.householdCode);
    if (householdId === undefined) {
      householdId = nextHousehold++;
      householdIds.set(p.householdCode, householdId);
      householdRows.push({ id: householdId, unitId: village, code: p.householdCode });
    }
    const personId = nextPerson++;
    const phone = p.phone ? normalizePhone(p.phone) : undefined;
    personRows.push({
      id: personId,
      unitId: village,
      householdId,
      fullNameEnc: await protector.seal(p.fullName),
      gender: p.gender,
      birthYear: Number(p.dateOfBirth.slice(0, 4)),
      dateOfBirthEnc: await protector.seal(p.dateOfBirth),
      dateOfBirthIdx: await protector.blindIndex("dob", p.dateOfBirth),
      bhxhNumberEnc: await protector.seal(p.bhxhNumber),
      bhxhNumberIdx: await protector.blindIndex("bhxh", p.bhxhNumber),
      idNumberEnc: await protector.seal(p.idNumber),
      idNumberIdx: await protector.blindIndex("id", p.idNumber),
      phoneEnc: phone ? await protector.seal(phone) : null,
      phoneIdx: phone ? await protector.blindIndex(PHONE_INDEX, phone) : null,
      source: "demo",
    });
    cardRows.push({
      id: nextCard++,
      personId,
      cardCodeEnc: await protector.seal(p.cardCode),
      cardCodeIdx: await protector.blindIndex("card", p.cardCode),
      groupCode: p.groupCode,
      benefitLevel: p.benefitLevel,
      provinceCode: "38",
      validFrom: p.validFrom,
      validTo: p.validTo,
      registeredFacility: DEMO_FACILITY,
      fiveYearDate: p.fiveYearDate,
    });
  }
  const steps: AtomicStep[] = [
    ...chunkForParameters(householdRows, 5).map((chunk): AtomicStep => (tx) => tx.insert(households).values(chunk)),
    ...chunkForParameters(personRows, 18).map((chunk): AtomicStep => (tx) => tx.insert(people).values(chunk)),
    ...chunkForParameters(cardRows, 14).map((chunk): AtomicStep => (tx) => tx.insert(cards).values(chunk)),
  ];
  await db.atomic(steps);
  return personRows.length;
}
