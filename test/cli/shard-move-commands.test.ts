import Database from "better-sqlite3";
import { copyFileSync, existsSync, lstatSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config";
import { adminUnits } from "../../src/db/schema";
import { openSqliteShards, provinceFile } from "../../src/entry/sqlite-shards";
import { digestMismatches, tableDigests } from "../../src/cli/commands/shard-copy";
import { createCliRunner } from "../helpers/run-cli";

let dir: string;
let env: Record<string, string>;
let cli: ReturnType<typeof createCliRunner>;

/** Part 79_1 holds the whole of the province (two former districts); 79_2 is configured and empty. */
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "bhyt-shards-move-"));
  env = { SHARDING: "province", DATABASE_DIR: dir, SHARDS: "12,79_1,79_2", DEFAULT_SHARD: "12", LOG_LEVEL: "error" };
  cli = createCliRunner(env);
  const open = openSqliteShards(parseConfig(env));
  const db = open.router.forShard("79_1");
  const [province] = await db.orm.insert(adminUnits).values({ code: "79", name: "TP Hồ Chí Minh", level: "province", searchKey: "tp hcm", provinceCode: "79" }).returning();
  for (const code of ["79-01-01", "79-01-02", "79-02-01"]) await db.orm.insert(adminUnits).values({ code, name: `Phường ${code}`, level: "commune", parentId: province!.id, searchKey: code, provinceCode: "79" });
  open.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));


describe("bhyt shards move", () => {
  it("prints the plan without --confirm and changes nothing", async () => {
    const target = join(dir, "disk2", "79_1.sqlite");
    const run = await cli("shards", "move", "79_1", "--to", target, "--json");
    expect(run.code).toBe(0);
    expect(run.last.plan).toBe(true);
    expect(run.last.tables).toContainEqual(expect.objectContaining({ table: "admin_units", rows: 4 }));
    expect(existsSync(target)).toBe(false);
  });

  it("with --confirm copies, checks every table, points the shard at the copy and keeps the original", async () => {
    const source = provinceFile(dir, "79_1");
    const before = tableDigests(source);
    const target = join(dir, "moved-79_1.sqlite");
    const run = await cli("shards", "move", "79_1", "--to", target, "--confirm", "--json");
    expect(run.code).toBe(0);
    expect(lstatSync(source).isSymbolicLink()).toBe(true);
    expect(digestMismatches(before, tableDigests(target))).toEqual([]);
    const kept = readdirSync(dir).find((f) => f.startsWith("province-79_1.sqlite.before-move-") && !f.endsWith("-wal") && !f.endsWith("-shm"));
    expect(digestMismatches(before, tableDigests(join(dir, kept!)))).toEqual([]);
    // The server's router opens the moved file through the shard's usual path.
    const open = openSqliteShards(parseConfig(env));
    try {
      expect((await open.router.forShard("79_1").orm.select().from(adminUnits)).map((u) => u.code).sort()).toEqual(["79", "79-01-01", "79-01-02", "79-02-01"]);
    } finally {
      open.close();
    }
    // An existing file is never overwritten; an unknown shard is named.
    expect((await cli("shards", "move", "12", "--to", target, "--confirm")).code).toBe(2);
    expect((await cli("shards", "move", "38", "--to", join(dir, "x.sqlite"))).stderr).toContain("38");
  });
});

describe("checked copy", () => {
  it("finds a table whose rows differ, with equal counts or not", () => {
    const a = provinceFile(dir, "79_1");
    const b = join(dir, "copy.sqlite");
    copyFileSync(a, b);
    expect(digestMismatches(tableDigests(a), tableDigests(b))).toEqual([]);
    const db = new Database(b);
    db.prepare("update admin_units set name = 'Đổi' where code = '79-01-02'").run();
    db.close();
    expect(digestMismatches(tableDigests(a), tableDigests(b))).toEqual(["admin_units"]);
    const extra = new Database(b);
    extra.prepare("delete from admin_units where code = '79-02-01'").run();
    extra.close();
    expect(digestMismatches(tableDigests(a), tableDigests(b))).toEqual(["admin_units"]);
  });
});
