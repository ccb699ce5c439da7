import { beforeEach, describe, expect, it } from "vitest";
import { planReminders } from "../../../src/core/reminders/plan-reminders";
import { resolveMessage } from "../../../src/core/outbox/resolve-message";
import { forgetSubject, type SubjectActor } from "../../../src/core/privacy/data-subject";
import type { Protector } from "../../../src/core/privacy/protector";
import { outboxMessages } from "../../../src/db/schema";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { type createRosterFixture, freshRoster } from "../../helpers/roster-fixture";
import { createTestTranslator } from "../../helpers/test-db";

const TODAY = "2026-03-10";
const NOW = new Date("2026-03-10T01:00:00Z");
let db: SqliteDb;
let protector: Protector;
let card: Awaited<ReturnType<typeof createRosterFixture>>["card"];

beforeEach(async () => {
  ({ db, protector, card } = await freshRoster(TODAY));
});

const plan = () => planReminders({ db, timezone: "Asia/Ho_Chi_Minh", defaultLocale: "vi", smsEnabled: true }, { today: TODAY, now: NOW });
const resolve = async () => {
  const [row] = await db.orm.select().from(outboxMessages);
  return { row: row!, resolved: await resolveMessage({ db, protector, t: createTestTranslator(), defaultLocale: "vi" }, row as never) };
};

describe("reminder names", () => {
  it("are opened and masked when the reminder is sent, never stored in the outbox", async () => {
    await card("GD", 7, { household: "H1", phone: "84100000001" }); // Nguyễn Mẫu Số1
    await card("GD", 7, { household: "H1" }); // Nguyễn Mẫu Số2
    await plan();
    const { row, resolved } = await resolve();
    expect(JSON.stringify(row.payload)).not.toMatch(/Số\d|N\*\*\*/u);
    expect(resolved.ok && resolved.message.text).toContain("N*** M*** Số1, N*** M*** Số2");
  });

  it("leave out people erased since planning, and cancel a reminder about nobody left", async () => {
    const first = await card("GD", 7, { household: "H1", phone: "84100000001" });
    const second = await card("GD", 7, { household: "H1" });
    await plan();
    const actor: SubjectActor = { kind: "cli", id: "test" };
    await forgetSubject(db, second.personId, actor, NOW);
    const afterOne = await resolve();
    expect(afterOne.resolved.ok && afterOne.resolved.message.text).toContain("N*** M*** Số1 hết hạn");
    await forgetSubject(db, first.personId, actor, NOW);
    expect((await resolve()).resolved).toEqual({ ok: false, status: "cancelled", code: "no_person" });
  });
});
