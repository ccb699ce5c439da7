import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createD1Db } from "../../src/entry/d1-db";
import { createProtector } from "../../src/core/privacy/protector";
import { runImport } from "../../src/core/imports/run-import";
import { unitsImportSpec } from "../../src/core/imports/units-import";
import { resolveUnit } from "../../src/core/units/resolve-unit";
import { createInvite, redeemInvite } from "../../src/core/officers/invites";
import { findOfficer } from "../../src/core/conversation/find-officer";
import { alreadyProcessed, markProcessed } from "../../src/core/conversation/inbound-dedup";
import { clearState, loadState, saveState } from "../../src/core/conversation/conversation-state";
import { seedDemo } from "../../src/core/demo/seed-demo";
import { loadTallyVocabulary } from "../../src/core/tallies/tally-vocabulary";
import { adminUnitAliases } from "../../src/db/schema";
import { recordTally } from "../../src/core/tallies/record-tally";
import { findExistingForDate } from "../../src/core/tallies/existing-tallies";

async function* table(rows: Record<string, string>[]) {
  let rowNumber = 1;
  for (const record of rows) yield { rowNumber: ++rowNumber, record };
}

describe("the per-update queries on D1 (workerd), prepared once per database", () => {
  it("dedup, conversation state and officer look-up answer correctly, and again on the same statements", async () => {
    const db = createD1Db(env.DB);
    const protector = await createProtector({ dataKey: new Uint8Array(32).fill(7), indexKey: new Uint8Array(32).fill(8), keyId: "q" });
    await runImport(db, unitsImportSpec(), table([
      { code: "QC", name: "Xã Quế", level: "commune", parent_code: "" },
      { code: "QC-1", name: "Thôn Quế", level: "village", parent_code: "QC" },
    ]));
    const commune = await resolveUnit(db, "QC");
    const { code } = await createInvite(db, protector, { communeId: commune.id, role: "commune" });
    expect(await redeemInvite(db, protector, { text: code, channel: "telegram", externalKey: "555" })).toMatchObject({ ok: true });
    const now = new Date("2025-11-15T03:00:00Z");
    for (let round = 0; round < 2; round++) {
      expect(await findOfficer(db, "telegram", "555")).toMatchObject({ role: "commune", commune: { id: commune.id, name: "Xã Quế" } });
      expect(await findOfficer(db, "telegram", "556")).toBeUndefined();
      expect(await findOfficer(db, "sms", "555")).toBeUndefined();

      expect(await alreadyProcessed(db, "telegram", `u${round}`)).toBe(false);
      await markProcessed(db, "telegram", `u${round}`, now);
      await markProcessed(db, "telegram", `u${round}`, now);
      expect(await alreadyProcessed(db, "telegram", `u${round}`)).toBe(true);
      expect(await alreadyProcessed(db, "zalo_bot", `u${round}`)).toBe(false);

      await saveState(db, "telegram", "555", { kind: "await-dob", data: { n: round }, choices: ["a"] }, now);
      expect(await loadState(db, "telegram", "555", now)).toEqual({ kind: "await-dob", data: { n: round }, choices: ["a"] });
      expect(await loadState(db, "telegram", "555", new Date(now.getTime() + 31 * 60_000))).toBeUndefined();
      await clearState(db, "telegram", "555");
      expect(await loadState(db, "telegram", "555", now)).toBeUndefined();
    }
  });

  it("loads a commune's tally vocabulary (villages, aliases, populations, groups) through the prepared queries", async () => {
    const db = createD1Db(env.DB);
    const protector = await createProtector({ dataKey: new Uint8Array(32).fill(1), indexKey: new Uint8Array(32).fill(2), keyId: "w" });
    await seedDemo({ db, protector, today: "2025-11-15" });
    const commune = await resolveUnit(db, "Ngọc Phụng");
    const village = await resolveUnit(db, "Xuân Thành");
    await db.orm.insert(adminUnitAliases).values({ unitId: village.id, alias: "Thôn 2", searchKey: "thon 2" });
    const first = await loadTallyVocabulary(db, commune, { today: "2025-11-15" });
    expect(first.villages.map((v) => v.name)).toHaveLength(7);
    expect(first.villages.every((v) => v.population !== null && v.population > 0)).toBe(true);
    expect(first.villages.find((v) => v.id === village.id)?.aliases).toEqual([{ alias: "Thôn 2", searchKey: "thon 2" }]);
    expect(first.villages.filter((v) => v.aliases.length > 0)).toHaveLength(1);
    expect(first.groups.map((g) => g.code)).toEqual(expect.arrayContaining(["GD", "HS", "BHXHTN"]));
    expect(await loadTallyVocabulary(db, commune, { today: "2025-11-15" })).toEqual(first);
    // Figures already on record for a day, by unit list (one JSON parameter), on D1.
    const other = first.villages.find((v) => v.id !== village.id)!;
    const tally = (unitId: number, count: number, key: string) => ({
      officerId: null, channel: "telegram" as const, originalText: "x", inboundKey: key, date: "2025-11-15", mode: "add" as const,
      entries: [{ unitId, group: "GD", indicator: "bhyt", count }],
    });
    await recordTally(db, tally(village.id, 5, "t1"));
    await recordTally(db, tally(village.id, 7, "t2"));
    await recordTally(db, tally(other.id, 3, "t3"));
    const entries = [village.id, other.id].map((unitId) => ({ unitId, group: "GD", indicator: "bhyt" }));
    for (let round = 0; round < 2; round++) {
      const existing = await findExistingForDate(db, { entries, date: "2025-11-15" });
      expect(existing.map((e) => [e.unitId, e.total])).toEqual([[village.id, 12], [other.id, 3]]);
      expect(await findExistingForDate(db, { entries, date: "2025-11-16" })).toEqual([]);
    }
    // Another commune with no villages: nothing, on the same statements.
    expect((await loadTallyVocabulary(db, { ...commune, id: -1 }, { today: "2025-11-15" })).villages).toEqual([]);
  });
});
