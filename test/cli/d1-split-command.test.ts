import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config";
import { openSqliteShards, provinceFile, nationalFile } from "../../src/entry/sqlite-shards";
import { openSqliteDb } from "../../src/entry/sqlite-db";
import { assignShard } from "../../src/core/shards/shard-assignments";
import { planReminders } from "../../src/core/reminders/plan-reminders";
import { localDate } from "../../src/core/time/local-date";
import { zonedTime } from "../../src/core/time/zoned-time";
import { digestMismatches, tableDigests } from "../../src/cli/commands/shard-copy";
import { SPLIT_RULES } from "../../src/cli/commands/shard-split-rules";
import { dumpSqlite, loadSqlDump } from "../../src/cli/sql-dump";
import { createCliRunner } from "../helpers/run-cli";
import { MOVING, seedPart } from "../helpers/shard-split-fixture";

// A province part held in D1, split through export files: the part's and the national
// database's exports go in, one SQL file per part and the new assignments come out. The parts
// are then loaded as a fresh D1 would load them and must plan exactly the original's reminders
// and hold, table by table, exactly the original's rows between them. One part also goes
// through a real local D1 (wrangler d1 execute, then wrangler d1 export; local state beside the
// test's own wrangler.toml) and comes back unchanged; that real export, which an empty D1
// refuses as it is, loads once `bhyt d1 move` has rewritten it.

const TZ = "Asia/Ho_Chi_Minh";
const today = localDate(new Date(), TZ);
const ROOT = join(import.meta.dirname, "../..");
let dir: string;
const cli = createCliRunner({ LOG_LEVEL: "error" });
const exports = { part: "", national: "" };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bhyt-d1-split-"));
  const env = { SHARDING: "province", DATABASE_DIR: join(dir, "files"), SHARDS: "12,79_1,79_2", DEFAULT_SHARD: "12", LOG_LEVEL: "error" };
  const open = openSqliteShards(parseConfig(env));
  try {
    await assignShard(open.router.national, { unitPrefix: "79", shard: "79_1", now: new Date() });
    await seedPart(open.router.forShard("79_1"), open.router.national, today);
  } finally {
    open.close();
  }
  // What `wrangler d1 export` hands the operator: the part and the national database as SQL.
  exports.part = join(dir, "79_1.export.sql");
  exports.national = join(dir, "national.export.sql");
  writeFileSync(exports.part, dumpSqlite(provinceFile(env.DATABASE_DIR, "79_1")).sql);
  writeFileSync(exports.national, dumpSqlite(nationalFile(env.DATABASE_DIR)).sql);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A SQL file loaded into a new SQLite file, as a fresh D1 database would hold it. */
function loaded(sqlFile: string, name: string): string {
  const path = join(dir, `${name}.sqlite`);
  rmSync(path, { force: true });
  loadSqlDump(path, readFileSync(sqlFile, "utf8"));
  return path;
}

async function planned(path: string): Promise<string[]> {
  const db = openSqliteDb(path);
  try {
    await planReminders({ db, timezone: TZ, defaultLocale: "vi", smsEnabled: true }, { today, now: zonedTime(today, "08:00", TZ) });
    return (db.sqlite.prepare("select idempotency_key || ' ' || channel from outbox_messages where idempotency_key like ? order by 1").pluck().all(`reminder:%:${today}`) as string[]);
  } finally {
    db.close();
  }
}

/** Three empty local D1 databases beside the test: the new part, and two for `bhyt d1 move`. */
function writeD1Config(path: string): void {
  const db = (binding: string, name: string, id: number) => `[[d1_databases]]\nbinding = "${binding}"\ndatabase_name = "${name}"\ndatabase_id = "00000000-0000-0000-0000-${String(id).padStart(12, "0")}"\n`;
  writeFileSync(path, `name = "split-check"\ncompatibility_date = "2026-05-03"\n\n${db("DB", "part-79-2", 792)}${db("MOVED", "moved", 793)}${db("RAW", "raw", 794)}`);
}
const wrangler = (...args: string[]) =>
  execFileSync(join(ROOT, "node_modules/.bin/wrangler"), [...args, "--local", "--config", join(dir, "wrangler.toml")], { cwd: dir, stdio: "pipe", env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" } });

const split = (out: string, ...extra: string[]) =>
  cli("d1", "split", "79_1", "--into", "79_2", "--prefix", "79-02", "--export", exports.part, "--national", exports.national, "--out", out, ...extra, "--json");

describe("bhyt d1 split", () => {
  it("prints the plan without --confirm and writes nothing", async () => {
    const out = join(dir, "plan");
    const run = await split(out);
    expect(run.code).toBe(0);
    expect(run.last).toMatchObject({ plan: true, units: 2 });
    expect(existsSync(join(out, "79_2.sql"))).toBe(false);
    expect(existsSync(join(out, ".work"))).toBe(false);
  });

  it("writes each part for a new D1 database: between them exactly the original's rows, and the same reminders planned", async () => {
    const out = join(dir, "out");
    const run = await split(out, "--confirm");
    expect(run.code, JSON.stringify(run.last)).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["79_1.sql", "79_2.sql", "national.sql"]);

    const original = loaded(exports.part, "original");
    const rest = loaded(join(out, "79_1.sql"), "rest");
    const moved = loaded(join(out, "79_2.sql"), "moved");
    const digests = (p: string) => new Map(tableDigests(p).map((d) => [d.table, d]));
    const [o, r, m] = [digests(original), digests(rest), digests(moved)];
    for (const [table, whole] of o) {
      const kind = SPLIT_RULES[table]!.kind;
      if (kind === "partition") expect(r.get(table)!.rows + m.get(table)!.rows, table).toBe(whole.rows);
      if (kind === "replicated") expect([r.get(table)!.checksum, m.get(table)!.checksum], table).toEqual([whole.checksum, whole.checksum]);
    }
    const units = (p: string) => new Database(p, { readonly: true }).prepare("select code from admin_units where code like ? order by code").pluck().all(`${MOVING}%`);
    expect(units(moved).length).toBeGreaterThan(0);
    expect(units(rest)).toEqual([]);

    const before = await planned(original);
    const after = [...(await planned(rest)), ...(await planned(moved))].sort();
    expect(before.length).toBeGreaterThan(0);
    expect(after).toEqual(before);

    // The national statements assign the prefix to the new part.
    const national = loaded(exports.national, "national");
    const db = new Database(national);
    db.exec(readFileSync(join(out, "national.sql"), "utf8"));
    expect(db.prepare("select shard_key from national_shard_assignments where unit_prefix = '79-02'").pluck().get()).toBe("79_2");
    db.close();
  }, 60_000);

  it("a part's file loads into a real local D1 and exports back unchanged", async () => {
    const out = join(dir, "out");
    const config = join(dir, "wrangler.toml");
    writeD1Config(config);
    wrangler("d1", "execute", "part-79-2", "--file", join(out, "79_2.sql"), "--yes");
    const back = join(dir, "79_2.back.sql");
    wrangler("d1", "export", "part-79-2", "--output", back);
    const mismatches = digestMismatches(tableDigests(loaded(join(out, "79_2.sql"), "sent")), tableDigests(loaded(back, "returned")));
    expect(mismatches).toEqual([]);
  }, 120_000);

  it("bhyt d1 move makes a real D1 export loadable into an empty D1 database, which the export itself is not", async () => {
    // The export taken from the local D1 in the test above, as `wrangler d1 export` writes it.
    const exported = join(dir, "79_2.back.sql");
    expect(() => wrangler("d1", "execute", "raw", "--file", exported, "--yes")).toThrow(/no such table/);
    const moved = join(dir, "moved.sql");
    const run = await cli("d1", "move", "--export", exported, "--out", moved, "--json");
    expect(run.code, JSON.stringify(run.last)).toBe(0);
    expect(run.last.rows).toBeGreaterThan(0);
    wrangler("d1", "execute", "moved", "--file", moved, "--yes");
    const back = join(dir, "moved.back.sql");
    wrangler("d1", "export", "moved", "--output", back);
    expect(digestMismatches(tableDigests(loaded(exported, "exported")), tableDigests(loaded(back, "moved-back")))).toEqual([]);
    expect((await cli("d1", "move", "--export", exported, "--out", moved, "--json")).last).toMatchObject({ ok: false, error: { code: "conflict" } });
  }, 120_000);

  it("refuses to overwrite an output and names what is missing", async () => {
    expect((await split(join(dir, "out"), "--confirm")).last).toMatchObject({ ok: false, error: { code: "conflict" } });
    const missing = await cli("d1", "split", "79_1", "--into", "79_2", "--prefix", "79-02", "--json");
    expect(missing.code).toBe(2);
    expect(missing.last.error.message).toContain("--export");
  });
});
