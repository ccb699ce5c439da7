/**
 * @module Bytes per card, per tally and per outbox message on SQLite with the real schema,
 * indexes and write paths, for docs/scale.md.
 *
 *   npm run measure:sizes -- [--cards 20000] [--tallies 20000] [--messages 10000] [--json]
 *
 * Cards: the synthetic roster (fictional ranges only) through the real `bhyt import cards`
 * (encryption, blind indexes, households). Tallies: `recordTally`, as the bot records
 * "Xuân Thành GD 12 HS 3" (one report, two entries). Outbox: renewal reminders planned by
 * `planReminders` day after day, then marked delivered with one delivery attempt each, as
 * the dispatcher leaves them. National: channel identities → shard, half Telegram ids and half
 * SMS blind indexes. After a VACUUM, `dbstat` gives the bytes of every table and
 * index (pages, so free space inside pages is counted, as D1 bills it). Nothing here runs in
 * the test suite.
 */
import Database from "better-sqlite3";
import { rmSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { openSqliteDb } from "../src/entry/sqlite-db";
import { openSqliteNational } from "../src/entry/national-db";
import { recordTally } from "../src/core/tallies/record-tally";
import { planReminders } from "../src/core/reminders/plan-reminders";
import { addDays } from "../src/core/time/day-math";
import { importCards, prepareUnitsDb } from "./lib/roster-db";
import { writeRoster } from "./lib/roster-csv";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const CARDS = option("cards", 20_000);
const TALLIES = option("tallies", 20_000);
const MESSAGES = option("messages", 10_000);

/** Bytes of each table and index (compacted), by name. */
function objectBytes(file: string): Map<string, number> {
  const sqlite = new Database(file);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.exec("VACUUM");
  const rows = sqlite.prepare("select name, sum(pgsize) as bytes from dbstat group by name").all() as { name: string; bytes: number }[];
  sqlite.close();
  return new Map(rows.map((r) => [r.name, r.bytes]));
}

/** Tables and their indexes, as sqlite_master names them. */
function objectsOf(file: string, tables: string[]): string[] {
  const sqlite = new Database(file, { readonly: true });
  const names = sqlite
    .prepare(`select name from sqlite_master where tbl_name in (${tables.map(() => "?").join(",")}) and type in ('table', 'index')`)
    .pluck()
    .all(...tables) as string[];
  sqlite.close();
  return names;
}

function growth(before: Map<string, number>, after: Map<string, number>, names: string[]): { bytes: number; parts: Record<string, number> } {
  const parts: Record<string, number> = {};
  for (const name of names) {
    const grew = (after.get(name) ?? 0) - (before.get(name) ?? 0);
    if (grew > 0) parts[name] = grew;
  }
  return { bytes: Object.values(parts).reduce((a, b) => a + b, 0), parts };
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), "bhyt-sizes-"));
  const env = prepareUnitsDb(join(work, "db"));
  const file = env.DATABASE_PATH!;
  const empty = objectBytes(file);

  // Cards through the real import.
  const csv = join(work, "roster.csv");
  await writeRoster(csv, CARDS, 7);
  importCards(env, csv);
  rmSync(csv);
  const withCards = objectBytes(file);
  const cardTables = ["households", "people", "cards"];
  const cardGrowth = growth(empty, withCards, objectsOf(file, cardTables));

  const db = openSqliteDb(file);

  // Tallies as the bot records them: one report (the original text kept) with two entries.
  const villages = (await db.orm.all<{ id: number }>(sql`select id from admin_units where level = 'village' order by id`)).map((v) => v.id);
  const [officer] = await db.orm.all<{ id: number }>(sql`insert into officers (role, scope_unit_id, created_at, updated_at) select 'commune', id, 0, 0 from admin_units where level = 'commune' limit 1 returning id`);
  for (let i = 0; i < TALLIES; i++) {
    const unitId = villages[i % villages.length]!;
    await recordTally(db, {
      officerId: officer!.id,
      channel: "telegram",
      originalText: `Xuân Thành GD ${1 + (i % 40)} HS ${i % 7}`,
      inboundKey: String(100_000 + i),
      date: addDays("2026-01-01", Math.floor(i / villages.length) % 365),
      entries: [
        { unitId, group: "GD", indicator: "bhyt", count: 1 + (i % 40) },
        { unitId, group: "HS", indicator: "bhyt", count: 1 + (i % 7) },
      ],
      mode: "add",
    });
  }
  db.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const withTallies = objectBytes(file);
  const tallyGrowth = growth(withCards, withTallies, objectsOf(file, ["tally_reports", "tally_entries"]));

  // Renewal reminders as planned, then as the dispatcher leaves them (delivered, one attempt).
  let messages = 0;
  for (let day = "2025-12-02"; messages < MESSAGES && day < "2027-01-01"; day = addDays(day, 1)) {
    await planReminders({ db, defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh", smsEnabled: true }, { today: day, now: new Date(`${day}T01:00:00Z`) });
    messages = (await db.orm.all<{ n: number }>(sql`select count(*) as n from outbox_messages`))[0]!.n;
  }
  db.sqlite.exec(`
    update outbox_messages set status = 'delivered', attempts = 1, provider_message_id = 'sms-' || (100000000 + id), sent_at = not_before + 1000, delivered_at = not_before + 9000, updated_at = not_before + 9000;
    insert into delivery_attempts (message_id, attempt, started_at, finished_at, outcome, http_status) select id, 1, not_before, not_before + 900, 'sent', 200 from outbox_messages;`);
  db.close();
  const withOutbox = objectBytes(file);
  const outboxGrowth = growth(withTallies, withOutbox, objectsOf(file, ["outbox_messages", "delivery_attempts", "reminder_plans"]));
  const entries = TALLIES * 2;

  // The national directory: one row per bound channel identity (Telegram ids, SMS blind indexes).
  const nationalPath = join(work, "national.sqlite");
  const nationalSqlite = new Database(nationalPath);
  openSqliteNational(nationalSqlite);
  const identities = Math.max(CARDS, 10_000);
  nationalSqlite.transaction(() => {
    const insert = nationalSqlite.prepare("insert into national_identities (channel, external_key, shard_key, updated_at) values (?, ?, ?, ?)");
    for (let i = 0; i < identities; i++) {
      // Half Telegram user ids (10 digits), half SMS blind indexes (32 hex characters), as the channels store them.
      const sms = i % 2 === 1;
      insert.run(sms ? "sms" : "telegram", sms ? createHash("sha256").update(`phone:${i}`).digest("hex").slice(0, 32) : String(5_000_000_000 + i), i % 3 === 0 ? "79_2" : "38", Date.now());
    }
  })();
  nationalSqlite.close();
  const nationalBytes = objectBytes(nationalPath);
  const identityBytes = [...nationalBytes].filter(([n]) => n.includes("national_identities")).reduce((a, [, b]) => a + b, 0);

  const result = {
    cards: { rows: CARDS, bytesPerCard: Math.round(cardGrowth.bytes / CARDS), parts: cardGrowth.parts },
    tallies: { reports: TALLIES, entries, bytesPerEntry: Math.round(tallyGrowth.bytes / entries), bytesPerReport: Math.round(tallyGrowth.bytes / TALLIES), parts: tallyGrowth.parts },
    outbox: { messages, bytesPerMessage: Math.round(outboxGrowth.bytes / messages), parts: outboxGrowth.parts },
    identities: { rows: identities, bytesPerIdentity: Math.round(identityBytes / identities) },
    fileBytes: [...withOutbox.values()].reduce((a, b) => a + b, 0),
  };
  rmSync(work, { recursive: true, force: true });
  if (args.includes("--json")) {
    console.log(JSON.stringify(result));
    return;
  }
  console.log(`cards:    ${result.cards.bytesPerCard} B/card over ${CARDS} cards`);
  console.log(`tallies:  ${result.tallies.bytesPerEntry} B/entry, ${result.tallies.bytesPerReport} B/report (2 entries) over ${TALLIES} reports`);
  console.log(`outbox:   ${result.outbox.bytesPerMessage} B/message over ${messages} delivered reminders`);
  console.log(`national: ${result.identities.bytesPerIdentity} B/identity over ${identities} channel identities`);
  for (const [what, parts] of [["cards", result.cards.parts], ["tallies", result.tallies.parts], ["outbox", result.outbox.parts]] as const) {
    console.log(`  ${what}: ${Object.entries(parts).map(([n, b]) => `${n} ${b}`).join(", ")}`);
  }
}

await main();
