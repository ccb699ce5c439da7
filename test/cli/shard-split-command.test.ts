import Database from "better-sqlite3";
import { existsSync, lstatSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config";
import { openSqliteShards, provinceFile, nationalFile } from "../../src/entry/sqlite-shards";
import { openSqliteDb } from "../../src/entry/sqlite-db";
import { assignShard } from "../../src/core/shards/shard-assignments";
import { planReminders, type PlanSummary } from "../../src/core/reminders/plan-reminders";
import { computeProvinceRollup } from "../../src/core/shards/province-rollup";
import { localDate } from "../../src/core/time/local-date";
import { zonedTime } from "../../src/core/time/zoned-time";
import { tableDigests } from "../../src/cli/commands/shard-copy";
import { SPLIT_RULES } from "../../src/cli/commands/shard-split-rules";
import { createCliRunner } from "../helpers/run-cli";
import { MOVING, rowsOf, seedPart } from "../helpers/shard-split-fixture";

const TZ = "Asia/Ho_Chi_Minh";
const today = localDate(new Date(), TZ);
let dir: string;
let env: Record<string, string>;
let cli: ReturnType<typeof createCliRunner>;
let movedHouseholds: number[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "bhyt-shards-split-"));
  env = { SHARDING: "province", DATABASE_DIR: dir, SHARDS: "12,79_1,79_2", DEFAULT_SHARD: "12", LOG_LEVEL: "error" };
  cli = createCliRunner(env);
  const open = openSqliteShards(parseConfig(env));
  try {
    await assignShard(open.router.national, { unitPrefix: "79", shard: "79_1", now: new Date() });
    ({ movedHouseholds } = await seedPart(open.router.forShard("79_1"), open.router.national, today));
  } finally {
    open.close();
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Plans today's reminders on a file: what was queued (key, channel, payload, contact) and the summary. */
async function planOn(path: string): Promise<{ queued: string[]; summary: PlanSummary }> {
  const db = openSqliteDb(path);
  try {
    const summary = await planReminders({ db, timezone: TZ, defaultLocale: "vi", smsEnabled: true }, { today, now: zonedTime(today, "08:00", TZ) });
    const rows = db.sqlite.prepare("select idempotency_key, channel, contact_id, payload from outbox_messages where idempotency_key like ? order by idempotency_key").all(`reminder:%:${today}`) as Record<string, unknown>[];
    return { queued: rows.map((r) => JSON.stringify(r)), summary };
  } finally {
    db.close();
  }
}

async function rollupOf(path: string) {
  const db = openSqliteDb(path);
  try {
    const { shardKey: _s, provinceCode: _p, computedAt: _c, day: _d, ...counts } = await computeProvinceRollup(db, { shard: "79_1", day: today, timezone: TZ, now: new Date() });
    return counts;
  } finally {
    db.close();
  }
}

function snapshot(path: string, to: string): string {
  const db = new Database(path);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.prepare("vacuum into ?").run(to);
  db.close();
  return to;
}

const split = (...extra: string[]) => cli("shards", "split", "79_1", "--into", "79_2", "--prefix", "79-02", ...extra, "--json");

describe("bhyt shards split", () => {
  it("prints rows that move and stay per table without --confirm, and changes nothing", async () => {
    const source = provinceFile(dir, "79_1");
    const before = tableDigests(source);
    const run = await split();
    expect(run.code).toBe(0);
    expect(run.last.plan).toBe(true);
    expect(run.last.units).toBe(2);
    const table = (name: string) => (run.last.tables as { table: string; rows: number; moving: number }[]).find((t) => t.table === name);
    expect(table("people")).toMatchObject({ rows: 18, moving: 6 });
    expect(table("cards")).toMatchObject({ rows: 18, moving: 6 });
    expect(table("outbox_messages")).toMatchObject({ rows: 3, moving: 1 });
    expect(table("indicators")).toMatchObject({ kind: "replicated", moving: table("indicators")!.rows });
    expect(tableDigests(source)).toEqual(before);
    expect(rowsOf(provinceFile(dir, "79_2"), "select count(*) as n from people")[0]!.n).toBe(0);
  });

  it("with --confirm splits the data so both parts plan exactly the reminders of the original and sum to its roll-up", async () => {
    const source = provinceFile(dir, "79_1");
    const original = snapshot(source, join(dir, "original.sqlite"));
    const reference = await planOn(snapshot(source, join(dir, "reference.sqlite")));
    const rollup = await rollupOf(original);
    expect(reference.queued.length).toBe(6); // per commune: the Telegram household and the roster-phone one
    expect(reference.summary.skipped.optedOut).toBe(6);

    const run = await split("--confirm");
    expect(run.code, JSON.stringify(run.last)).toBe(0);
    expect(run.last.identities).toBe(2);
    const [oldPart, newPart] = [provinceFile(dir, "79_1"), provinceFile(dir, "79_2")];

    // Nothing lost, nothing doubled: each partitioned table's rows add up, replicated ones are identical.
    const [whole, left, right] = [original, oldPart, newPart].map((p) => new Map(tableDigests(p).map((d) => [d.table, d.rows])));
    for (const [table, rows] of whole!) {
      const rule = SPLIT_RULES[table]!;
      if (rule.kind === "partition") expect(left!.get(table)! + right!.get(table)!, table).toBe(rows);
      if (rule.kind === "replicated") expect([left!.get(table), right!.get(table)], table).toEqual([rows, rows]);
    }
    expect(right!.get("admin_units")).toBe(3); // the moving commune and village, and the province above them

    // The opt-out and yesterday's SMS of moved households are in the new part only.
    const movedIds = JSON.stringify(movedHouseholds);
    const optOuts = (path: string) => rowsOf(path, "select count(*) as n from contacts where opted_out_at is not null and household_id in (select value from json_each(?))", movedIds)[0]!.n;
    expect([optOuts(oldPart), optOuts(newPart)]).toEqual([0, 1]);
    const sms = (path: string) => rowsOf(path, "select idempotency_key as k from outbox_messages").map((r) => r.k);
    const movedSms = sms(original).filter((k) => String(k).startsWith(`reminder:h${movedHouseholds[2]}:`));
    expect(movedSms).toHaveLength(1);
    expect(sms(newPart)).toEqual(movedSms);
    expect(sms(oldPart)).not.toContain(sms(newPart)[0]);
    expect(rowsOf(newPart, "select count(*) as n from delivery_attempts")[0]!.n).toBe(1);

    // Planning on both parts gives exactly the original's messages: none twice, none missing.
    const [a, b] = [await planOn(oldPart), await planOn(newPart)];
    expect([...a.queued, ...b.queued].sort()).toEqual(reference.queued);
    expect(a.summary.skipped.optedOut + b.summary.skipped.optedOut).toBe(reference.summary.skipped.optedOut);
    expect(a.summary.undeliverable + b.summary.undeliverable).toBe(reference.summary.undeliverable);

    // Roll-ups (cards, valid, expiring, enrolments, reports, outbox) sum to the original's.
    const [ra, rb] = [await rollupOf(oldPart), await rollupOf(newPart)];
    for (const key of Object.keys(rollup) as (keyof typeof rollup)[]) expect(ra[key] + rb[key], key).toBe(rollup[key]);
    expect(rb.enrolments).toBe(7);

    // The national database routes the moved units and senders to the new part; the original is kept.
    const open = openSqliteShards(parseConfig(env));
    try {
      expect(await open.router.shardOfUnitCode(`${MOVING}-01`)).toBe("79_2");
      expect(await open.router.shardOfUnitCode("79-01-02-01")).toBe("79_1");
    } finally {
      open.close();
    }
    const directory = rowsOf(nationalFile(dir), "select external_key as k, shard_key as s from national_identities order by k");
    expect(directory.filter((r) => r.s === "79_2").map((r) => r.k)).toEqual([`idx:${MOVING}:1`, `tg-${MOVING}`]);
    const kept = readdirSync(dir).find((f) => /^province-79_1\.sqlite\.before-split-[^-]/.test(f) && !/-(wal|shm)$/.test(f));
    expect(tableDigests(join(dir, kept!))).toEqual(tableDigests(original));
  });

  it("refuses, leaving every file as it was, when a row of one part would point at the other", async () => {
    // A staying commune's officer reported for a village that moves: the entry would name an officer left behind.
    const db = new Database(provinceFile(dir, "79_1"));
    db.prepare(`update tally_entries set officer_id = (select id from officers where display_name = 'Cán bộ 79-01-01') where unit_id = (select id from admin_units where code = '${MOVING}-01')`).run();
    db.close();
    const before = tableDigests(provinceFile(dir, "79_1"));
    // SQLite's own -wal/-shm companions aside, no file appears or goes.
    const listing = () => readdirSync(dir).filter((f) => !/-(wal|shm)$/.test(f)).sort();
    const files = listing();
    const run = await split("--confirm");
    expect(run.code).toBe(2);
    expect(run.last.error.dangling).toContain("tally_entries → officers");
    expect(tableDigests(provinceFile(dir, "79_1"))).toEqual(before);
    expect(listing()).toEqual(files);
    expect(rowsOf(nationalFile(dir), "select unit_prefix as p from national_shard_assignments").map((r) => r.p)).toEqual(["79"]);
  });

  it("is not refused for a link already broken in the original; --to puts the new part elsewhere, behind a link", async () => {
    const db = new Database(provinceFile(dir, "79_1"));
    db.pragma("foreign_keys = OFF");
    db.prepare("insert into consents (contact_id, purpose, channel, wording, given_at, created_at) values (99999, 'expiry_reminders', 'telegram', 'x', 0, 0)").run();
    db.close();
    const target = join(dir, "disk2", "part-2.sqlite");
    const run = await split("--to", target, "--confirm");
    expect(run.code, JSON.stringify(run.last)).toBe(0);
    expect(lstatSync(provinceFile(dir, "79_2")).isSymbolicLink()).toBe(true);
    expect(rowsOf(provinceFile(dir, "79_2"), "select count(*) as n from people")[0]!.n).toBe(6);
    expect(rowsOf(provinceFile(dir, "79_1"), "select count(*) as n from consents where contact_id = 99999")[0]!.n).toBe(1);
    // The empty file 79_2 had before is kept aside, not deleted.
    expect(readdirSync(dir).some((f) => f.startsWith("province-79_2.sqlite.before-split-"))).toBe(true);
  });

  it("refuses when units would stay in a part the router no longer sends them to", async () => {
    const national = new Database(nationalFile(dir));
    national.prepare("insert into national_shard_assignments (unit_prefix, shard_key, updated_at) values ('79-01-02', '79_3', 0)").run();
    national.close();
    const run = await split("--confirm");
    expect(run.code).toBe(2);
    expect(run.last.error.elsewhere).toEqual(["79-01-02", "79-01-02-01"]);
  });

  it("undoes the switch when the national database cannot be written", async () => {
    const national = new Database(nationalFile(dir));
    national.exec("create trigger refuse before insert on national_shard_assignments begin select raise(abort, 'disk full'); end");
    national.close();
    const before = tableDigests(provinceFile(dir, "79_1"));
    const listing = () => readdirSync(dir).filter((f) => !/-(wal|shm)$/.test(f)).sort();
    const files = listing();
    const run = await split("--confirm");
    expect(run.code).not.toBe(0);
    expect(tableDigests(provinceFile(dir, "79_1"))).toEqual(before);
    expect(listing()).toEqual(files);
    expect(rowsOf(provinceFile(dir, "79_2"), "select count(*) as n from people")[0]!.n).toBe(0);
    expect(rowsOf(nationalFile(dir), "select count(*) as n from national_identities where shard_key = '79_2'")[0]!.n).toBe(0);
  });

  it("refuses a whole-province database, a prefix of another province or naming no unit, and a part holding data", async () => {
    expect((await cli("shards", "split", "12", "--into", "79_2", "--prefix", "12-01")).code).toBe(2);
    expect((await cli("shards", "split", "79_1", "--into", "79_2", "--prefix", "12-01")).code).toBe(2);
    const nothing = await cli("shards", "split", "79_1", "--into", "79_2", "--prefix", "79-09");
    expect([nothing.code, nothing.stderr.includes("79-09")]).toEqual([2, true]);
    expect((await cli("shards", "split", "79_1", "--into", "38_2", "--prefix", "79-02")).stderr).toContain("38_2");
    expect((await split("--confirm")).code).toBe(0);
    // 79_2 now holds data: a second split into it is refused.
    expect((await cli("shards", "split", "79_1", "--into", "79_2", "--prefix", "79-01-02", "--json")).last.error).toBeDefined();
    expect(existsSync(provinceFile(dir, "79_2"))).toBe(true);
  });

  it("splits a whole-province database into two parts: the rest becomes --rest, the router and the directory follow", async () => {
    // Its own directory: the province starts whole (no part, no assignment).
    const home = join(dir, "whole");
    const wholeEnv = { ...env, DATABASE_DIR: home, SHARDS: "12,79,79_1,79_2" };
    const open = openSqliteShards(parseConfig(wholeEnv));
    try {
      await seedPart(open.router.forShard("79"), open.router.national, today, "79");
    } finally {
      open.close();
    }
    const reference = await planOn(snapshot(provinceFile(home, "79"), join(home, "reference.sqlite")));
    const run = await createCliRunner(wholeEnv)("shards", "split", "79", "--into", "79_2", "--rest", "79_1", "--prefix", "79-02", "--confirm", "--json");
    expect(run.code, JSON.stringify(run.last)).toBe(0);
    expect(existsSync(provinceFile(home, "79"))).toBe(false);
    const [a, b] = [await planOn(provinceFile(home, "79_1")), await planOn(provinceFile(home, "79_2"))];
    expect([...a.queued, ...b.queued].sort()).toEqual(reference.queued);
    expect(b.queued.length).toBe(2);
    expect(rowsOf(nationalFile(home), "select unit_prefix as p, shard_key as s from national_shard_assignments order by p")).toContainEqual({ p: "79-02", s: "79_2" });
    expect(rowsOf(nationalFile(home), "select count(*) as n from national_identities where shard_key = '79'")[0]!.n).toBe(0);
    const parts = openSqliteShards(parseConfig({ ...wholeEnv, SHARDS: "12,79_1,79_2" }));
    try {
      expect(await parts.router.shardOfUnitCode(`${MOVING}-01`)).toBe("79_2");
      expect(await parts.router.shardOfUnitCode("79-01-02-01")).toBe("79_1");
    } finally {
      parts.close();
    }
    // Without --rest a whole province is refused.
    expect((await createCliRunner(wholeEnv)("shards", "split", "12", "--into", "79_2", "--prefix", "12-01")).code).toBe(2);
  });
});
