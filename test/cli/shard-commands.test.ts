import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config";
import { provinceRollups } from "../../src/db/national/schema";
import { nationalFile, openSqliteShards, provinceFile } from "../../src/entry/sqlite-shards";
import { createCliRunner } from "../helpers/run-cli";
import { addDays } from "../../src/core/time/day-math";
import { localDate } from "../../src/core/time/local-date";

const YESTERDAY = addDays(localDate(new Date(), "Asia/Ho_Chi_Minh"), -1);
const BEFORE = addDays(YESTERDAY, -1);

let dir: string;
let env: Record<string, string>;
let cli: ReturnType<typeof createCliRunner>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "bhyt-shards-cli-"));
  env = { SHARDING: "province", DATABASE_DIR: dir, SHARDS: "12,79_1,79_2", DEFAULT_SHARD: "12", LOG_LEVEL: "error" };
  cli = createCliRunner(env);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("bhyt shards", () => {
  it("migrate creates every shard file and the national one; --workers prints one wrangler command per binding", async () => {
    const run = await cli("shards", "migrate", "--json");
    expect(run.code).toBe(0);
    expect(run.last.files).toEqual([provinceFile(dir, "12"), provinceFile(dir, "79_1"), provinceFile(dir, "79_2"), nationalFile(dir)]);
    for (const file of run.last.files) expect(existsSync(file)).toBe(true);
    const workers = await cli("shards", "migrate", "--workers");
    expect(workers.lines.slice(1)).toEqual([
      "npx wrangler d1 migrations apply DB_P12 --remote",
      "npx wrangler d1 migrations apply DB_P79_1 --remote",
      "npx wrangler d1 migrations apply DB_P79_2 --remote",
      "npx wrangler d1 migrations apply NATIONAL_DB --remote",
    ]);
  });

  it("assigns a unit prefix to a part of its own province that this deployment serves, and lists it", async () => {
    expect((await cli("shards", "assign", "79-01", "79_2")).code).toBe(0);
    // A part nobody serves, or a part of another province: refused, nothing written.
    const unserved = await cli("shards", "assign", "79-02", "79_3");
    expect(unserved.code).toBe(2);
    expect(unserved.stderr).toContain("79_3");
    expect((await cli("shards", "assign", "12-01", "79_1")).code).toBe(2);
    const list = await cli("shards", "list", "--json");
    expect(list.code).toBe(0);
    expect(list.last.shards.map((s: { shard: string; prefixes: string[]; cards: number }) => [s.shard, s.prefixes, s.cards])).toEqual([
      ["12", [], 0],
      ["79_1", [], 0],
      ["79_2", ["79-01"], 0],
    ]);
    expect(list.last.shards.every((s: { bytes: number }) => s.bytes > 0)).toBe(true);
    const routed = openSqliteShards(parseConfig(env));
    try {
      expect(await routed.router.shardOfUnitCode("79-01-03")).toBe("79_2");
    } finally {
      routed.close();
    }
  });

  it("reports the national roll-ups per province, a split province summed over its parts", async () => {
    const open = openSqliteShards(parseConfig(env));
    const row = (shardKey: string, provinceCode: string, day: string, cards: number) => ({ day, shardKey, provinceCode, cards, cardsValid: cards - 1, cardsExpiring30d: 1, enrolments: 2, tallyReports: 1, outboxSent: 3, outboxFailed: 0, computedAt: new Date() });
    await open.router.national.orm.insert(provinceRollups).values([row("12", "12", BEFORE, 5), row("12", "12", YESTERDAY, 6), row("79_1", "79", YESTERDAY, 100), row("79_2", "79", YESTERDAY, 50)]);
    open.close();
    const latest = await cli("shards", "report", "--json");
    expect(latest.code).toBe(0);
    expect(latest.last.provinces).toEqual([
      expect.objectContaining({ provinceCode: "12", day: YESTERDAY, shards: 1, cards: 6 }),
      expect.objectContaining({ provinceCode: "79", day: YESTERDAY, shards: 2, cards: 150, cardsValid: 148, outboxSent: 6 }),
    ]);
    const earlier = await cli("shards", "report", "--day", BEFORE, "--json");
    expect(earlier.last.provinces).toEqual([expect.objectContaining({ provinceCode: "12", cards: 5 })]);
    expect((await cli("shards", "report", "--day", "hôm qua")).code).toBe(2);
  });

  it("refuses in single-database mode, naming the one database", async () => {
    const single = createCliRunner({ DATABASE_PATH: join(dir, "bhyt.sqlite"), LOG_LEVEL: "error" });
    const run = await single("shards", "list");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("SHARDING=province");
  });
});
