import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { createCliRunner } from "../helpers/run-cli";

const dir = mkdtempSync(join(tmpdir(), "bhyt-cli-"));
const env = { DATABASE_PATH: join(dir, "cli.sqlite"), LOG_LEVEL: "error" };

const cli = createCliRunner(env);

afterEach(() => vi.restoreAllMocks());

beforeAll(async () => {
  const seeded = await cli("db", "seed-demo", "--today", "2025-11-15", "--json");
  expect(seeded.code).toBe(0);
});

describe("bhyt CLI", () => {
  it("lists the demo units as JSON", async () => {
    const { code, last } = await cli("units", "list", "--json");
    expect(code).toBe(0);
    expect(last.ok).toBe(true);
    const villages = last.units.filter((u: { parentCode: string }) => u.parentCode === "38-01-01").map((u: { name: string }) => u.name);
    expect(villages).toEqual(["Quyết Tiến", "Xuân Thành", "Xuân Lập", "Xuân Thắng", "Hoà Lâm", "Hưng Long", "Phú Vinh"]);
  });

  it("shows Ngọc Phụng's 2025 targets by name", async () => {
    const { code, last } = await cli("targets", "show", "Ngọc Phụng", "--year", "2025", "--json");
    expect(code).toBe(0);
    expect(last.targets[0]).toMatchObject({ indicator: "bhyt", population: 8060, targetCount: 7703, targetRate: 95.57 });
    expect(last.children).toHaveLength(7);
    expect(last.childrenTotal).toEqual({ population: 8060, targetCount: 7703, targetRate: 95.57 });
  });

  it("prints Vietnamese text by default", async () => {
    const { code, lines } = await cli("targets", "show", "xa ngoc phung", "--year", "2025");
    expect(code).toBe(0);
    expect(lines.join("\n")).toContain("7.703 / 8.060 người (95,57 %)");
    expect(lines.join("\n")).toContain("hạn 31/10/2025");
  });

  it("refuses an unknown unit with exit code 2 and a message in the chosen language", async () => {
    const vi_ = await cli("targets", "show", "Không Có", "--json");
    expect(vi_.code).toBe(2);
    expect(vi_.last).toEqual({ ok: false, error: { code: "not_found", message: 'Không tìm thấy đơn vị "Không Có".' } });
    const en = await cli("targets", "show", "Nowhere", "--json", "--lang", "en");
    expect(en.last.error.message).toBe('No unit matches "Nowhere".');
  });

  it("imports a units CSV and reports row-numbered errors without writing anything", async () => {
    const bad = join(dir, "bad-units.csv");
    writeFileSync(bad, "Mã,Tên,Cấp,Mã cấp trên\n38-01-01-08,Xuân Mới,thôn,38-01-01\n38-01-01-09,Xuân Sai,phố,38-01-01\n");
    const failed = await cli("import", "units", bad, "--json");
    expect(failed.code).toBe(2);
    expect(failed.last.error.code).toBe("import_failed");
    expect(failed.last.error.errors).toEqual([{ row: 3, message: 'cấp "phố" không hợp lệ (tỉnh, huyện, xã, thôn)' }]);
    const list = await cli("units", "list", "--under", "38-01-01", "--json");
    expect(list.last.units.map((u: { code: string }) => u.code)).not.toContain("38-01-01-08");

    const good = join(dir, "good-units.csv");
    writeFileSync(good, "code,name,level,parent_code,aliases\n38-01-01-08,Xuân Mới,village,38-01-01,Thôn Mới|Xuan Moi\n");
    const ok = await cli("import", "units", good, "--json");
    expect(ok.last).toMatchObject({ ok: true, rows: 1, inserted: 1, updated: 0 });
  });

  it("imports targets and then shows them", async () => {
    const file = join(dir, "targets.csv");
    writeFileSync(file, "unit_code,year,population,target_count,target_rate,deadline\n38-01-01-01,2026,500,480,\"96,00\",30/11/2026\n");
    const res = await cli("import", "targets", file, "--json");
    expect(res.last).toMatchObject({ ok: true, rows: 1, inserted: 1 });
    const shown = await cli("targets", "show", "38-01-01-01", "--year", "2026", "--json");
    expect(shown.last.targets[0]).toMatchObject({ population: 500, targetCount: 480, targetRate: 96, deadline: "2026-11-30" });
  });

  it("reports a missing file and an unknown command as JSON errors", async () => {
    expect((await cli("import", "units", join(dir, "nope.csv"), "--json")).last.error.code).toBe("file_not_found");
    const unknown = await cli("frobnicate", "--json");
    expect(unknown.code).toBe(2);
    expect(unknown.last.ok).toBe(false);
  });

  it("runs as `npx bhyt` straight from the package bin, without a build", () => {
    const res = spawnSync("npx", ["--no-install", "bhyt", "targets", "show", "38-01-01", "--year", "2025", "--json"], {
      env: { ...process.env, ...env },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(res.status).toBe(0);
    const last = JSON.parse(res.stdout.trim().split("\n").at(-1)!);
    expect(last.targets[0].targetCount).toBe(7703);
  }, 60_000);
});
