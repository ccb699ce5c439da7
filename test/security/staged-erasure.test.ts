import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { importCards } from "../../src/core/imports/cards-import";
import { findSubject, forgetSubject } from "../../src/core/privacy/data-subject";
import { purgeOldRecords } from "../../src/core/privacy/purge-old-records";
import { resolveUnit } from "../../src/core/units/resolve-unit";
import { localDate } from "../../src/core/time/local-date";
import { importBatches } from "../../src/db/schema";
import { asFile, person, seedCardUnits } from "../helpers/card-rows";
import { createTestDb, createTestProtector, tableOf } from "../helpers/test-db";

// Attack surface (issue 19): a killed import left the sealed personal data of its rows staged
// for a day, and `bhyt person forget` reported success while those copies remained.
const TODAY = localDate(new Date(), "Asia/Ho_Chi_Minh");

/** The rows of a file, then the process dies (what SIGKILL leaves: a batch still "staging"). */
async function* killedAfter(rows: Record<string, string>[]) {
  yield* tableOf(rows);
  throw new Error("killed");
}

async function setUp() {
  const db = createTestDb();
  const protector = await createTestProtector();
  await seedCardUnits(db);
  const communeId = (await resolveUnit(db, "Ngọc Phụng")).id;
  expect((await importCards({ db, protector }, tableOf(asFile([person(1), person(2)])), { communeId, today: TODAY })).ok).toBe(true);
  // 3,000 rows so the staging flushes before the "kill" (up to 1,024 rows are in flight, sealing); person 1's re-import row is among them.
  const other = (n: number) => {
    const serial = String(n).padStart(6, "0");
    return person(n, { bhxh_number: `9900${serial}`, card_code: `GD438 9900${serial}`, id_number: `099200${serial}`, phone: `0100${serial}`, household_id: `HGD-X${n}` });
  };
  const big = asFile([person(1, { phone: "0912345678" }), ...Array.from({ length: 3000 }, (_, i) => other(1000 + i))]);
  await expect(importCards({ db, protector }, killedAfter(big), { communeId, today: TODAY })).rejects.toThrow("killed");
  const staged = () => (db.sqlite.prepare("select count(*) as n from card_staging_rows").get() as { n: number }).n;
  expect(staged()).toBeGreaterThan(0);
  return { db, protector, staged };
}

describe("personal data left in staging", () => {
  it("person forget erases the person's staged rows too, and only theirs", async () => {
    const { db, protector, staged } = await setUp();
    const before = staged();
    const subject = await findSubject(db, protector, person(1).bhxh_number!);
    expect(subject.ok).toBe(true);
    const personId = (subject as { personId: number }).personId;
    const { bhxhIdx } = db.sqlite.prepare("select bhxh_number_idx as bhxhIdx from people where id = ?").get(personId) as { bhxhIdx: string };
    expect(db.sqlite.prepare("select count(*) as n from card_staging_rows where bhxh_idx = ?").get(bhxhIdx)).toEqual({ n: 1 });
    await forgetSubject(db, personId, { kind: "cli", id: "test" }, new Date());
    expect(db.sqlite.prepare("select count(*) as n from card_staging_rows where bhxh_idx = ?").get(bhxhIdx)).toEqual({ n: 0 });
    expect(staged()).toBe(before - 1);
  });

  it("the daily purge (and every start) clears a batch abandoned over a day ago", async () => {
    const { db, staged } = await setUp();
    // Younger than a day: an import may still be running in another process; left alone.
    expect((await purgeOldRecords(db, { now: new Date() })).staleImports).toBe(0);
    await db.orm.update(importBatches).set({ createdAt: new Date(Date.now() - 25 * 3_600_000) }).where(eq(importBatches.status, "staging"));
    expect((await purgeOldRecords(db, { now: new Date() })).staleImports).toBe(1);
    expect(staged()).toBe(0);
  });
});
