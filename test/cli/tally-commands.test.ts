import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCliRunner } from "../helpers/run-cli";
import { parseTally } from "../../src/core/tallies/parse-tally";
import { loadTallyVocabulary } from "../../src/core/tallies/tally-vocabulary";
import { localDate } from "../../src/core/time/local-date";
import { resolveUnit } from "../../src/core/units/resolve-unit";
import { openSqliteDb } from "../../src/entry/sqlite-db";

const dir = mkdtempSync(join(tmpdir(), "bhyt-tally-cli-"));
const env = { DATABASE_PATH: join(dir, "cli.sqlite"), LOG_LEVEL: "error" };

const cli = createCliRunner(env);

afterEach(() => vi.restoreAllMocks());

beforeAll(async () => {
  expect((await cli("db", "seed-demo", "--today", "2025-11-15", "--json")).code).toBe(0);
});

describe("bhyt tally parse", () => {
  it("prints the parsed entries as the last JSON line", async () => {
    const { code, last } = await cli("tally", "parse", "--commune", "Ngọc Phụng", "--on", "2025-11-15", "--json", "Xuân Thành GD 12 HS 3");
    expect(code).toBe(0);
    expect(last).toMatchObject({
      ok: true,
      date: "2025-11-15",
      entries: [
        { unitCode: "38-01-01-02", unitName: "Xuân Thành", group: "GD", count: 12 },
        { unitCode: "38-01-01-02", unitName: "Xuân Thành", group: "HS", count: 3 },
      ],
      needsConfirmation: false,
    });
    expect(last.candidates).toBeUndefined();
  });

  it("gives exactly what the bot's functions give (no CLI-only parsing)", async () => {
    const text = "hôm qua xuan thnh gd 2; Hòa Lâm 3 thẻ HGĐ";
    const { last } = await cli("tally", "parse", "--commune", "38-01-01", "--on", "2025-11-15", "--json", text);
    const db = openSqliteDb(env.DATABASE_PATH);
    try {
      const vocabulary = await loadTallyVocabulary(db, await resolveUnit(db, "38-01-01"), { today: "2025-11-15" });
      const { ok: _ok, summary: _summary, ...fromCli } = last;
      const { ok: _ok2, ...direct } = parseTally(text, vocabulary, { today: "2025-11-15", role: "commune" }) as unknown as Record<string, unknown>;
      expect(fromCli).toEqual(direct);
      expect(last.needsConfirmation).toBe(true);
    } finally {
      db.close();
    }
  });

  it("confirms in Vietnamese by default and in English with --lang en", async () => {
    const ok = await cli("tally", "parse", "--commune", "xa ngoc phung", "--on", "2025-11-15", "14/11 Xuân Lập GD 5; Phú Vinh HS 2");
    expect(ok.code).toBe(0);
    expect(ok.lines).toEqual(["14/11/2025 — Thôn Xuân Lập: GD 5; Thôn Phú Vinh: HS 2"]);
    const en = await cli("tally", "parse", "--commune", "38-01-01", "--on", "2025-11-15", "--lang", "en", "xuan lap gd 1200");
    expect(en.lines).toEqual(["2025-11-15 — Thôn Xuân Lập: GD 1,200"]);
  });

  it("refuses with exit code 2 and a message in the chosen language", async () => {
    const vie = await cli("tally", "parse", "--commune", "Ngọc Phụng", "--on", "2025-11-15", "--json", "Xuân Mới GD 5");
    expect(vie.code).toBe(2);
    expect(vie.last).toEqual({
      ok: false,
      error: { code: "unknown_unit", message: 'Không có thôn "Xuân Mới" trong danh sách. Các thôn: Quyết Tiến, Xuân Thành, Xuân Lập, Xuân Thắng, Hoà Lâm, Hưng Long, Phú Vinh.' },
    });
    const eng = await cli("tally", "parse", "--commune", "Ngọc Phụng", "--on", "2025-11-15", "--json", "--lang", "en", "20/11/2025 Xuân Lập GD 5");
    expect(eng.code).toBe(2);
    expect(eng.last).toEqual({ ok: false, error: { code: "future_date", message: "2025-11-20 has not come yet; reports cannot be made in advance." } });
    const human = await cli("tally", "parse", "--commune", "Ngọc Phụng", "--on", "2025-11-15", "Quyết Tiến GD 490");
    expect(human.code).toBe(2);
    expect(human.stderr).toBe("Thôn Quyết Tiến báo 490 người, nhiều hơn dân số của thôn (489 người). Vui lòng kiểm tra lại.");
  });

  it("defaults --on to today in Vietnam and checks its options", async () => {
    const today = await cli("tally", "parse", "--commune", "Ngọc Phụng", "--json", "hôm nay Xuân Lập GD 1");
    expect(today.last.date).toBe(localDate(new Date()));
    expect((await cli("tally", "parse", "--commune", "Ngọc Phụng", "--on", "2025-02-30", "--json", "Xuân Lập GD 1")).last.error.code).toBe("bad_request");
    expect((await cli("tally", "parse", "--json", "Xuân Lập GD 1")).last.error.code).toBe("bad_request");
    const village = await cli("tally", "parse", "--commune", "38-01-01-02", "--json", "Xuân Lập GD 1");
    expect([village.code, village.last.error.code]).toEqual([2, "not_found"]);
  });
});

describe("bhyt tally rebuild-rollups", () => {
  it("recomputes the rollups to what the tallies say, after a hand edit", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "bhyt-rollups-")), "db.sqlite");
    const run = createCliRunner({ DATABASE_PATH: path, LOG_LEVEL: "error" });
    expect((await run("db", "seed-demo", "--today", "2025-11-15", "--json")).code).toBe(0);
    const db = openSqliteDb(path);
    const sum = () => db.sqlite.prepare("select coalesce(sum(total), 0) as total, count(*) as n from tally_rollups").get() as { total: number; n: number };
    const truth = db.sqlite.prepare("select coalesce(sum(count), 0) as total from tally_entries where status = 'active'").get() as { total: number };
    const before = sum();
    expect(before.total).toBe(truth.total);
    db.sqlite.exec("update tally_rollups set total = total + 7");
    db.close();
    const { code, last } = await run("tally", "rebuild-rollups", "--json");
    expect(code).toBe(0);
    expect(last).toEqual({ ok: true, rows: before.n });
    const again = openSqliteDb(path);
    expect((again.sqlite.prepare("select coalesce(sum(total), 0) as total from tally_rollups").get() as { total: number }).total).toBe(truth.total);
    again.close();
  });
});
