import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { isBusy, openSqliteDb } from "../../src/entry/sqlite-db";
import { rawStep } from "../../src/db/client";
import { seedDemo } from "../../src/core/demo/seed-demo";
import { resolveUnit } from "../../src/core/units/resolve-unit";
import { createTestProtector } from "../helpers/test-db";

const CHILD = fileURLToPath(new URL("../helpers/tally-writer-child.ts", import.meta.url));

function runChild(args: string[]): Promise<{ code: number; out: Record<string, unknown> }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", CHILD, ...args], { timeout: 120_000 }, (err, stdout) => {
      const last = stdout.trim().split("\n").at(-1) ?? "{}";
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: JSON.parse(last.startsWith("{") ? last : "{}") });
    });
  });
}

describe("SQLite under concurrent writers", () => {
  it("starts an atomic unit over when another connection holds the write lock past busy_timeout", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "bhyt-busy-")), "db.sqlite");
    const holder = openSqliteDb(path);
    const waiter = openSqliteDb(path, { migrate: false, busyTimeoutMs: 10, busyRetries: 10 });
    holder.sqlite.exec("BEGIN IMMEDIATE");
    let busySeen = false;
    try {
      waiter.sqlite.exec("BEGIN IMMEDIATE");
    } catch (err) {
      busySeen = isBusy(err);
    }
    expect(busySeen).toBe(true);
    setTimeout(() => holder.sqlite.exec("COMMIT"), 150);
    await waiter.atomic([rawStep(sql`insert into app_meta (key, value, updated_at) values ('busy-test', 'written', 0)`)]);
    expect(holder.sqlite.prepare("select value from app_meta where key = 'busy-test'").get()).toEqual({ value: "written" });
    // Without retries the same wait is an error the caller sees, not a silent loss.
    const impatient = openSqliteDb(path, { migrate: false, busyTimeoutMs: 10, busyRetries: 0 });
    holder.sqlite.exec("BEGIN IMMEDIATE");
    await expect(impatient.atomic([rawStep(sql`insert into app_meta (key, value, updated_at) values ('busy-2', 'x', 0)`)])).rejects.toSatisfy(isBusy);
    holder.sqlite.exec("ROLLBACK");
    for (const d of [holder, waiter, impatient]) d.close();
  });

  it("loses no tally when three processes write while a fourth keeps taking the write lock", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "bhyt-writers-")), "db.sqlite");
    const db = openSqliteDb(path);
    await seedDemo({ db, protector: await createTestProtector(), today: "2025-11-15" });
    const unit = await resolveUnit(db, "Xuân Thành");
    const before = db.sqlite.prepare("select count(*) as n from tally_entries").get() as { n: number };
    db.close();
    const PER_WRITER = 120;
    const results = await Promise.all([
      runChild(["hog", path, "120", "12"]),
      ...["w1", "w2", "w3"].map((tag) => runChild(["write", path, String(unit.id), String(PER_WRITER), tag])),
    ]);
    expect(results).toMatchObject(results.map(() => ({ code: 0 })));
    expect(results.slice(1).map((r) => r.out.saved)).toEqual([PER_WRITER, PER_WRITER, PER_WRITER]);
    const check = openSqliteDb(path, { migrate: false });
    const after = check.sqlite.prepare("select count(*) as n from tally_entries").get() as { n: number };
    const keys = check.sqlite.prepare("select count(distinct external_id) as n from inbound_updates where channel = 'sms'").get() as { n: number };
    check.close();
    expect(after.n - before.n).toBe(3 * PER_WRITER);
    expect(keys.n).toBe(3 * PER_WRITER);
  }, 120_000);
});
