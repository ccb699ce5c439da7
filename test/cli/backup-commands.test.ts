import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { recordTally } from "../../src/core/tallies/record-tally";
import { seedDemo } from "../../src/core/demo/seed-demo";
import { resolveUnit } from "../../src/core/units/resolve-unit";
import { openSqliteDb } from "../../src/entry/sqlite-db";
import { createCliRunner } from "../helpers/run-cli";
import { createTestProtector } from "../helpers/test-db";

describe("bhyt db backup / restore", () => {
  it("backs up while a server writes, and the restore holds every tally committed before the backup finished", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bhyt-backup-"));
    const path = join(dir, "live.sqlite");
    const server = openSqliteDb(path);
    await seedDemo({ db: server, protector: await createTestProtector(), today: "2025-11-15" });
    const village = await resolveUnit(server, "Xuân Thành");
    let committed = 0;
    let writing = true;
    const writer = (async () => {
      for (let day = 1; writing && day <= 28; day++) {
        await recordTally(server, { officerId: null, channel: "cli", originalText: null, date: `2025-10-${String(day).padStart(2, "0")}`, entries: [{ unitId: village.id, group: "GD", indicator: "bhyt", count: 1 }], mode: "add" });
        committed++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const cli = createCliRunner({ DATABASE_PATH: path, LOG_LEVEL: "error" });
    const backupFile = join(dir, "backup.sqlite");
    const backup = await cli("db", "backup", backupFile, "--json");
    const committedAtBackup = committed;
    writing = false;
    await writer;
    expect(backup.code).toBe(0);
    const copy = new Database(backupFile, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    const inCopy = (copy.prepare("select count(*) as n from tally_entries").get() as { n: number }).n;
    copy.close();
    expect(inCopy).toBeGreaterThanOrEqual(committedAtBackup);
    expect((await cli("db", "backup", backupFile, "--json")).code).toBe(2); // never overwrites a backup
    server.close();

    const restoredPath = join(dir, "restored.sqlite");
    const restore = createCliRunner({ DATABASE_PATH: restoredPath, LOG_LEVEL: "error" });
    expect((await restore("db", "restore", backupFile, "--json")).code).toBe(2); // needs --yes
    const done = await restore("db", "restore", backupFile, "--yes", "--json");
    expect(done.last).toMatchObject({ ok: true, tallies: inCopy });
  });

  it("refuses to restore a file that is not a bhyt database", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bhyt-backup-"));
    const other = join(dir, "other.sqlite");
    new Database(other).exec("create table x (a)");
    const cli = createCliRunner({ DATABASE_PATH: join(dir, "db.sqlite"), LOG_LEVEL: "error" });
    expect((await cli("db", "restore", other, "--yes", "--json")).code).toBe(2);
  });
});
