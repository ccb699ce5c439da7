import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config";
import { AppError } from "../../src/errors";
import { adminUnits } from "../../src/db/schema";
import { openSqliteShards, nationalFile, provinceFile, type SqliteShards } from "../../src/entry/sqlite-shards";
import { rememberIdentity, shardOfIdentity } from "../../src/core/shards/national-directory";
import { assignShard } from "../../src/core/shards/shard-assignments";
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

/** The AppError message key a promise rejects with. */
const rejection = (promise: Promise<unknown>) => promise.then(() => "resolved", (err: unknown) => (err instanceof AppError ? err.messageKey : String(err)));

describe("Node shard router", () => {
  it("keeps one file by default, with the national tables inside it under their own migration tracker", async () => {
    dir = mkdtempSync(join(tmpdir(), "bhyt-shards-"));
    const config = parseConfig({ DATABASE_PATH: join(dir, "bhyt.sqlite") });
    expect(config.sharding).toEqual({ mode: "single" });
    open = openSqliteShards(config);
    expect(open.router.mode).toBe("single");
    // Any unit, any province: the one database.
    expect(await shardForUnitCode(open.router, "12-01")).toBe(await shardForUnitCode(open.router, "38-01-01"));
    const names = tables(open, "*");
    expect(names).toEqual(expect.arrayContaining(["cards", "national_identities", "national_province_rollups", "__drizzle_migrations", "__drizzle_migrations_national"]));
    await rememberIdentity(open.router.national, { channel: "telegram", externalKey: "7", shard: "38", now: new Date() });
    expect(await shardOfIdentity(open.router.national, "telegram", "7")).toBe("38");
    // Reopening applies nothing twice and keeps what was written.
    open.close();
    open = openSqliteShards(config);
    expect(await shardOfIdentity(open.router.national, "telegram", "7")).toBe("38");
  });

  it("opens one migrated file per province and a national file, each holding only its own data", async () => {
    dir = mkdtempSync(join(tmpdir(), "bhyt-shards-"));
    const config = parseConfig({ SHARDING: "province", DATABASE_DIR: dir, SHARDS: "38, 12" });
    expect(config.sharding).toEqual({ mode: "province", databaseDir: dir, shards: ["12", "38"], defaultShard: undefined });
    open = openSqliteShards(config);
    expect(open.router.shards).toEqual(["12", "38"]);
    expect(open.router.defaultShard).toBe("12");
    expect(existsSync(provinceFile(dir, "12")) && existsSync(provinceFile(dir, "38")) && existsSync(nationalFile(dir))).toBe(true);
    expect(tables(open, "12")).not.toContain("national_identities");
    await (await shardForUnitCode(open.router, "38-01-01")).orm.insert(adminUnits).values({ code: "38", name: "Thanh Hóa", level: "province", searchKey: "thanh hoa", provinceCode: "38" });
    const count = async (shard: string) => (await open!.router.forShard(shard).orm.all<{ n: number }>(sql`select count(*) as n from admin_units`))[0]!.n;
    expect(await count("38")).toBe(1);
    expect(await count("12")).toBe(0);
    expect(() => open!.router.forShard("79")).toThrow(AppError);
    expect(await rejection(open.router.shardOfUnitCode("79-01"))).toBe("shard-unknown");
    expect(await rejection(open.router.shardOfUnitCode("01234"))).toBe("shard-unit-without-province");
  });

  it("splits a province too big for one database by unit-code prefix, longest prefix first", async () => {
    dir = mkdtempSync(join(tmpdir(), "bhyt-shards-"));
    open = openSqliteShards(parseConfig({ SHARDING: "province", DATABASE_DIR: dir, SHARDS: "12,79_1,79_2", DEFAULT_SHARD: "12" }));
    const now = new Date();
    await assignShard(open.router.national, { unitPrefix: "79-01", shard: "79_1", now });
    await assignShard(open.router.national, { unitPrefix: "79-02", shard: "79_2", now });
    // One commune of 79-01 moved to the second part.
    await assignShard(open.router.national, { unitPrefix: "79-01-07", shard: "79_2", now });
    expect(await open.router.shardOfUnitCode("79-01-03-02")).toBe("79_1");
    expect(await open.router.shardOfUnitCode("79-01")).toBe("79_1");
    expect(await open.router.shardOfUnitCode("79-01-07-01")).toBe("79_2");
    expect(await open.router.shardOfUnitCode("79-02-11")).toBe("79_2");
    // "79-010" is not under "79-01"; an unassigned unit is refused, never guessed.
    expect(await rejection(open.router.shardOfUnitCode("79-010"))).toBe("shard-unit-unassigned");
    expect(await rejection(open.router.shardOfUnitCode("79-03-01"))).toBe("shard-unit-unassigned");
    expect(await open.router.shardOfUnitCode("12-01")).toBe("12");
    expect(await rejection(assignShard(open.router.national, { unitPrefix: "12-01", shard: "79_1", now }))).toBe("shard-assignment-other-province");
    expect(existsSync(provinceFile(dir, "79_1")) && existsSync(provinceFile(dir, "79_2"))).toBe(true);
  });

  it("refuses province mode without shards, a default it does not serve, and malformed shard lists", () => {
    dir = mkdtempSync(join(tmpdir(), "bhyt-shards-"));
    expect(() => openSqliteShards(parseConfig({ SHARDING: "province", DATABASE_DIR: dir }))).toThrow(/SHARDS/);
    expect(() => openSqliteShards(parseConfig({ SHARDING: "province", DATABASE_DIR: dir, SHARDS: "12", DEFAULT_SHARD: "38" }))).toThrow(AppError);
    expect(() => parseConfig({ SHARDING: "province", SHARDS: "12,Hà Nội" })).toThrow(/SHARDS/);
    expect(() => parseConfig({ SHARDING: "province", SHARDS: "79_0" })).toThrow(/SHARDS/);
  });
});
