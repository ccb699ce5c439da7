import { createHmac } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { seedDemo } from "../../src/core/demo/seed-demo";
import type { Protector } from "../../src/core/privacy/protector";
import { readCardIdentifier } from "../../src/core/residents/card-identifier";
import { findCandidates } from "../../src/core/residents/find-card";
import { STAGED_CARD_FIELDS } from "../../src/core/imports/card-sql";
import { NATIONAL_MIGRATIONS_DIR, NATIONAL_MIGRATIONS_TABLE, openSqliteNational } from "../../src/entry/national-db";
import { MIGRATIONS_DIR, openSqliteDb, type SqliteDb } from "../../src/entry/sqlite-db";
import { createTestProtector } from "../helpers/test-db";

const TODAY = new Date().toISOString().slice(0, 10);
/** A staged row's blind-index fields and their namespaces (card-payload.ts). */
const STAGED = [["dobIdx", "dob"], ["bhxhIdx", "bhxh"], ["idIdx", "id"], ["phoneIdx", "phone"], ["cardIdx", "card"]] as const;
const STAGED_VALUE = "9900000042";
const INDEX_KEY = new Uint8Array(32).fill(9); // createTestProtector's

/** A staged row's blind-index fields, as `protector` computes them for STAGED_VALUE. */
async function stagedIndexes(protector: Protector): Promise<Record<string, string>> {
  return Object.fromEntries(await Promise.all(STAGED.map(async ([field, ns]) => [field, await protector.blindIndex(ns, STAGED_VALUE)] as const)));
}

/** The protector as it was before migration 0015: the whole HMAC-SHA256 as the blind index. */
async function legacyProtector(): Promise<Protector> {
  const current = await createTestProtector();
  const full = (ns: string, v: string) => createHmac("sha256", INDEX_KEY).update(`${ns}:${v}`, "utf8").digest("hex");
  return { seal: current.seal, open: current.open, blindIndex: async (ns, v) => full(ns, v) };
}

/** A migrations folder as it was before `tag` (its journal cut there). */
function migrationsBefore(folder: string, tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), "bhyt-migrations-"));
  cpSync(folder, dir, { recursive: true });
  const journal = JSON.parse(readFileSync(join(dir, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at).toBeGreaterThanOrEqual(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(join(dir, "meta/_journal.json"), JSON.stringify(journal));
  return dir;
}

describe("migration 0015: blind indexes cut to 128 bits", () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => cleanup.splice(0).forEach((f) => f()));

  async function upgradedDemo(): Promise<{ db: SqliteDb; legacy: Protector; phone: string }> {
    const before = migrationsBefore(MIGRATIONS_DIR, "0015_blind_index_128");
    const db = openSqliteDb(":memory:", { migrate: false });
    cleanup.push(() => (db.close(), rmSync(before, { recursive: true, force: true })));
    const orm = drizzle({ client: db.sqlite });
    migrate(orm, { migrationsFolder: before });
    const legacy = await legacyProtector();
    await seedDemo({ db, protector: legacy, today: TODAY });
    // What the old code stored for an opted-out SMS sender, its half-finished conversation,
    // an invite, and a reminder waiting to go to a roster phone (with the loop guard's key).
    const phone = "0912345678";
    const phoneIdx = await legacy.blindIndex("phone", phone);
    const now = Date.now();
    db.sqlite.prepare("insert into contacts (kind, locale, opted_out_at, created_at, updated_at) values ('resident', 'vi', ?, ?, ?)").run(now, now, now);
    db.sqlite.prepare("insert into channel_identities (contact_id, channel, external_key, created_at, updated_at) values (last_insert_rowid(), 'sms', ?, ?, ?)").run(phoneIdx, now, now);
    db.sqlite.prepare("insert into channel_identities (contact_id, channel, external_key, created_at, updated_at) values (1, 'telegram', ?, ?, ?)").run("a".repeat(64), now, now);
    db.sqlite.prepare("insert into conversation_states (channel, external_key, kind, data, expires_at, updated_at) values ('sms', ?, 'resident_dob', '{}', ?, ?)").run(phoneIdx, now + 60_000, now);
    const village = db.sqlite.prepare("select id from admin_units where level = 'village' limit 1").pluck().get() as number;
    db.sqlite.prepare("insert into invite_codes (code_hash, role, scope_unit_id, expires_at, created_at) values (?, 'village_officer', ?, ?, ?)").run(await legacy.blindIndex("invite", "K7M2Q9"), village, now + 3_600_000, now);
    const payload = JSON.stringify({ vars: {}, toEnc: await legacy.seal(phone), phoneIdx, loopKey: await legacy.blindIndex("sms-loop", `${phone}\nxin chào`) });
    db.sqlite.prepare("insert into outbox_messages (idempotency_key, channel, purpose, template_key, payload, status, not_before, attempts, created_at, updated_at) values ('k1', 'sms', 'expiry_reminder', 'reminder-expiring', ?, 'pending', ?, 0, ?, ?)").run(payload, now, now, now);
    // A Zalo OA reminder with the roster phone as fallback, and an import still staged: typed
    // card rows, and JSON rows as object, as the older array and keyed by personal ID.
    const fallback = JSON.stringify({ vars: {}, fallback: { toEnc: await legacy.seal(phone), phoneIdx } });
    db.sqlite.prepare("insert into outbox_messages (idempotency_key, channel, purpose, template_key, payload, status, not_before, attempts, created_at, updated_at) values ('k2', 'zalo_oa', 'expiry_reminder', 'reminder-expiring', ?, 'pending', ?, 0, ?, ?)").run(fallback, now, now, now);
    const batch = Number(db.sqlite.prepare("insert into import_batches (kind, created_at) values ('cards', ?)").run(now).lastInsertRowid);
    const staged = await stagedIndexes(legacy);
    db.sqlite.prepare("insert into card_staging_rows (batch_id, row_number, unit_id, name_enc, dob_idx, bhxh_idx, id_idx, phone_idx, card_idx) values (?, 2, ?, 'v1.test.x', ?, ?, ?, ?, ?)").run(batch, village, staged.dobIdx, staged.bhxhIdx, staged.idIdx, staged.phoneIdx, staged.cardIdx);
    const array = STAGED_CARD_FIELDS.map((f) => staged[f] ?? null);
    const stage = db.sqlite.prepare("insert into import_staging_rows (batch_id, row_number, key, payload) values (?, ?, ?, ?)");
    stage.run(batch, 3, staged.bhxhIdx, JSON.stringify(staged));
    stage.run(batch, 4, `id:${staged.idIdx}`, JSON.stringify(array));
    db.sqlite.prepare("insert into audit_log (at, actor_kind, actor_id, action) values (?, 'resident', ?, 'card.lookup_failed')").run(now, `sms:${phoneIdx}`);
    migrate(orm, { migrationsFolder: MIGRATIONS_DIR });
    return { db, legacy, phone };
  }

  it("keeps every stored blind index equal to what the new code computes for its value", async () => {
    const { db, phone } = await upgradedDemo();
    const protector = await createTestProtector();
    const people = db.sqlite.prepare("select bhxh_number_enc, bhxh_number_idx, id_number_enc, id_number_idx, date_of_birth_enc, date_of_birth_idx, phone_enc, phone_idx from people").all() as Record<string, string | null>[];
    expect(people.length).toBeGreaterThan(100);
    for (const p of people.slice(0, 40)) {
      for (const [field, ns] of [["bhxh_number", "bhxh"], ["id_number", "id"], ["date_of_birth", "dob"], ["phone", "phone"]] as const) {
        const sealed = p[`${field}_enc`];
        if (sealed) expect(p[`${field}_idx`]).toBe(await protector.blindIndex(ns, await protector.open(sealed)));
      }
    }
    const card = db.sqlite.prepare("select card_code_enc, card_code_idx from cards limit 1").get() as { card_code_enc: string; card_code_idx: string };
    expect(card.card_code_idx).toBe(await protector.blindIndex("card", await protector.open(card.card_code_enc)));
    const phoneIdx = await protector.blindIndex("phone", phone);
    expect(db.sqlite.prepare("select count(*) from channel_identities ci join contacts c on c.id = ci.contact_id where ci.channel = 'sms' and ci.external_key = ? and c.opted_out_at is not null").pluck().get(phoneIdx)).toBe(1);
    expect(db.sqlite.prepare("select count(*) from conversation_states where channel = 'sms' and external_key = ?").pluck().get(phoneIdx)).toBe(1);
    expect(db.sqlite.prepare("select count(*) from invite_codes where code_hash = ?").pluck().get(await protector.blindIndex("invite", "K7M2Q9"))).toBe(1);
    const payload = JSON.parse(db.sqlite.prepare("select payload from outbox_messages where idempotency_key = 'k1'").pluck().get() as string) as Record<string, string>;
    expect(payload.phoneIdx).toBe(phoneIdx);
    expect(payload.loopKey).toBe(await protector.blindIndex("sms-loop", `${phone}\nxin chào`));
    // The look-up guard still counts this sender's failed look-ups (actor `sms:<index>`).
    expect(db.sqlite.prepare("select actor_id from audit_log where action = 'card.lookup_failed'").pluck().get()).toBe(`sms:${phoneIdx}`);
    expect(JSON.parse(db.sqlite.prepare("select payload from outbox_messages where idempotency_key = 'k2'").pluck().get() as string).fallback.phoneIdx).toBe(phoneIdx);
    const expected = await stagedIndexes(protector);
    expect(db.sqlite.prepare("select dob_idx dobIdx, bhxh_idx bhxhIdx, id_idx idIdx, phone_idx phoneIdx, card_idx cardIdx from card_staging_rows").get()).toEqual(expected);
    const rows = db.sqlite.prepare("select key, payload from import_staging_rows order by row_number").all() as { key: string; payload: string }[];
    expect(rows.map((r) => r.key)).toEqual([expected.bhxhIdx, `id:${expected.idIdx}`]);
    expect(JSON.parse(rows[0]!.payload)).toEqual(expected);
    expect(JSON.parse(rows[1]!.payload)).toEqual(STAGED_CARD_FIELDS.map((f) => expected[f] ?? null));
    // The roster's look-up indexes are back after the rebuild, unique where they were.
    const indexes = db.sqlite.prepare("select name, sql from sqlite_master where type = 'index' and name in ('people_bhxh_idx_uq', 'people_id_idx_uq', 'people_phone_idx', 'cards_code_idx') order by name").all() as { name: string; sql: string }[];
    expect(indexes.map((i) => [i.name, i.sql.startsWith("CREATE UNIQUE")])).toEqual([["cards_code_idx", false], ["people_bhxh_idx_uq", true], ["people_id_idx_uq", true], ["people_phone_idx", false]]);
    // Only blind indexes are cut: another channel's key of the same length is a platform id.
    expect(db.sqlite.prepare("select external_key from channel_identities where channel = 'telegram'").pluck().get()).toBe("a".repeat(64));
  });

  it("cuts the national directory's SMS identities too (national migration 0001)", async () => {
    const before = migrationsBefore(NATIONAL_MIGRATIONS_DIR, "0001_blind_index_128");
    const sqlite = new Database(":memory:");
    cleanup.push(() => (sqlite.close(), rmSync(before, { recursive: true, force: true })));
    migrate(drizzle({ client: sqlite }), { migrationsFolder: before, migrationsTable: NATIONAL_MIGRATIONS_TABLE });
    const legacy = await legacyProtector();
    const insert = sqlite.prepare("insert into national_identities (channel, external_key, shard_key, updated_at) values (?, ?, '38', 0)");
    insert.run("sms", await legacy.blindIndex("phone", "0912345678"));
    insert.run("telegram", "5000000001");
    openSqliteNational(sqlite);
    const keys = sqlite.prepare("select channel, external_key from national_identities order by channel").raw().all();
    expect(keys).toEqual([["sms", await (await createTestProtector()).blindIndex("phone", "0912345678")], ["telegram", "5000000001"]]);
  });

  it("finds a resident by BHXH number and card code after the upgrade, as before it", async () => {
    const { db, legacy } = await upgradedDemo();
    const protector = await createTestProtector();
    const someone = db.sqlite.prepare("select p.id, p.bhxh_number_enc, c.card_code_enc from people p join cards c on c.person_id = p.id where p.bhxh_number_enc is not null limit 1").get() as { id: number; bhxh_number_enc: string; card_code_enc: string };
    const bhxhNumber = await legacy.open(someone.bhxh_number_enc);
    expect(await findCandidates(db, protector, { kind: "bhxh", bhxhNumber })).toEqual([someone.id]);
    const byCard = readCardIdentifier(await legacy.open(someone.card_code_enc));
    expect(byCard?.kind).toBe("card");
    expect(await findCandidates(db, protector, byCard!)).toEqual([someone.id]);
  });
});
