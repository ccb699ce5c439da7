import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { loadWaitingRules } from "../../../src/core/cards/renewal-start";
import { countLapsedCards, lapsedThrough } from "../../../src/core/progress/lapsed-cards";
import { unitProgress } from "../../../src/core/progress/unit-progress";
import { coverageLine } from "../../../src/core/progress/coverage-text";
import { createTestTranslator } from "../../helpers/test-db";
import { addDays } from "../../../src/core/time/day-math";
import { localDate } from "../../../src/core/time/local-date";
import { adminUnits, cards, coverageBaselines, people } from "../../../src/db/schema";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { freshRoster } from "../../helpers/roster-fixture";

// Today from the clock; every card date is derived from it.
const TODAY = localDate(new Date());
const ago = (days: number) => addDays(TODAY, -days);

let db: SqliteDb;
let villageId: number;
let otherVillageId: number;
let card: Awaited<ReturnType<typeof freshRoster>>["card"];

/** A person of the other village with a card of `group` that ended on `validTo`. */
async function otherVillageCard(group: string, validTo: string) {
  const [person] = await db.orm.insert(people).values({ unitId: otherVillageId, fullNameEnc: "x" }).returning();
  await db.orm.insert(cards).values({ personId: person!.id, groupCode: group, validTo });
}

/** A card renewed after it ended: the roster moves its dates (one card per person). */
async function renewed(group: string, endedDaysAgo: number, paidDaysAgo: number) {
  const { cardId } = await card(group, -endedDaysAgo);
  await db.orm.update(cards).set({ validFrom: ago(paidDaysAgo), validTo: addDays(ago(paidDaysAgo), 364) }).where(eq(cards.id, cardId));
}

beforeEach(async () => {
  const roster = await freshRoster(TODAY);
  ({ db, villageId, card } = roster);
  const [other] = await db.orm.insert(adminUnits).values({ code: "T-X-2", name: "Mẫu Hai", kind: "thôn", level: "village", parentId: roster.communeId, searchKey: "mau hai" }).returning();
  otherVillageId = other!.id;
});

describe("lapsedThrough: the grace is the dated waiting rule, not a number in code", () => {
  it("from 1/7/2025 a card lapses 90 days after its last valid day (Luật 51/2024 Đ1 k14 b)", async () => {
    const rules = await loadWaitingRules(db);
    expect(lapsedThrough(rules, TODAY)).toBe(ago(90));
  });

  it("before 1/7/2025 only the months of the gap inside the fiscal year counted (Luật 46/2014 Đ16 k3 c)", async () => {
    const rules = await loadWaitingRules(db);
    // On 15/5/2025 a gap from 15/2 reached 3 months; early in a year no gap can have.
    expect(lapsedThrough(rules, "2025-05-15")).toBe("2025-02-14");
    expect(lapsedThrough(rules, "2025-02-10")).toBeNull();
  });
});

describe("countLapsedCards: lapses from the card roster, per village and group", () => {
  const lastYear = () => ({ unitId: villageId, from: ago(365), to: TODAY, today: TODAY });

  it("counts cards past the grace and not renewed; not late or on-time renewals, nor cards still in the grace", async () => {
    await card("GD", -120); // lapsed
    await card("GD", -90); // lapsed: a gap of 90 days is a long one
    await card("HS", -200); // lapsed
    await card("GD", -89); // still in the grace: paying today would be continuous enough
    await card("GD", -10); // just ended
    await card("GD", 40); // on time: still valid
    await renewed("GD", 150, 20); // renewed late, after the grace: covered again
    await renewed("HS", 60, 30); // renewed late, within the grace
    await card("GD", -400); // lapsed before the period
    const result = await countLapsedCards(db, lastYear());
    expect(result.lapsedThrough).toBe(ago(90));
    expect(result.rows.map((r) => [r.unitId, r.groupCode, r.lapsed])).toEqual([
      [villageId, "GD", 2],
      [villageId, "HS", 1],
    ]);
    expect(result.total).toBe(3);
  });

  it("sums a commune's villages, each village and group on its own row", async () => {
    await card("GD", -100);
    await otherVillageCard("GD", ago(95));
    await otherVillageCard("CN", ago(300));
    await otherVillageCard("CN", ago(30)); // in the grace
    const communeId = (await db.orm.select().from(adminUnits).where(eq(adminUnits.code, "T-X")))[0]!.id;
    const result = await countLapsedCards(db, { unitId: communeId, from: ago(365), to: TODAY, today: TODAY });
    expect(result.rows.map((r) => [r.unitName, r.groupCode, r.lapsed])).toEqual([
      ["Thôn Mẫu", "GD", 1],
      ["Mẫu Hai", "CN", 1],
      ["Mẫu Hai", "GD", 1],
    ]);
    expect(result.total).toBe(3);
  });

  it("places a lapse on the first day without a card: a card ending the day before the period is not in it", async () => {
    await card("GD", -200);
    await card("GD", -201);
    const from = ago(200); // the card ending 201 days ago left its first uncovered day at ago(200)
    expect((await countLapsedCards(db, { unitId: villageId, from, to: TODAY, today: TODAY })).total).toBe(2);
    expect((await countLapsedCards(db, { unitId: villageId, from: ago(199), to: TODAY, today: TODAY })).total).toBe(1);
  });
});

describe("unitProgress subtracts lapses after the baseline date", () => {
  it("baseline + new − lapsed, renewals apart, in the coverage line", async () => {
    // A span in one year that is long enough for cards to lapse in it, whatever today is.
    const anchor = ago(120).endsWith("-12-31") ? ago(121) : ago(120);
    const year = Number(anchor.slice(0, 4));
    await db.orm.insert(coverageBaselines).values({ unitId: villageId, year, insuredCount: 50, asOf: `${year}-01-01`, source: "test" });
    await card("GD", -daysAgo(anchor)); // lapsed after the baseline
    await card("HS", -daysAgo(anchor)); // lapsed after the baseline
    await card("GD", -30); // in the grace
    await renewed("GD", 150, 20); // renewed late
    await card("GD", -daysAgo(`${year - 1}-12-20`)); // lapsed before the baseline: not in it
    const p = await unitProgress(db, { unitId: villageId, year, today: TODAY });
    expect([p.baseline?.insuredCount, p.reportedSinceBaseline, p.lapsedSinceBaseline, p.insured, p.hasRoster]).toEqual([50, 0, 2, 48, true]);
    const line = coverageLine(p, createTestTranslator(), "vi");
    expect(line).toContain("= đầu kỳ 50 + mới 0 − hết hạn 2 (thực giảm 2); gia hạn 0 người tính riêng.");
  });
});

const daysAgo = (iso: string) => Math.round((Date.parse(TODAY) - Date.parse(iso)) / 86_400_000);
