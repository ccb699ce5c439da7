import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createD1Db } from "../../src/entry/d1-db";
import { createProtector } from "../../src/core/privacy/protector";
import { importCards } from "../../src/core/imports/cards-import";
import { runImport } from "../../src/core/imports/run-import";
import { unitsImportSpec } from "../../src/core/imports/units-import";
import { resolveUnit } from "../../src/core/units/resolve-unit";
import { findCandidates, verifyCard } from "../../src/core/residents/find-card";

async function* table(rows: Record<string, string>[]) {
  let rowNumber = 1;
  for (const record of rows) yield { rowNumber: ++rowNumber, record };
}

/** Fictional ranges: BHXH 99…, personal ID 099…, "Mẫu" in the name. */
const person = (n: number) => ({
  full_name: `Lò Văn Mẫu ${n}`, bhxh_number: `99000002${n}0`, card_code: `GD43899000002${n}0`, id_number: `0993000002${n}0`,
  date_of_birth: `0${n}/03/1990`, valid_from: "01/01/2025", valid_to: "31/12/2025", village: "Bản Tra", household_id: `HF-${n}`,
});

describe("card look-up on D1 (workerd): the prepared queries", () => {
  it("finds by card code, BHXH number and personal ID, and verifies only with the right date of birth, repeatedly", async () => {
    const db = createD1Db(env.DB);
    const protector = await createProtector({ dataKey: new Uint8Array(32).fill(5), indexKey: new Uint8Array(32).fill(6), keyId: "f" });
    await runImport(db, unitsImportSpec(), table([
      { code: "FC", name: "Xã Tra", level: "commune", parent_code: "" },
      { code: "FC-1", name: "Bản Tra", level: "village", parent_code: "FC" },
    ]));
    const communeId = (await resolveUnit(db, "FC")).id;
    const imported = await importCards({ db, protector }, table([person(1), person(2)]), { communeId, today: "2025-11-15" });
    expect(imported.ok).toBe(true);
    // Twice: the second round runs on the statements the first one prepared.
    for (let round = 0; round < 2; round++) {
      const byCard = await findCandidates(db, protector, { kind: "card", cardCode: "GD4389900000210", bhxhNumber: "9900000210" });
      const byBhxh = await findCandidates(db, protector, { kind: "bhxh", bhxhNumber: "9900000210" });
      const byId = await findCandidates(db, protector, { kind: "id", idNumber: "099300000210" });
      expect(byCard).toHaveLength(1);
      expect(byBhxh).toEqual(byCard);
      expect(byId).toEqual(byCard);
      const card = await verifyCard(db, protector, byCard, "1990-03-01");
      expect(card).toMatchObject({ fullName: "Lò Văn Mẫu 1", validTo: "2025-12-31", village: { name: "Bản Tra" }, commune: { id: communeId, name: "Xã Tra" } });
      expect(await verifyCard(db, protector, byCard, "1990-03-02")).toBeUndefined();
      expect(await findCandidates(db, protector, { kind: "bhxh", bhxhNumber: "9900000999" })).toEqual([]);
    }
  });
});
