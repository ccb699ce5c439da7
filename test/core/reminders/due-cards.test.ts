import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { dueCardKeys, dueKeysQuery, type DueKey } from "../../../src/core/reminders/due-cards";
import { householdSlices } from "../../../src/core/reminders/due-key-reads";
import { DEFAULT_OFFSETS } from "../../../src/core/reminders/reminder-windows";
import { freshRoster } from "../../helpers/roster-fixture";

const TODAY = "2026-03-10";

describe("dueCardKeys", () => {
  it("returns a household's cards together, households in ascending key order, so the planner writes in index order", async () => {
    const { db, card } = await freshRoster(TODAY);
    const a1 = await card("GD", 20, { household: "A" });
    const b1 = await card("GD", 5, { household: "B" });
    const alone = await card("GD", 1);
    const a2 = await card("GD", 25, { household: "A" });
    const b2 = await card("GD", 3, { household: "B" });
    const keys = await dueCardKeys(db, { today: TODAY, offsets: DEFAULT_OFFSETS, offset: 30 });
    expect(keys.map((k) => k.cardId)).toEqual([a1.cardId, a2.cardId]);
    const byWindow = await Promise.all([30, 7, 1].map((offset) => dueCardKeys(db, { today: TODAY, offsets: DEFAULT_OFFSETS, offset })));
    expect(byWindow[1]!.map((k) => k.cardId)).toEqual([b1.cardId, b2.cardId]);
    expect(byWindow[2]!.map((k) => k.cardId)).toEqual([alone.cardId]);
    // Everywhere at once (campaign-style): still grouped by household, by its key.
    const everywhere = await dueCardKeys(db, { today: TODAY, offsets: DEFAULT_OFFSETS });
    const groupOf = (k: { householdId: number | null; personId: number }) => k.householdId ?? k.personId;
    const groups = everywhere.map(groupOf);
    expect(groups).toEqual([...groups].sort((x, y) => x - y));
  });

  it("reads only indexes: the valid_to range through cards_due_idx, people through people_plan_idx", async () => {
    const { db, communeId } = await freshRoster(TODAY);
    for (const input of [{ today: TODAY, offsets: DEFAULT_OFFSETS, offset: 30 }, { today: TODAY, offsets: DEFAULT_OFFSETS, communeId, part: { index: 0, of: 2 } }]) {
      const plan = (await db.orm.all<{ detail: string }>(sql`explain query plan ${dueKeysQuery(input)}`)).map((r) => r.detail).join("\n");
      expect(plan).toMatch(/SEARCH cards USING COVERING INDEX cards_due_idx \(valid_to>\? AND valid_to<\?\)/);
      expect(plan).toMatch(/SEARCH people USING COVERING INDEX people_plan_idx \(id=\?\)/);
    }
  });

  it("slices keys at household boundaries only: a household (or a person without one sharing its number) is never split", () => {
    const key = (cardId: number, householdId: number | null, personId: number): DueKey => ({ cardId, personId, householdId, funding: "household", validTo: "2025-12-01", offset: 30, expiresOn: "2025-12-09", groupCode: "GD" });
    // In dueKeysQuery's order: coalesce(household, person), then card.
    const keys = [key(1, 1, 10), key(2, 1, 11), key(3, 1, 12), key(4, 2, 13), key(5, null, 2), key(6, 2, 14), key(7, 3, 15)];
    const slices = [...householdSlices(keys, 2)];
    expect(slices.map((s) => s.map((k) => k.cardId))).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect([...householdSlices(keys, 100)]).toEqual([keys]);
    expect([...householdSlices([], 2)]).toEqual([]);
  });
});
