import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq } from "drizzle-orm";
import { createConversation } from "../../../src/core/conversation/create-conversation";
import type { InboundMessage } from "../../../src/core/conversation/types";
import { generateDemoRoster } from "../../../src/core/demo/demo-roster";
import { seedDemo } from "../../../src/core/demo/seed-demo";
import { exportSubject, findSubject, forgetSubject, planErasure } from "../../../src/core/privacy/data-subject";
import type { Protector } from "../../../src/core/privacy/protector";
import { auditLog, cards, channelIdentities, consents, contacts, outboxMessages, people, reminderPlans, tallyEntries } from "../../../src/db/schema";
import { openSqliteDb, type SqliteDb } from "../../../src/entry/sqlite-db";
import { createCliRunner } from "../../helpers/run-cli";
import { createTestDb, createTestProtector, createTestTranslator } from "../../helpers/test-db";

const TODAY = "2025-11-15";
const NOW = new Date("2025-11-15T03:00:00Z");
const PHONE = "0100555001";
const roster = generateDemoRoster(TODAY);
const subject = roster.find((p) => p.groupCode === "GD" && p.validTo >= TODAY)!;
const vnDate = (iso: string) => iso.split("-").reverse().join("/");
const ACTOR = { kind: "cli", id: "test" } as const;

/** A resident looks their card up by SMS and subscribes to reminders: contact, identity and consent exist. */
async function subscribe(db: SqliteDb, protector: Protector): Promise<void> {
  const handle = createConversation({ db, protector, t: createTestTranslator(), defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh" });
  const say = (text: string) => handle({ channel: "sms", senderId: PHONE, text, receivedAt: NOW } satisfies InboundMessage);
  await say(subject.bhxhNumber);
  await say(vnDate(subject.dateOfBirth));
  await say("1");
  const [done] = await say("1");
  expect(done!.text).toContain("Đã đăng ký nhắc gia hạn");
}

const tableCount = async (db: SqliteDb, table: typeof people | typeof tallyEntries | typeof contacts) => (await db.orm.select({ n: count() }).from(table))[0]!.n;

describe("data-subject requests (core)", () => {
  let db: SqliteDb;
  let protector: Protector;
  let personId: number;

  beforeEach(async () => {
    db = createTestDb();
    protector = await createTestProtector();
    await seedDemo({ db, protector, today: TODAY });
    await subscribe(db, protector);
    const found = await findSubject(db, protector, subject.cardCode.toLowerCase());
    if (!found.ok) throw new Error(found.code);
    personId = found.personId;
  });

  it("finds a person by card code, BHXH number, personal ID or id, and refuses what it cannot read", async () => {
    for (const ref of [subject.bhxhNumber, subject.idNumber, String(personId), ` ${subject.cardCode} `]) expect(await findSubject(db, protector, ref)).toEqual({ ok: true, personId });
    expect(await findSubject(db, protector, "9999999999")).toEqual({ ok: false, code: "subject_not_found" });
    expect(await findSubject(db, protector, "Nguyễn Văn A")).toEqual({ ok: false, code: "bad_subject" });
  });

  it("exports the decrypted record, card, household, contacts with their number, consents and audit entries, and audits the export", async () => {
    const data = await exportSubject(db, protector, personId, ACTOR, NOW);
    expect(data.person).toMatchObject({ id: personId, fullName: subject.fullName, dateOfBirth: subject.dateOfBirth, bhxhNumber: subject.bhxhNumber, idNumber: subject.idNumber });
    expect(data.card).toMatchObject({ cardCode: subject.cardCode, groupCode: subject.groupCode, validTo: subject.validTo });
    expect(data.household!.memberIds).toContain(personId);
    expect(data.contacts).toHaveLength(1);
    expect(data.contacts[0]!.identities).toEqual([expect.objectContaining({ channel: "sms", address: expect.stringMatching(/100555001$/), externalKey: null })]);
    expect(data.consents).toEqual([expect.objectContaining({ purpose: "expiry_reminders", channel: "sms", withdrawnAt: null })]);
    expect(data.audit.map((a) => a.action)).toContain("card.lookup");
    const [audited] = await db.orm.select().from(auditLog).where(eq(auditLog.action, "person.exported"));
    expect(audited).toMatchObject({ actorKind: "cli", subjectKind: "person", subjectId: String(personId) });
    // The audit entry itself holds no personal value.
    expect(JSON.stringify(audited)).not.toContain(subject.bhxhNumber);
  });

  it("forgets the person atomically: record, card, consents, contact and identity gone; tallies, household mates and audit stay", async () => {
    const contact = (await db.orm.select().from(contacts).where(eq(contacts.personId, personId)))[0]!;
    await db.orm.insert(outboxMessages).values({ idempotencyKey: "reminder:dsr", contactId: contact.id, channel: "sms", purpose: "expiry_reminder", templateKey: "x", payload: { toEnc: "v1.test.xxx" }, notBefore: NOW });
    // The card's reminder plan: no foreign key cascades it away (reminder_plans has none), the erasure must.
    const [card] = await db.orm.select({ id: cards.id, validTo: cards.validTo }).from(cards).where(eq(cards.personId, personId));
    await db.orm.insert(reminderPlans).values({ cardId: card!.id, offsetDays: 30, validTo: card!.validTo!, outcome: "queued", idempotencyKey: "reminder:dsr", plannedOn: TODAY });
    const tallies = await tableCount(db, tallyEntries);
    const peopleBefore = await tableCount(db, people);
    const plan = await planErasure(db, personId);
    expect(plan).toMatchObject({ person: 1, card: 1, reminderPlans: 1, contacts: 1, channelIdentities: 1, consents: 1, outboxMessages: 1 });
    // Planning erased nothing.
    expect(await tableCount(db, people)).toBe(peopleBefore);

    expect(await forgetSubject(db, personId, ACTOR, NOW)).toEqual(plan);
    expect(await db.orm.select().from(people).where(eq(people.id, personId))).toHaveLength(0);
    expect(await db.orm.select().from(cards).where(eq(cards.personId, personId))).toHaveLength(0);
    expect(await db.orm.select().from(reminderPlans).where(eq(reminderPlans.cardId, card!.id))).toHaveLength(0);
    expect(await db.orm.select().from(consents)).toHaveLength(0);
    expect(await db.orm.select().from(contacts).where(eq(contacts.id, contact.id))).toHaveLength(0);
    expect(await db.orm.select().from(channelIdentities).where(eq(channelIdentities.contactId, contact.id))).toHaveLength(0);
    const [message] = await db.orm.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, "reminder:dsr"));
    expect(message).toMatchObject({ contactId: null, identityId: null, payload: {}, status: "cancelled" });
    expect(await tableCount(db, tallyEntries)).toBe(tallies);
    expect(await tableCount(db, people)).toBe(peopleBefore - 1);
    expect(await findSubject(db, protector, subject.cardCode)).toEqual({ ok: false, code: "subject_not_found" });
    const [audited] = await db.orm.select().from(auditLog).where(eq(auditLog.action, "person.forgotten"));
    expect(audited).toMatchObject({ subjectId: String(personId), details: expect.objectContaining({ person: 1, card: 1 }) });
  });

  it("erases nothing when any step fails (one atomic unit)", async () => {
    db.sqlite.exec("create trigger refuse_person_delete before delete on people begin select raise(abort, 'refused'); end;");
    const before = { people: await tableCount(db, people), contacts: await tableCount(db, contacts) };
    await expect(forgetSubject(db, personId, ACTOR, NOW)).rejects.toThrow();
    expect({ people: await tableCount(db, people), contacts: await tableCount(db, contacts) }).toEqual(before);
    expect(await db.orm.select().from(consents)).toHaveLength(1);
    expect(await db.orm.select().from(cards).where(eq(cards.personId, personId))).toHaveLength(1);
  });
});

describe("bhyt person export / forget", () => {
  const dir = mkdtempSync(join(tmpdir(), "bhyt-dsr-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = {
    DATABASE_PATH: join(dir, "dsr.sqlite"),
    LOG_LEVEL: "error",
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    BLIND_INDEX_KEY: Buffer.alloc(32, 9).toString("base64"),
    DATA_KEY_ID: "test",
  };

  it("exports as JSON, refuses to forget without --yes (exit 2, says what would go), forgets with it", async () => {
    const db = openSqliteDb(env.DATABASE_PATH);
    const protector = await createTestProtector();
    await seedDemo({ db, protector, today: TODAY });
    await subscribe(db, protector);
    db.close();
    const cli = createCliRunner(env);
    const exported = await cli("person", "export", subject.bhxhNumber, "--json");
    expect(exported.code).toBe(0);
    expect(exported.last).toMatchObject({ ok: true, person: { fullName: subject.fullName, idNumber: subject.idNumber }, card: { cardCode: subject.cardCode } });
    const refused = await cli("person", "forget", subject.cardCode, "--json");
    expect(refused.code).toBe(2);
    expect(refused.last.error).toMatchObject({ code: "confirmation_required", wouldErase: { person: 1, card: 1, consents: 1, contacts: 1 } });
    expect(refused.last.error.message).toContain("--yes");
    expect((await cli("person", "export", subject.idNumber, "--json")).code).toBe(0);
    const forgotten = await cli("person", "forget", subject.idNumber, "--yes", "--json");
    expect(forgotten).toMatchObject({ code: 0, last: { ok: true, erased: { person: 1, card: 1 } } });
    const again = await cli("person", "export", subject.idNumber, "--json");
    expect(again).toMatchObject({ code: 2, last: { ok: false, error: { code: "subject_not_found" } } });
    expect((await cli("person", "export", "not a number", "--json")).last.error.code).toBe("bad_subject");
  });
});
