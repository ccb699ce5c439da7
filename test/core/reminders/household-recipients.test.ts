import { beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { planReminders } from "../../../src/core/reminders/plan-reminders";
import { dueCards } from "../../helpers/due-cards";
import { householdRecipient, householdRecipients } from "../../../src/core/reminders/household-recipients";
import { dueOffset, offsetWindows } from "../../../src/core/reminders/reminder-windows";
import { subscribeReminders, withdrawConsents } from "../../../src/core/residents/reminder-consent";
import { addDays } from "../../../src/core/time/day-math";
import type { Protector } from "../../../src/core/privacy/protector";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createRosterFixture, freshRoster } from "../../helpers/roster-fixture";
import { createTestDb, createTestProtector } from "../../helpers/test-db";

const TODAY = "2026-03-10";
const NOW = new Date("2026-03-10T01:00:00Z");

describe("offsetWindows", () => {
  it.each([[[30, 7, 1, -3]], [[14, 3]], [[60, 30, 30, 0]], [[5]]])("puts every valid_to in the window dueOffset picks (offsets %j)", (offsets) => {
    const windows = offsetWindows(TODAY, offsets);
    for (let daysLeft = -30; daysLeft <= 90; daysLeft++) {
      const validTo = addDays(TODAY, daysLeft);
      const expected = dueOffset(validTo, TODAY, offsets);
      const found = windows.find((w) => validTo >= w.from && validTo <= w.to);
      expect(found && { offset: found.offset, expiresOn: addDays(validTo, found.lastDayAfterValidTo) }).toEqual(expected);
    }
  });
});

describe("householdRecipients (batched)", () => {
  let db: SqliteDb;
  let protector: Protector;
  let card: Awaited<ReturnType<typeof createRosterFixture>>["card"];
  beforeEach(async () => {
    ({ db, protector, card } = await freshRoster(TODAY));
  });

  it("answers each household exactly as asking one household at a time does", async () => {
    const subscribedViaHousehold = await card("GD", 7, { household: "H1" });
    await card("GD", 7, { household: "H1", phone: "84100000001" });
    // The one who subscribed is not due: the household's consent still reaches the others.
    const notDue = await card("GD", 45, { household: "H1" });
    await subscribeReminders(db, protector, { channel: "telegram", externalKey: "701", personId: notDue.personId, householdId: notDue.householdId, locale: "en", wording: "I agree", now: NOW });
    const stopped = await card("GD", 7, { household: "H2", phone: "84100000002" });
    await subscribeReminders(db, protector, { channel: "telegram", externalKey: "702", personId: stopped.personId, householdId: stopped.householdId, locale: "vi", wording: "Tôi đồng ý", now: NOW });
    await withdrawConsents(db, { channel: "telegram", externalKey: "702", via: "STOP", now: NOW });
    await card("GD", 7, { household: "H3", phone: "84100000003" });
    await withdrawConsents(db, { channel: "sms", externalKey: await protector.blindIndex("phone", "84100000003"), via: "HUY", now: NOW });
    await card("GD", 7, { household: "H4", phone: "84100000004" });
    await card("GD", 7, { household: "H5" });

    const due = await dueCards(db, { today: TODAY, offsets: [30, 7, 1, -3] });
    const households = new Map<number, typeof due>();
    for (const c of due) households.set(c.householdId!, [...(households.get(c.householdId!) ?? []), c]);
    expect(households.size).toBe(5);
    const batched = await householdRecipients(db, households, { smsEnabled: true });
    const kinds = [];
    for (const [id, members] of households) {
      expect(batched.get(id)).toEqual(await householdRecipient(db, members, { smsEnabled: true }));
      kinds.push(batched.get(id)!.kind);
    }
    expect(kinds.sort()).toEqual(["identity", "none", "opted_out", "opted_out", "roster_phone"]);
    expect(batched.get(subscribedViaHousehold.householdId!)).toMatchObject({ kind: "identity", channel: "telegram", locale: "en" });
  });
});

describe("planReminders in parts", () => {
  it("plans the same reminders when a day is sliced, or read in parts, by household as in one pass", async () => {
    const outcome = async (cardsPerPass?: number, keysPerRead?: number) => {
      const db = createTestDb();
      const protector = await createTestProtector();
      const { card } = await createRosterFixture(db, protector, TODAY);
      for (let h = 1; h <= 6; h++) {
        await card("GD", 7, { household: `H${h}`, phone: `8410000000${h}` });
        await card("HS", 30, { household: `H${h}` });
        if (h % 2 === 0) await card("GD", 7, { household: `H${h}` });
      }
      await card("CN", 1, { phone: "84100000099" }); // no household
      await card("HT", 1, { household: "H1" }); // BHXH renews
      const summary = await planReminders({ db, timezone: "Asia/Ho_Chi_Minh", defaultLocale: "vi", smsEnabled: true }, { today: TODAY, now: NOW, cardsPerPass, keysPerRead });
      // toEnc is sealed with a fresh IV each time: everything else must match.
      const outbox = await db.orm.all<{ k: string; p: string }>(sql`select idempotency_key as k, json_remove(payload, '$.toEnc') as p from outbox_messages order by k`);
      const plans = await db.orm.all<{ n: number }>(sql`select count(*) as n from reminder_plans`);
      return { summary, outbox, plans };
    };
    const whole = await outcome();
    expect(whole.summary.byOffset).toEqual({ "30": 6, "7": 6, "1": 1, "-3": 0 });
    expect(whole.summary.skipped.autoRenew).toBe(1);
    // Sliced for planning, and also read in parts (a window larger than what is held at once).
    expect(await outcome(3)).toEqual(whole);
    expect(await outcome(2, 4)).toEqual(whole);
  });
});
