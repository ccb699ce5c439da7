import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCliRunner } from "../helpers/run-cli";
import { openSqliteDb } from "../../src/entry/sqlite-db";
import { adminUnits } from "../../src/db/schema";
import { provinceFile } from "../../src/entry/sqlite-shards";

// SHARDING=province: a province's dashboard accounts live in its own database, beside the units
// they are scoped to (the dashboard serves them from there); national ones in the default shard.
const dir = mkdtempSync(join(tmpdir(), "bhyt-admin-shards-"));
const env = { SHARDING: "province", DATABASE_DIR: dir, SHARDS: "12,38", DEFAULT_SHARD: "12", LOG_LEVEL: "error" };
const cli = createCliRunner(env);

const usernames = (shard: string) => {
  const db = openSqliteDb(provinceFile(dir, shard));
  try {
    return db.sqlite.prepare("select username from admin_accounts order by username").all().map((r) => (r as { username: string }).username);
  } finally {
    db.close();
  }
};

describe("bhyt admin with SHARDING=province", () => {
  it("creates a province account in the province's shard and a national one in the default shard", async () => {
    const listed0 = await cli("shards", "list", "--json");
    expect(listed0.code, listed0.stderr + JSON.stringify(listed0.last)).toBe(0);
    const db = openSqliteDb(provinceFile(dir, "38"));
    try {
      const [p] = await db.orm.insert(adminUnits).values({ code: "38", name: "Thanh Hóa", level: "province", searchKey: "thanh hoa" }).returning();
      await db.orm.insert(adminUnits).values({ code: "38-001", name: "Ngọc Phụng", level: "commune", parentId: p!.id, searchKey: "ngoc phung" });
    } finally {
      db.close();
    }
    const province = await cli("admin", "create", "thanhhoa", "--scope", "Thanh Hóa", "--json");
    expect(province.code, province.stderr + JSON.stringify(province.last)).toBe(0);
    expect(province.last).toMatchObject({ ok: true, username: "thanhhoa", scope: "38", shard: "38" });
    const national = await cli("admin", "create", "quocgia", "--json");
    expect(national.last).toMatchObject({ ok: true, scope: null, shard: "12" });
    expect(usernames("38")).toEqual(["thanhhoa"]);
    expect(usernames("12")).toEqual(["quocgia"]);

    // One name across every shard: signing in must find exactly one account.
    const again = await cli("admin", "create", "thanhhoa", "--json");
    expect(again.last).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(usernames("12")).toEqual(["quocgia"]);

    const reset = await cli("admin", "reset-password", "thanhhoa", "--json");
    expect(reset.last).toMatchObject({ ok: true, username: "thanhhoa" });
    const listed = await cli("admin", "list", "--json");
    expect(listed.last.accounts).toEqual(
      expect.arrayContaining([expect.objectContaining({ username: "thanhhoa", scope: "38", shard: "38" }), expect.objectContaining({ username: "quocgia", shard: "12" })]),
    );
    expect((await cli("admin", "create", "x-user", "--scope", "Không Có", "--json")).last).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});
