import { eq } from "drizzle-orm";
import type { Protector } from "../../src/core/privacy/protector";
import { addDays } from "../../src/core/time/day-math";
import { adminUnits, cards, households, people } from "../../src/db/schema";
import type { SqliteDb } from "../../src/entry/sqlite-db";
import { createTestDb, createTestProtector } from "./test-db";

/**
 * A one-village roster built card by card, for tests whose expectations are computed by hand
 * (the demo roster is too big to reason about). Names contain "Mẫu" like all synthetic data.
 */
export async function createRosterFixture(db: SqliteDb, protector: Protector, today: string) {
  const [province] = await db.orm.insert(adminUnits).values({ code: "T", name: "Tỉnh Mẫu", level: "province", searchKey: "tinh mau" }).returning();
  const [commune] = await db.orm.insert(adminUnits).values({ code: "T-X", name: "Xã Mẫu", level: "commune", parentId: province!.id, searchKey: "xa mau" }).returning();
  const [village] = await db.orm.insert(adminUnits).values({ code: "T-X-1", name: "Thôn Mẫu", level: "village", parentId: commune!.id, searchKey: "thon mau" }).returning();
  let serial = 0;
  /** A person with a card of `group` ending `daysLeft` days after `today`, in household `household` (code). */
  async function card(group: string, daysLeft: number, options: { household?: string; phone?: string } = {}) {
    serial++;
    let householdId: number | null = null;
    if (options.household) {
      const [existing] = await db.orm.select().from(households).where(eq(households.code, options.household));
      householdId = existing?.id ?? (await db.orm.insert(households).values({ unitId: village!.id, code: options.household }).returning())[0]!.id;
    }
    const phone = options.phone;
    const [person] = await db.orm
      .insert(people)
      .values({
        unitId: village!.id,
        householdId,
        fullNameEnc: await protector.seal(`Nguyễn Mẫu Số${serial}`),
        phoneEnc: phone ? await protector.seal(phone) : null,
        phoneIdx: phone ? await protector.blindIndex("phone", phone) : null,
      })
      .returning();
    const [row] = await db.orm.insert(cards).values({ personId: person!.id, groupCode: group, validTo: addDays(today, daysLeft) }).returning();
    return { personId: person!.id, householdId, cardId: row!.id };
  }
  return { communeId: commune!.id, villageId: village!.id, card };
}

/** A fresh in-memory database and keys with the one-village roster on it (the usual `beforeEach`). */
export async function freshRoster(today: string) {
  const db = createTestDb();
  const protector = await createTestProtector();
  return { db, protector, ...(await createRosterFixture(db, protector, today)) };
}
