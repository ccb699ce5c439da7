import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createD1Db } from "../../src/entry/d1-db";
import { createProtector } from "../../src/core/privacy/protector";
import { importCards } from "../../src/core/imports/cards-import";
import { runImport } from "../../src/core/imports/run-import";
import { unitsImportSpec } from "../../src/core/imports/units-import";
import { resolveUnit } from "../../src/core/units/resolve-unit";
import { REBUILT_INDEX_NAMES } from "../../src/core/imports/card-index-rebuild";

async function* table(rows: Record<string, string>[]) {
  let rowNumber = 1;
  for (const record of rows) yield { rowNumber: ++rowNumber, record };
}

/** Fictional ranges: BHXH 99…, personal ID 099…, phone 0100…, "Mẫu" in the name. */
const person = (n: number, validTo = "31/12/2025") => {
  const nn = String(n).padStart(2, "0");
  return {
    full_name: `Vi Thị Mẫu ${nn}`, bhxh_number: `99000001${nn}`, card_code: `GD43899000001${nn}`, id_number: `0993000001${nn}`,
    phone: `+84 100 0001${nn}`, valid_from: "01/01/2025", valid_to: validTo, village: "Bản Mẫu", household_id: "HW-1",
  };
};

describe("card roster import on D1 (workerd)", () => {
  it("imports, renews and cancels a pending reminder in one batch, and writes nothing from a bad file", async () => {
    const db = createD1Db(env.DB);
    const protector = await createProtector({ dataKey: new Uint8Array(32).fill(3), indexKey: new Uint8Array(32).fill(4), keyId: "w" });
    const units = await runImport(db, unitsImportSpec(), table([
      { code: "WC", name: "Xã Mẫu", level: "commune", parent_code: "" },
      { code: "WC-1", name: "Bản Mẫu", level: "village", parent_code: "WC" },
    ]));
    expect(units.ok).toBe(true);
    const communeId = (await resolveUnit(db, "WC")).id;
    // Enough rows that the staging inserts span several statements under D1's 100-parameter limit.
    const rows = Array.from({ length: 60 }, (_, i) => person(i + 1));
    const first = await importCards({ db, protector }, table(rows), { communeId, today: "2025-11-15" });
    expect(first).toMatchObject({ ok: true, rows: 60, people: { created: 60, updated: 0 }, cards: { created: 60 }, households: { created: 1 } });

    const [card] = await db.orm.all<{ id: number }>(sql`
      select c.id from cards c join people p on p.id = c.person_id where p.bhxh_number_idx = ${await protector.blindIndex("bhxh", "9900000101")}`);
    await db.orm.run(sql`
      insert into outbox_messages (idempotency_key, channel, purpose, template_key, payload, status, not_before, created_at, updated_at)
      values ('reminder:h1:30:2025-12-01', 'sms', 'expiry_reminder', 'reminder-expiring', '{}', 'pending', 0, 0, 0)`);
    await db.orm.run(sql`
      insert into reminder_plans (card_id, offset_days, valid_to, outcome, idempotency_key, planned_on, created_at)
      values (${card!.id}, 30, '2025-12-31', 'queued', 'reminder:h1:30:2025-12-01', '2025-12-01', 0)`);
    const again = await importCards({ db, protector }, table([person(1, "31/12/2026"), ...rows.slice(1)]), { communeId, today: "2025-11-15" });
    expect(again).toMatchObject({ ok: true, people: { created: 0, updated: 60 }, cards: { renewed: 1 }, remindersCancelled: 1, renewedCardIds: [card!.id] });
    // Both imports touched the whole roster, so the apply dropped and rebuilt the unordered indexes in its batch.
    const indexes = await db.orm.all<{ name: string }>(sql`select name from sqlite_master where type = 'index' and name like '%_idx%' order by name`);
    expect(indexes.map((i) => i.name)).toEqual(expect.arrayContaining([...REBUILT_INDEX_NAMES]));
    const [outbox] = await db.orm.all<{ status: string }>(sql`select status from outbox_messages where idempotency_key = 'reminder:h1:30:2025-12-01'`);
    expect(outbox?.status).toBe("cancelled");

    const bad = await importCards({ db, protector }, table([person(61), { ...person(62), village: "Không Có" }]), { communeId, today: "2025-11-15" });
    expect(bad.ok).toBe(false);
    expect(bad.errors).toEqual([{ row: 3, messageKey: "row-card-unknown-village", args: { value: "Không Có" } }]);
    const [counts] = await db.orm.all<{ people: number; cards: number }>(sql`select (select count(*) from people) as people, (select count(*) from cards) as cards`);
    expect(counts).toEqual({ people: 60, cards: 60 });
  });
});
