import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { planReminders, type PlanInput } from "../../../src/core/reminders/plan-reminders";
import { subscribeReminders, withdrawConsents } from "../../../src/core/residents/reminder-consent";
import { parseRouteOrder, type Reach, type RouteChannel } from "../../../src/core/outbox/routes";
import { addDays } from "../../../src/core/time/day-math";
import { zonedTime } from "../../../src/core/time/zoned-time";
import { planSqlWindow } from "../../../src/core/reminders/plan-in-sql";
import { dueCardKeys } from "../../../src/core/reminders/due-cards";
import { DEFAULT_OFFSETS } from "../../../src/core/reminders/reminder-windows";
import { freshRoster } from "../../helpers/roster-fixture";

const TODAY = "2026-03-10";
const NOW = new Date("2026-03-10T01:00:00Z");

const reach = (configured: RouteChannel[], order = "telegram,zalo_oa,zalo_bot,zalo_zns,sms"): Reach => ({ order: parseRouteOrder(order), configured: new Set(configured) });

/** A roster with every case the planner tells apart, in several households of each kind. */
async function variedRoster() {
  const { db, protector, card, communeId } = await freshRoster(TODAY);
  const huy = async (phone: string) => withdrawConsents(db, { channel: "sms", externalKey: await protector.blindIndex("phone", phone), via: "HUY", now: NOW });
  const subscribe = (key: string, who: { personId: number; householdId: number | null }) =>
    subscribeReminders(db, protector, { channel: "telegram", externalKey: key, personId: who.personId, householdId: who.householdId, locale: "vi", wording: "Tôi đồng ý", now: NOW });
  let phone = 0;
  const nextPhone = () => `841000${String(++phone).padStart(5, "0")}`;
  for (const [i, daysLeft] of [30, 20, 8, 7, 3, 1, 0, -1, -3, -9, -10, 31].entries()) {
    // A household whose first card has no phone but a later one does; the phone comes from the later card.
    await card("GD", daysLeft, { household: `A${i}` });
    await card("GD", daysLeft, { household: `A${i}`, phone: nextPhone() });
    await card("HT", daysLeft, { household: `A${i}`, phone: nextPhone() }); // renewed by BHXH: not a member of the message
    // A household split across two offsets, three people due together in one of them.
    await card("HS", daysLeft, { household: `B${i}`, phone: nextPhone() });
    await card("GD", daysLeft - 1, { household: `B${i}` });
    await card("GD", daysLeft + 1, { household: `B${i}`, phone: nextPhone() });
    await card("TE", daysLeft - 5, { household: `B${i}` });
    // No household, no phone; no household with a phone that answered HUY.
    await card("CN", daysLeft);
    const stopped = nextPhone();
    await card("GD", daysLeft, { phone: stopped });
    await huy(stopped);
    // Subscribed by household (through a member not due), and a person who withdrew.
    await card("GD", daysLeft, { household: `C${i}`, phone: nextPhone() });
    await subscribe(`80${i}`, await card("GD", daysLeft + 60, { household: `C${i}` }));
    const withdrew = await card("GD", daysLeft, { phone: nextPhone() });
    await subscribe(`90${i}`, withdrew);
    await withdrawConsents(db, { channel: "telegram", externalKey: `90${i}`, via: "STOP", now: NOW });
  }
  return { db, communeId };
}

describe("planReminders: the common case planned in SQL", () => {
  it("writes the same outbox and plan rows and counts as the JS planner, under each channel setup and on consecutive days", async () => {
    const { db, communeId } = await variedRoster();
    const setups: { smsEnabled: boolean; reach?: Reach; communeId?: number }[] = [
      { smsEnabled: true },
      { smsEnabled: true, communeId },
      { smsEnabled: false },
      { smsEnabled: true, reach: reach(["telegram", "sms"]) },
      { smsEnabled: true, reach: reach(["zalo_oa", "zalo_zns", "sms"]) },
      { smsEnabled: false, reach: reach(["telegram"]) },
    ];
    const dump = async () => ({
      outbox: await db.orm.all(sql`select idempotency_key, contact_id, identity_id, channel, purpose, template_key, payload, status, not_before, expires_at, attempts, created_at, updated_at from outbox_messages order by idempotency_key`),
      plans: await db.orm.all(sql`select * from reminder_plans order by card_id, offset_days, valid_to`),
    });
    const reset = () => db.sqlite.exec("delete from reminder_plans; delete from outbox_messages");
    for (const setup of setups) {
      const run = async (sqlCommonCase: boolean) => {
        reset();
        const summaries = [];
        for (const day of [addDays(TODAY, -1), TODAY, TODAY]) {
          const input: PlanInput = { today: day, now: new Date(`${day}T01:00:00Z`), sqlCommonCase, communeId: setup.communeId };
          summaries.push(await planReminders({ db, timezone: "Asia/Ho_Chi_Minh", defaultLocale: "vi", smsEnabled: setup.smsEnabled, reach: setup.reach }, input));
        }
        return { summaries, ...(await dump()) };
      };
      const js = await run(false);
      const inSql = await run(true);
      expect(js.outbox.length).toBeGreaterThan(0);
      // Every outcome occurs, so each of the SQL path's branches is compared.
      if (setup === setups[0]) {
        const { skipped, undeliverable } = js.summaries[0]!;
        expect([skipped.autoRenew, skipped.optedOut, undeliverable].every((n) => n > 0)).toBe(true);
      }
      expect(inSql).toEqual(js);
    }
  });

  it("plans every card of a commune's unsubscribed households itself, none of another commune's, and leaves the subscribed ones", async () => {
    const { db, communeId } = await variedRoster();
    const window = (offset: number, commune: number) =>
      planSqlWindow(db, { today: TODAY, now: NOW, offsets: DEFAULT_OFFSETS, offset, communeId: commune, routeOf: () => "sms", expiry: (day) => zonedTime(day, "00:00", "Asia/Ho_Chi_Minh") });
    for (const offset of DEFAULT_OFFSETS) expect(await window(offset, communeId + 1000)).toEqual({ autoRenew: 0, queued: 0, undeliverable: 0, optedOut: 0 });
    let queued = 0;
    for (const offset of DEFAULT_OFFSETS) queued += (await window(offset, communeId)).queued;
    expect(queued).toBeGreaterThan(0);
    const consenting = await db.orm.all<{ person_id: number | null; household_id: number | null }>(sql`select person_id, household_id from consents where purpose = 'expiry_reminders'`);
    const left = await dueCardKeys(db, { today: TODAY, offsets: DEFAULT_OFFSETS });
    expect(left.length).toBeGreaterThan(0);
    for (const card of left) expect(consenting.some((c) => c.person_id === card.personId || (c.household_id !== null && c.household_id === card.householdId))).toBe(true);
  });
});
