import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importCards } from "../../../src/core/imports/cards-import";
import type { Protector } from "../../../src/core/privacy/protector";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { asFile, createCardImportDb, person } from "../../helpers/card-rows";
import { tableOf } from "../../helpers/test-db";

type Row = Record<string, string>;

let db: SqliteDb;
let protector: Protector;
let communeId: number;
beforeEach(async () => {
  ({ db, protector, communeId } = await createCardImportDb());
});
afterEach(() => db.close());

const importRows = (rows: Row[], options: { communeId?: number } = { communeId }) =>
  importCards({ db, protector }, tableOf(asFile(rows)), { ...options, today: "2025-11-15" });
const count = (table: string) => (db.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const personByBhxh = async (bhxh: string) =>
  db.sqlite
    .prepare(
      `select p.id, p.gender, p.birth_year as birthYear, p.full_name_enc as nameEnc, p.phone_enc as phoneEnc, p.phone_idx as phoneIdx,
              u.code as village, h.code as household, c.id as cardId, c.group_code as groupCode, c.benefit_level as level,
              c.province_code as province, c.valid_from as validFrom, c.valid_to as validTo, c.card_code_enc as cardEnc
       from people p join admin_units u on u.id = p.unit_id left join households h on h.id = p.household_id
       left join cards c on c.person_id = p.id where p.bhxh_number_idx = ?`,
    )
    // biome-ignore lint/suspicious/noExplicitAny: a raw row whose columns the test reads by name
    .get(await protector.blindIndex("bhxh", bhxh)) as Record<string, any> | undefined;

describe("importing a card roster", () => {
  it("creates households, people and cards, sealing names and personal numbers", async () => {
    const outcome = await importRows([person(1), person(2), person(3, { village: "Xuân Thành" })]);
    expect(outcome).toMatchObject({
      ok: true, rows: 3, errorCount: 0,
      people: { created: 3, updated: 0 }, cards: { created: 3, updated: 0, renewed: 0 }, households: { created: 2 }, remindersCancelled: 0,
    });
    expect([count("people"), count("cards"), count("households")]).toEqual([3, 3, 2]);
    const p1 = await personByBhxh("9900000001");
    expect(p1).toMatchObject({ gender: "male", birthYear: 1985, village: "38-01-01-01", household: "HGD-1", groupCode: "GD", level: 4, province: "38", validFrom: "2025-01-01", validTo: "2025-12-31" });
    expect(await protector.open(p1!.nameEnc)).toBe("Lê Văn Mẫu 01");
    expect(await protector.open(p1!.cardEnc)).toBe("GD43899000000" + "01");
    expect(await protector.open(p1!.phoneEnc)).toBe("84100000001");
    expect((await personByBhxh("9900000003"))?.village).toBe("38-01-01-02");
  });

  it("accepts the BHXH list's Vietnamese headers and normalises phones, genders, card codes and dates", async () => {
    const rows = [
      {
        "HỌ VÀ TÊN": "Hà Thị Mẫu Lan", "Ngày sinh": "1962", "Giới tính": "nữ", "Mã số BHXH": "99 0000 0009", "Mã thẻ": "hn-2-38-9900000009",
        "Số CCCD / Số định danh": "", "Số điện thoại": "+84 100 000 009", "Hạn thẻ từ": "2025-01-01", "Hạn thẻ đến": "31/12/2025",
        "thon/to": "thôn xuân thành", "Mã hộ gia đình": "", "Mã đối tượng": "", "Nơi đăng ký KCB ban đầu": "TYT Ngọc Phụng", "Thời điểm đủ 5 năm liên tục": "01/01/2020",
      },
    ];
    const outcome = await importCards({ db, protector }, tableOf(rows), { communeId, today: "2025-11-15" });
    expect(outcome.errors).toEqual([]);
    const p = await personByBhxh("9900000009");
    expect(p).toMatchObject({ gender: "female", birthYear: 1962, village: "38-01-01-02", household: null, groupCode: "HN", level: 2, validTo: "2025-12-31" });
    // Every spelling of a number seals and indexes as the one canonical form.
    expect(p!.phoneIdx).toBe(await protector.blindIndex("phone", "84100000009"));
    expect(await protector.open(p!.cardEnc)).toBe("HN2389900000009");
  });

  it("takes the BHXH number from the card code when the column is empty, and Mã đối tượng over the code's group (with a warning)", async () => {
    const outcome = await importRows([person(4, { bhxh_number: "", id_number: "", group_code: "hn" })]);
    expect(outcome.ok).toBe(true);
    expect(outcome.warnings).toEqual([{ row: 2, messageKey: "warn-card-group-differs", args: {} }]);
    expect(await personByBhxh("9900000004")).toMatchObject({ groupCode: "HN", level: 4 });
  });

  it("resolves villages by code without a commune, and refuses a name that two communes share", async () => {
    const byCode = await importRows([person(5, { village: "38-01-02-01" })], {});
    expect(byCode.ok).toBe(true);
    expect((await personByBhxh("9900000005"))?.village).toBe("38-01-02-01");
    const byName = await importRows([person(6, { village: "Quyết Tiến" })], {});
    expect(byName.ok).toBe(false);
    expect(byName.errors[0]).toMatchObject({ row: 2, messageKey: "row-card-ambiguous-village" });
    expect(String(byName.errors[0]!.args.candidates)).toContain("38-01-02-01");
  });
});

describe("re-importing a roster", () => {
  it("updates people found by BHXH number or personal ID, never duplicating them", async () => {
    await importRows([person(1), person(2), person(3)]);
    const outcome = await importRows([
      person(1, { full_name: "Lê Văn Mẫu Một", phone: "" }),
      // Found by personal ID alone: the roster may lack the BHXH number.
      person(2, { bhxh_number: "", card_code: "", village: "Xuân Thành", household_id: "" }),
      person(7),
    ]);
    expect(outcome).toMatchObject({ ok: true, people: { created: 1, updated: 2 }, cards: { created: 1, updated: 2, renewed: 0 }, households: { created: 1 } });
    expect(count("people")).toBe(4);
    expect(count("cards")).toBe(4);
    const p1 = await personByBhxh("9900000001");
    expect(await protector.open(p1!.nameEnc)).toBe("Lê Văn Mẫu Một");
    // A blank cell keeps what is on record.
    expect(await protector.open(p1!.phoneEnc)).toBe("84100000001");
    // Moved to another village without a household code: the old village's household is dropped.
    expect(await personByBhxh("9900000002")).toMatchObject({ village: "38-01-01-02", household: null });
  });

  it("reports renewals, records them and cancels only the renewed cards' pending reminders", async () => {
    await importRows([person(1), person(2), person(3)]);
    const cardId = (n: number) => personByBhxh(`990000000${n}`).then((p) => p!.cardId as number);
    const [c1, c2] = [await cardId(1), await cardId(2)];
    const insert = db.sqlite.prepare(
      `insert into outbox_messages (idempotency_key, channel, purpose, template_key, payload, status, not_before, created_at, updated_at)
       values (?, 'sms', 'expiry_reminder', 'reminder-expiry', '{}', ?, 0, 0, 0)`,
    );
    // The planner records which outbox message carried each card's reminder (reminder_plans).
    const plan = db.sqlite.prepare(
      `insert into reminder_plans (card_id, offset_days, valid_to, outcome, idempotency_key, planned_on, created_at) values (?, ?, '2025-12-31', 'queued', ?, '2025-12-01', 0)`,
    );
    for (const [card, offset, key, status] of [
      [c1, 30, "reminder:h1:30:2025-12-01", "pending"],
      [c1, 7, "reminder:h1:7:2025-11-01", "sent"],
      [c2, 30, "reminder:h2:30:2025-12-01", "pending"],
    ] as const) {
      insert.run(key, status);
      plan.run(card, offset, key);
    }
    insert.run("reminder:h9:30:2025-12-01", "pending"); // planned for nobody here
    const outcome = await importRows([person(1, { valid_from: "01/01/2026", valid_to: "31/12/2026" }), person(2), person(3, { valid_to: "30/06/2025" })]);
    expect(outcome).toMatchObject({ ok: true, people: { created: 0, updated: 3 }, cards: { created: 0, updated: 3, renewed: 1 }, remindersCancelled: 1 });
    expect(outcome.renewedCardIds).toEqual([c1]);
    expect(outcome.warnings).toEqual([{ row: 4, messageKey: "warn-card-shortened", args: {} }]);
    const statuses = db.sqlite.prepare("select idempotency_key as k, status from outbox_messages order by id").all();
    expect(statuses).toEqual([
      { k: "reminder:h1:30:2025-12-01", status: "cancelled" },
      { k: "reminder:h1:7:2025-11-01", status: "sent" },
      { k: "reminder:h2:30:2025-12-01", status: "pending" },
      { k: "reminder:h9:30:2025-12-01", status: "pending" },
    ]);
    const audit = db.sqlite.prepare("select action, subject_id as card, details from audit_log where action = 'card.renewed'").all() as { card: string; details: string }[];
    expect(audit.map((a) => ({ card: Number(a.card), details: JSON.parse(a.details) }))).toEqual([
      { card: c1, details: { batchId: outcome.batchId, row: 2, previousValidTo: "2025-12-31", validTo: "2026-12-31" } },
    ]);
    expect((await personByBhxh("9900000001"))?.validTo).toBe("2026-12-31");
  });
});

describe("each card goes to its own person", () => {
  it("gives new and matched people their own cards when they alternate, also after the newest person was removed", async () => {
    expect((await importRows([person(1), person(2), person(9)])).ok).toBe(true);
    // The highest id is gone, so AUTOINCREMENT hands out ids past a gap.
    db.sqlite.prepare("delete from people where bhxh_number_idx = ?").run(await protector.blindIndex("bhxh", "9900000009"));
    const outcome = await importRows([person(3), person(1, { valid_to: "31/12/2026" }), person(4), person(5), person(2), person(6)]);
    expect(outcome).toMatchObject({ ok: true, people: { created: 4, updated: 2 }, cards: { created: 4, updated: 2, renewed: 1 } });
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const p = await personByBhxh(`990000000${n}`);
      // The card code carries the BHXH number: a card under the wrong person would not match.
      expect(await protector.open(p!.cardEnc)).toBe(`GD43899000000${String(n).padStart(2, "0")}`);
    }
    expect(count("cards")).toBe(6);
  });
});
