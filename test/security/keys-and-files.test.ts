/**
 * Issue 19: with DATA_ENCRYPTION_KEY set and BLIND_INDEX_KEY unset the configured key was
 * ignored and a new keys.json generated with only a warning. Now the server refuses to start.
 * The database, its WAL, backups and keys.json are owner-only (0600).
 */
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config";
import { loadProtector } from "../../src/entry/node-support";
import { openSqliteDb } from "../../src/entry/sqlite-db";
import { createCliRunner } from "../helpers/run-cli";
import { startProductionServer } from "../helpers/production-server";

const KEY = Buffer.alloc(32, 7).toString("base64");
const modeOf = (file: string) => statSync(file).mode & 0o777;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "bhyt-sec-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("personal-data keys", () => {
  it.each([
    [{ DATA_ENCRYPTION_KEY: KEY }, "BLIND_INDEX_KEY"],
    [{ BLIND_INDEX_KEY: KEY }, "DATA_ENCRYPTION_KEY"],
  ])("one key without the other is refused (%j)", (env, missing) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(missing);
    expect(() => parseConfig({ ...env, DATA_ENCRYPTION_KEY: KEY, BLIND_INDEX_KEY: KEY })).not.toThrow();
  });

  it("the production start exits instead of generating keys.json", async () => {
    const started = startProductionServer({ DATA_ENCRYPTION_KEY: KEY });
    await expect(started).rejects.toThrow(/exited with 1[\s\S]*BLIND_INDEX_KEY/);
  }, 60_000);
});

describe("files that hold personal data are owner-only", () => {
  it("the database, its WAL and shared memory are 0600 even under a permissive umask", () => {
    const dir = tempDir();
    const old = process.umask(0o022);
    try {
      const db = openSqliteDb(join(dir, "bhyt.sqlite"));
      db.sqlite.exec("create table if not exists t (x); insert into t values (1)");
      for (const file of ["bhyt.sqlite", "bhyt.sqlite-wal", "bhyt.sqlite-shm"]) expect([file, modeOf(join(dir, file)).toString(8)]).toEqual([file, "600"]);
      db.close();
    } finally {
      process.umask(old);
    }
  });

  it("a backup is 0600", async () => {
    const dir = tempDir();
    const run = createCliRunner({ DATABASE_PATH: join(dir, "bhyt.sqlite"), SEED_DEMO: "false" });
    const target = join(dir, "backup.sqlite");
    expect((await run("db", "backup", target, "--json")).code).toBe(0);
    expect(existsSync(target)).toBe(true);
    expect(modeOf(target).toString(8)).toBe("600");
  });

  it("a generated keys.json is 0600 and lives outside the data directory, so a copy of it carries no keys", async () => {
    const dir = join(tempDir(), "data");
    await loadProtector(parseConfig({ DATABASE_PATH: join(dir, "bhyt.sqlite") }));
    expect(existsSync(join(dir, "keys.json"))).toBe(false);
    expect(modeOf(join(`${dir}-keys`, "keys.json")).toString(8)).toBe("600");
    expect(modeOf(`${dir}-keys`).toString(8)).toBe("700");
  });

  it("KEYS_PATH chooses the file; keys an earlier version left beside the database are moved, not regenerated", async () => {
    const chosen = join(tempDir(), "secrets", "bhyt-keys.json");
    await loadProtector(parseConfig({ DATABASE_PATH: join(tempDir(), "bhyt.sqlite"), KEYS_PATH: chosen }));
    expect(modeOf(chosen).toString(8)).toBe("600");

    const dir = join(tempDir(), "data");
    const legacy = join(dir, "keys.json");
    const first = await loadProtector(parseConfig({ DATABASE_PATH: join(dir, "bhyt.sqlite"), KEYS_PATH: legacy }));
    const sealed = await first.seal("0912345678");
    const again = await loadProtector(parseConfig({ DATABASE_PATH: join(dir, "bhyt.sqlite") }));
    expect(existsSync(legacy)).toBe(false);
    expect(existsSync(join(`${dir}-keys`, "keys.json"))).toBe(true);
    expect(await again.open(sealed)).toBe("0912345678");
  });
});
