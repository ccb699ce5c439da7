import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createPeakCampaign } from "../../../src/core/campaigns/campaign-store";
import { campaignHouseholds } from "../../../src/core/campaigns/campaign-audience";
import { cards, importBatches } from "../../../src/db/schema";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { type createRosterFixture, freshRoster } from "../../helpers/roster-fixture";

const TODAY = "2026-11-01";
const NOW = new Date("2026-11-01T01:30:00Z");
let db: SqliteDb;
let fixture: Awaited<ReturnType<typeof createRosterFixture>>;

beforeEach(async () => {
  ({ db, ...fixture } = await freshRoster(TODAY));
});

async function batch(createdAt: string, status: "applied" | "failed" = "applied"): Promise<number> {
  const [row] = await db.orm.insert(importBatches).values({ kind: "cards", status, createdAt: new Date(createdAt) }).returning();
  return row!.id;
}
const fromBatch = (cardId: number, batchId: number | null) => db.orm.update(cards).set({ importBatchId: batchId }).where(eq(cards.id, cardId));

describe("campaign audience: not in this year's roster", () => {
  it("is the self-paid cards no card import of this year has written and that are not valid today", async () => {
    const lastYear = await batch("2025-03-01T00:00:00Z");
    const thisYear = await batch("2026-02-01T00:00:00Z");
    const failed = await batch("2026-05-01T00:00:00Z", "failed");
    const dropped = await fixture.card("GD", -500, { household: "H1" }); // last listed in 2025, long expired
    await fromBatch(dropped.cardId, lastYear);
    const neverImported = await fixture.card("GD", -30, { household: "H2" }); // demo/chat row, expired
    await fromBatch(neverImported.cardId, null);
    const onlyInFailed = await fixture.card("HS", -2, { household: "H3" }); // the only import that listed it failed
    await fromBatch(onlyInFailed.cardId, failed);
    const listed = await fixture.card("GD", -40, { household: "H4" }); // in this year's roster (expired, but listed)
    await fromBatch(listed.cardId, thisYear);
    const stillValid = await fixture.card("GD", 20, { household: "H5" }); // absent but valid: not a target
    await fromBatch(stillValid.cardId, lastYear);
    const stateRenews = await fixture.card("TE", -100, { household: "H6" }); // the state renews it
    await fromBatch(stateRenews.cardId, lastYear);
    const c = await createPeakCampaign(db, { name: "Tháng cao điểm", startsOn: TODAY, endsOn: "2026-11-30", communeIds: [], audience: ["not_in_roster"], maxPerWeek: 1, now: NOW });
    const households = await campaignHouseholds(db, c, TODAY);
    expect([...households.keys()].sort()).toEqual([`h${dropped.householdId}`, `h${neverImported.householdId}`, `h${onlyInFailed.householdId}`].sort());
  });

  it("is empty until a card import has been applied this year (before that, nobody is missing from it)", async () => {
    const lastYear = await batch("2025-12-31T16:59:00Z"); // 23:59 on 31/12/2025 in Hà Nội
    const c1 = await fixture.card("GD", -500, { household: "H1" });
    await fromBatch(c1.cardId, lastYear);
    const c = await createPeakCampaign(db, { name: "Tháng cao điểm", startsOn: TODAY, endsOn: "2026-11-30", communeIds: [], audience: ["not_in_roster"], maxPerWeek: 1, now: NOW });
    expect((await campaignHouseholds(db, c, TODAY)).size).toBe(0);
    await batch("2025-12-31T17:00:00Z"); // 00:00 on 1/1/2026 in Hà Nội: this year's
    expect((await campaignHouseholds(db, c, TODAY)).size).toBe(1);
  });
});
