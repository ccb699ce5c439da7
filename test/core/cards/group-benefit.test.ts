import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { lookupGroupBenefit } from "../../../src/core/cards/group-benefit";
import { participantGroups } from "../../../src/db/schema";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb } from "../../helpers/test-db";

let db: SqliteDb;
beforeAll(() => {
  db = createTestDb();
});
afterAll(() => db.close());

/**
 * Benefit level of every card group on 31/12/2025 and on 1/1/2026 (domain.md §1.3, §2.3):
 * only CN and LH change, to level 2, under NQ 261/2025/QH15 and CV 38/BYT-BH.
 */
const EXPECTED: Record<string, [number, number]> = {
  DN: [4, 4], HX: [4, 4], CH: [4, 4], NN: [4, 4], TK: [4, 4], HC: [4, 4], XK: [4, 4],
  HT: [3, 3], TB: [4, 4], NO: [4, 4], XB: [4, 4], TN: [4, 4], CS: [4, 4], CT: [2, 2],
  QN: [5, 5], CA: [5, 5], CY: [5, 5], CC: [1, 1], TE: [1, 1],
  CK: [2, 2], CB: [2, 2], KC: [2, 2], HN: [2, 2], DT: [2, 2], DK: [2, 2], XD: [2, 2], BT: [2, 2], TS: [2, 2], AK: [2, 2],
  TC: [3, 3], PV: [3, 3],
  XN: [4, 4], MS: [4, 4], HD: [4, 4], TQ: [4, 4], TA: [4, 4], TY: [4, 4], TV: [4, 4], HG: [4, 4], LS: [4, 4],
  LH: [4, 2], CN: [3, 2], HS: [4, 4], SV: [4, 4], GB: [4, 4], GD: [4, 4],
};
const PERCENT: Record<number, number> = { 1: 100, 2: 100, 3: 95, 4: 80, 5: 100 };

describe("lookupGroupBenefit", () => {
  it("has an expectation for every card group in participant_groups", async () => {
    const rows = await db.orm.select({ code: participantGroups.code }).from(participantGroups).where(eq(participantGroups.kind, "card"));
    expect(rows.map((r) => r.code).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [group, [before, after]] of Object.entries(EXPECTED)) {
    it(`${group}: level ${before} on 2025-12-31, level ${after} on 2026-01-01`, async () => {
      expect(await lookupGroupBenefit(db, group, "2025-12-31")).toMatchObject({ ok: true, group, level: before, percent: PERCENT[before] });
      expect(await lookupGroupBenefit(db, group, "2026-01-01")).toMatchObject({ ok: true, group, level: after, percent: PERCENT[after] });
    });
  }

  it("reads lower case and refuses groups that are not card codes", async () => {
    expect(await lookupGroupBenefit(db, " cn ", "2026-03-01")).toMatchObject({ ok: true, group: "CN", level: 2 });
    expect(await lookupGroupBenefit(db, "ZZ", "2026-03-01")).toEqual({ ok: false, code: "unknown_group", messageKey: "benefit-unknown-group", args: { group: "ZZ" } });
    expect(await lookupGroupBenefit(db, "household", "2026-03-01")).toMatchObject({ ok: false, code: "unknown_group" });
  });

  it("has no level for a group before its first row (AK and LH exist from 1/7/2025)", async () => {
    expect(await lookupGroupBenefit(db, "AK", "2025-06-30")).toEqual({ ok: false, code: "no_rule_for_date", messageKey: "benefit-no-level", args: { group: "AK", date: "2025-06-30" } });
    expect(await lookupGroupBenefit(db, "LH", "2025-07-01")).toMatchObject({ ok: true, level: 4, percent: 80 });
  });
});
