import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config";
import { AppError } from "../../src/errors";
import { adminUnits } from "../../src/db/schema";
import { openSqliteShards, nationalFile, provinceFile, type SqliteShards } from "../../src/entry/sqlite-shards";
import { provinceOfIdentity, rememberIdentity } from "../../src/core/shards/national-directory";
import { shardForUnitCode } from "../../src/core/shards/shard-router";

let dir: string;
let open: SqliteShards | undefined;

afterEach(() => {
  open?.close();
  open = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const tables = (shards: SqliteShards, key: string) =>
  shards.files.get(key)!.sqlite.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all() as string[];

describe("Node shard router", () => {
  it("keeps one file by default, with the national tables inside it under their own migration tracker", async () => {
    dir = mkdtempSync(join(tmpdir(), "bhyt-shards-"));
    const config = parseConfig({ DATABASE_PATH: join(dir, "bhyt.sqlite") });
    expect(config.sharding).toEqual({ mode: "single" });
    open = openSqliteShards(config);
    expect(open.router.mode).toBe("single");
    // Any province (or none) is the one database.
    expect(open.router.forProvince("12")).toBe(open.router.forProvince("38"));
    const names = tables(open, "*");
    expect(names).toEqual(expect.arrayContaining(["cards", "national_identities", "national_province_rollups", "__drizzle_migrations", "__drizzle_migrations_national"]));
    await rememberIdentity(open.router.national, { channel: "telegram", externalKey: "7", provinceCode: "38", now: new Date() });
    expect(await provinceOfIdentity(open.router.national, "telegram", "7")).toBe("38");
    // Reopening applies nothing twice.
    open.close();
    open = openSqliteShards(config);
    expect(await provinceOfIdentity(open.router.national, "telegram", "7")).toBe("38");
  });

  it("opens one migrated file per province and a national file, each holding only its own data", async () => {
    dir = mkdtempSync(join(tmpdir(), "bhyt-shards-"));
    const config = parseConfig({ SHARDING: "province", DATABASE_DIR: dir, SHARD_PROVINCES: "38, 12" });
    expect(config.sharding).toEqual({ mode: "province", databaseDir: dir, provinces: ["12", "38"], defaultProvince: undefined });
    open = openSqliteShards(config);
    expect(open.router.provinces).toEqual(["12", "38"]);
    expect(open.router.defaultProvince).toBe("12");
    expect(existsSync(provinceFile(dir, "12")) && existsSync(provinceFile(dir, "38")) && existsSync(nationalFile(dir))).toBe(true);
    expect(tables(open, "12")).not.toContain("national_identities");
    await shardForUnitCode(open.router, "38-01-01").orm.insert(adminUnits).values({ code: "38", name: "Thanh Hóa", level: "province", searchKey: "thanh hoa", provinceCode: "38" });
    const count = async (province: string) => (await open!.router.forProvince(province).orm.all<{ n: number }>(sql`select count(*) as n from admin_units`))[0]!.n;
    expect(await count("38")).toBe(1);
    expect(await count("12")).toBe(0);
    expect(() => open!.router.forProvince("79")).toThrow(AppError);
    expect(() => shardForUnitCode(open!.router, "01234")).toThrow(AppError);
  });

  it("refuses province mode without provinces, and a default province it does not serve", () => {
    dir = mkdtempSync(join(tmpdir(), "bhyt-shards-"));
    expect(() => openSqliteShards(parseConfig({ SHARDING: "province", DATABASE_DIR: dir }))).toThrow(/SHARD_PROVINCES/);
    expect(() => openSqliteShards(parseConfig({ SHARDING: "province", DATABASE_DIR: dir, SHARD_PROVINCES: "12", DEFAULT_PROVINCE: "38" }))).toThrow(AppError);
    expect(() => parseConfig({ SHARDING: "province", SHARD_PROVINCES: "12,Hà Nội" })).toThrow(/SHARD_PROVINCES/);
  });
});
