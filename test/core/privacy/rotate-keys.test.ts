import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { createConversation } from "../../../src/core/conversation/create-conversation";
import { generateDemoRoster } from "../../../src/core/demo/demo-roster";
import { seedDemo } from "../../../src/core/demo/seed-demo";
import { findSubject } from "../../../src/core/privacy/data-subject";
import { createProtector, type Protector } from "../../../src/core/privacy/protector";
import { findCandidates, verifyCard } from "../../../src/core/residents/find-card";
import { cards, channelIdentities, consents, outboxMessages, people } from "../../../src/db/schema";
import { openSqliteDb, type SqliteDb } from "../../../src/entry/sqlite-db";
import { createCliRunner } from "../../helpers/run-cli";
import { createTestProtector, createTestTranslator } from "../../helpers/test-db";

const TODAY = "2025-11-15";
const NOW = new Date("2025-11-15T03:00:00Z");
const PHONE = "0100555002";
const roster = generateDemoRoster(TODAY);
const subject = roster.find((p) => p.groupCode === "GD" && p.validTo >= TODAY)!;
const vnDate = (iso: string) => iso.split("-").reverse().join("/");
const dir = mkdtempSync(join(tmpdir(), "bhyt-rotate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const b64 = (fill: number) => Buffer.alloc(32, fill).toString("base64");
const OLD = { DATA_ENCRYPTION_KEY: b64(7), BLIND_INDEX_KEY: b64(9), DATA_KEY_ID: "test" };
const NEW = { DATA_ENCRYPTION_KEY: b64(11), BLIND_INDEX_KEY: b64(13), DATA_KEY_ID: "k2" };
const newProtector = () => createProtector({ dataKey: new Uint8Array(32).fill(11), indexKey: new Uint8Array(32).fill(13), keyId: "k2" });

/** Every sealed value in the database, wherever it sits. */
async function sealedValues(db: SqliteDb): Promise<string[]> {
  const values: (string | null)[] = [];
  for (const p of await db.orm.select().from(people)) values.push(p.fullNameEnc, p.dateOfBirthEnc, p.bhxhNumberEnc, p.idNumberEnc, p.phoneEnc);
  for (const c of await db.orm.select().from(cards)) values.push(c.cardCodeEnc);
  for (const i of await db.orm.select().from(channelIdentities)) values.push(i.addressEnc);
  for (const m of await db.orm.select().from(outboxMessages)) values.push((m.payload.toEnc as string | undefined) ?? null, (m.payload.fallback as { toEnc?: string } | undefined)?.toEnc ?? null);
  return values.filter((v): v is string => v !== null);
}

async function prepare(path: string): Promise<{ plain: string[] }> {
  const db = openSqliteDb(path);
  const protector = await createTestProtector();
  await seedDemo({ db, protector, today: TODAY });
  const handle = createConversation({ db, protector, t: createTestTranslator(), defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh" });
  await handle({ channel: "sms", senderId: PHONE, text: subject.bhxhNumber, receivedAt: NOW });
  await handle({ channel: "sms", senderId: PHONE, text: vnDate(subject.dateOfBirth), receivedAt: NOW });
  await handle({ channel: "sms", senderId: PHONE, text: "1", receivedAt: NOW }); // subscribe…
  await handle({ channel: "sms", senderId: PHONE, text: "1", receivedAt: NOW }); // …"Đồng ý" to the consent's wording
  await db.orm.insert(outboxMessages).values({
    idempotencyKey: "reminder:rotate", channel: "sms", purpose: "expiry_reminder", templateKey: "x", notBefore: NOW,
    payload: { vars: {}, toEnc: await protector.seal("84100555002"), phoneIdx: await protector.blindIndex("phone", "84100555002") },
  });
  // A Zalo OA reminder keeps the roster phone as its fallback for when the chat window has closed.
  await db.orm.insert(outboxMessages).values({
    idempotencyKey: "reminder:rotate-oa", channel: "zalo_oa", purpose: "expiry_reminder", templateKey: "x", notBefore: NOW,
    payload: { vars: {}, fallback: { toEnc: await protector.seal("84100555003"), phoneIdx: await protector.blindIndex("phone", "84100555003") } },
  });
  const plain = await Promise.all((await sealedValues(db)).map((v) => protector.open(v)));
  db.close();
  return { plain };
}

describe("bhyt keys rotate", () => {
  it("re-seals every value under the new key id, recomputes blind indexes, and look-ups still work", async () => {
    const path = join(dir, "both.sqlite");
    const { plain } = await prepare(path);
    expect(plain.length).toBeGreaterThan(100);
    const cli = createCliRunner({ DATABASE_PATH: path, LOG_LEVEL: "error", ...NEW, OLD_DATA_ENCRYPTION_KEY: OLD.DATA_ENCRYPTION_KEY, OLD_BLIND_INDEX_KEY: OLD.BLIND_INDEX_KEY, OLD_DATA_KEY_ID: OLD.DATA_KEY_ID });
    const run = await cli("keys", "rotate", "--json");
    expect(run.code).toBe(0);
    expect(run.last).toMatchObject({ ok: true, fromKeyId: "test", toKeyId: "k2", reindexed: true });
    expect(run.last.resealed.people).toBeGreaterThan(0);

    const db = openSqliteDb(path);
    const fresh: Protector = await newProtector();
    const old = await createTestProtector();
    const values = await sealedValues(db);
    expect(values.every((v) => v.startsWith("v1.k2."))).toBe(true);
    // Same plain values, in the same order, all opened with the new key; the old key opens none.
    expect(await Promise.all(values.map((v) => fresh.open(v)))).toEqual(plain);
    await expect(old.open(values[0]!)).rejects.toThrow();

    // Look-ups by blind index: the bot's card check (card code, BHXH number, date of birth)…
    for (const ref of [subject.cardCode, subject.bhxhNumber, subject.idNumber]) expect((await findSubject(db, fresh, ref)).ok).toBe(true);
    const candidates = await findCandidates(db, fresh, { kind: "bhxh", bhxhNumber: subject.bhxhNumber });
    expect((await verifyCard(db, fresh, candidates, subject.dateOfBirth))?.fullName).toBe(subject.fullName);
    // …the old index key finds nothing any more…
    expect(await findCandidates(db, old, { kind: "bhxh", bhxhNumber: subject.bhxhNumber })).toEqual([]);
    // …the SMS identity is recognised by its re-keyed number: HUY withdraws the consent given before rotation.
    const handle = createConversation({ db, protector: fresh, t: createTestTranslator(), defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh" });
    await handle({ channel: "sms", senderId: PHONE, text: "HUY", receivedAt: NOW });
    expect((await db.orm.select().from(consents))[0]!.withdrawnAt).not.toBeNull();
    const [reminder] = await db.orm.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, "reminder:rotate"));
    expect(reminder!.payload.phoneIdx).toBe(await fresh.blindIndex("phone", "84100555002"));
    const [viaZalo] = await db.orm.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, "reminder:rotate-oa"));
    expect((viaZalo!.payload.fallback as { phoneIdx?: string } | undefined)?.phoneIdx).toBe(await fresh.blindIndex("phone", "84100555003"));
    db.close();
  });

  it("rotating only the data key leaves indexes alone and a second run has nothing left to do (resumable)", async () => {
    const path = join(dir, "data-only.sqlite");
    const { plain } = await prepare(path);
    const env = { DATABASE_PATH: path, LOG_LEVEL: "error", DATA_ENCRYPTION_KEY: NEW.DATA_ENCRYPTION_KEY, BLIND_INDEX_KEY: OLD.BLIND_INDEX_KEY, DATA_KEY_ID: "k2" };
    const cli = createCliRunner({ ...env, OLD_DATA_ENCRYPTION_KEY: OLD.DATA_ENCRYPTION_KEY, OLD_BLIND_INDEX_KEY: OLD.BLIND_INDEX_KEY, OLD_DATA_KEY_ID: "test" });
    const first = await cli("keys", "rotate", "--json");
    expect(first.last).toMatchObject({ ok: true, reindexed: false, invitesInvalidated: 0 });
    const second = await cli("keys", "rotate", "--json");
    expect(Object.values(second.last.resealed as Record<string, number>).every((n) => n === 0)).toBe(true);
    expect(second.last.skipped).toBeGreaterThan(0);
    const db = openSqliteDb(path);
    const fresh = await createProtector({ dataKey: new Uint8Array(32).fill(11), indexKey: new Uint8Array(32).fill(9), keyId: "k2" });
    expect(await Promise.all((await sealedValues(db)).map((v) => fresh.open(v)))).toEqual(plain);
    expect((await findSubject(db, fresh, subject.bhxhNumber)).ok).toBe(true);
    db.close();
  });

  it("refuses (exit 2) without old keys, with unchanged keys, or a new data key under the old key id", async () => {
    const path = join(dir, "refuse.sqlite");
    const base = { DATABASE_PATH: path, LOG_LEVEL: "error" };
    const old = { OLD_DATA_ENCRYPTION_KEY: OLD.DATA_ENCRYPTION_KEY, OLD_BLIND_INDEX_KEY: OLD.BLIND_INDEX_KEY, OLD_DATA_KEY_ID: "test" };
    expect((await createCliRunner({ ...base, ...NEW })("keys", "rotate", "--json")).last.error.code).toBe("no_old_keys");
    expect((await createCliRunner({ ...base, ...old })("keys", "rotate", "--json")).last.error.code).toBe("no_new_keys");
    expect((await createCliRunner({ ...base, ...OLD, ...old })("keys", "rotate", "--json")).last.error.code).toBe("same_keys");
    const sameId = await createCliRunner({ ...base, ...NEW, DATA_KEY_ID: "test", ...old })("keys", "rotate", "--json");
    expect(sameId).toMatchObject({ code: 2, last: { error: { code: "same_key_id" } } });
  });
});
