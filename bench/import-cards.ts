/**
 * @module Measures `bhyt import cards` on a synthetic roster: wall time and peak RSS.
 *
 *   npx tsx bench/import-cards.ts [rows=100000] [--keep]
 *
 * Generates a CSV in the documented fictional ranges (BHXH numbers 99xxxxxxxx, personal IDs
 * 099xxxxxxxxx, phones 0100xxxxxx, names containing "Mẫu"), loads Ngọc Phụng's units into a
 * fresh SQLite file, then runs the real CLI twice in a child process of its own, so the
 * peak RSS is the import's alone: a first import (all new) and a re-import (all updates,
 * a tenth renewed). Prints one JSON line per run. Nothing here runs in the test suite.
 */
import { spawnSync } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { NGOC_PHUNG_CODE, NGOC_PHUNG_VILLAGES } from "../src/core/demo/ngoc-phung";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(ROOT, "src/cli/bhyt.mjs");
const HEADER = "Họ và tên,Ngày sinh,Giới tính,Mã số BHXH,Mã thẻ,Số CCCD / Số định danh,Số điện thoại,Hạn thẻ từ,Hạn thẻ đến,Thôn/Tổ,Mã hộ gia đình,Mã đối tượng,Nơi đăng ký KCB ban đầu";
const SURNAMES = ["Lê", "Lò", "Hà", "Vi", "Lương", "Cầm", "Phạm", "Nguyễn"];

/** Row i of the roster; `renewEvery` moves every n-th card's end date a year later. */
function rosterLine(i: number, renewEvery: number): string {
  const serial = String(i).padStart(8, "0");
  const male = i % 2 === 0;
  // Four people to a household, households spread over the villages.
  const village = NGOC_PHUNG_VILLAGES[Math.floor(i / 4) % NGOC_PHUNG_VILLAGES.length]!;
  const year = renewEvery > 0 && i % renewEvery === 0 ? 2026 : 2025;
  const dob = `${String(1 + (i % 28)).padStart(2, "0")}/${String(1 + (i % 12)).padStart(2, "0")}/${1940 + (i % 80)}`;
  return [
    `${SURNAMES[i % SURNAMES.length]} ${male ? "Văn" : "Thị"} Mẫu ${i}`,
    dob,
    male ? "Nam" : "Nữ",
    `99${serial}`,
    `GD438${99}${serial}`,
    `099${male ? 2 : 3}${serial}`,
    i < 1_000_000 ? `0100${String(i).padStart(6, "0")}` : "",
    "01/01/2025",
    `31/12/${year}`,
    village.name,
    `NP${Math.floor(i / 4)}`,
    "GD",
    "Trạm Y tế xã Ngọc Phụng",
  ].join(",");
}

async function writeRoster(file: string, rows: number, renewEvery: number) {
  const out = createWriteStream(file);
  out.write(HEADER + "\n");
  for (let i = 0; i < rows; i++) {
    if (!out.write(rosterLine(i, renewEvery) + "\n")) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

/** Runs the CLI under /usr/bin/time for the child's own peak RSS (kB). */
function timedCli(env: NodeJS.ProcessEnv, args: string[]) {
  const started = performance.now();
  const res = spawnSync("/usr/bin/time", ["-f", "maxrss_kb=%M", process.execPath, CLI, ...args], { env, encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = Math.round(performance.now() - started);
  const rss = Number(/maxrss_kb=(\d+)/.exec(res.stderr)?.[1] ?? NaN);
  const last = res.stdout.trim().split("\n").at(-1) ?? "";
  return { status: res.status, ms, peakRssMb: Math.round(rss / 1024), result: last.startsWith("{") ? JSON.parse(last) : res.stderr.slice(-500) };
}

async function main() {
  const rows = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100_000);
  const keep = process.argv.includes("--keep");
  const dir = mkdtempSync(join(tmpdir(), "bhyt-bench-cards-"));
  const env = { ...process.env, DATABASE_PATH: join(dir, "bench.sqlite"), LOG_LEVEL: "error" };
  try {
    const units = join(dir, "units.csv");
    writeFileSync(
      units,
      ["code,name,level,parent_code", `38,Thanh Hóa,province,`, `${NGOC_PHUNG_CODE},Ngọc Phụng,commune,38`, ...NGOC_PHUNG_VILLAGES.map((v) => `${v.code},${v.name},village,${NGOC_PHUNG_CODE}`)].join("\n") + "\n",
    );
    if (spawnSync(process.execPath, [CLI, "import", "units", units, "--json"], { env }).status !== 0) throw new Error("units import failed");
    const first = join(dir, "roster.csv");
    const second = join(dir, "roster-renewed.csv");
    await writeRoster(first, rows, 0);
    await writeRoster(second, rows, 10);
    for (const [label, file] of [["first import", first], ["re-import", second]] as const) {
      const run = timedCli(env, ["import", "cards", file, "--commune", NGOC_PHUNG_CODE, "--json"]);
      const sizeMb = Math.round(statSync(env.DATABASE_PATH).size / 2 ** 20);
      console.log(JSON.stringify({ label, rows, fileMb: Math.round(statSync(file).size / 2 ** 20), ...run, dbMb: sizeMb }));
    }
  } finally {
    if (keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
