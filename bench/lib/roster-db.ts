/**
 * @module The roster database the read scenarios share: built once per (rows, seed) through the
 * real `bhyt import cards`, then reused. Building a million cards takes minutes, so the import
 * scenario leaves its result here and card-lookup / reminder-plan only build when it is missing.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { NGOC_PHUNG_CODE, NGOC_PHUNG_VILLAGES } from "../../src/core/demo/ngoc-phung";
import { writeRoster } from "./roster-csv";

const CLI = fileURLToPath(new URL("../../src/cli/bhyt.mjs", import.meta.url));
export const FULL_ROSTER = 1_000_000;

export const rosterRows = (scale: number) => Math.max(1000, Math.round(FULL_ROSTER * scale));

/** Folder of the finished roster for (rows, seed): `bench.sqlite`; its `keys.json` is in `<folder>-keys/`. */
export const rosterDir = (workDir: string, rows: number, seed: number) => join(workDir, `roster-${rows}-${seed}`);

/** A fresh database holding Ngọc Phụng's units, ready for a card import. */
export function prepareUnitsDb(dir: string): NodeJS.ProcessEnv {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const env = { ...process.env, DATABASE_PATH: join(dir, "bench.sqlite"), LOG_LEVEL: "error" };
  const units = join(dir, "units.csv");
  const villages = NGOC_PHUNG_VILLAGES.map((v) => `${v.code},${v.name},village,${NGOC_PHUNG_CODE}`);
  writeFileSync(units, ["code,name,level,parent_code", "38,Thanh Hóa,province,", `${NGOC_PHUNG_CODE},Ngọc Phụng,commune,38`, ...villages].join("\n") + "\n");
  if (spawnSync(process.execPath, [CLI, "import", "units", units, "--json"], { env }).status !== 0) throw new Error("units import failed");
  return env;
}

/** Runs `bhyt import cards` in a child under /usr/bin/time: wall ms, the child's peak RSS, its JSON summary. */
export function importCards(env: NodeJS.ProcessEnv, csv: string) {
  const started = performance.now();
  const res = spawnSync("/usr/bin/time", ["-f", "maxrss_kb=%M", process.execPath, CLI, "import", "cards", csv, "--commune", NGOC_PHUNG_CODE, "--json"], {
    env,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - started;
  const rss = Number(/maxrss_kb=(\d+)/.exec(res.stderr)?.[1] ?? NaN);
  const last = res.stdout.trim().split("\n").at(-1) ?? "";
  if (res.status !== 0 || !last.startsWith("{")) throw new Error(`import cards failed: ${res.stderr.slice(-500)}`);
  return { ms, peakRssMb: Math.round(rss / 1024), summary: JSON.parse(last) as { ok: boolean; rows: number } };
}

/** Where the server keeps a database folder's keys (KEYS_PATH's default: beside the folder, not in it). */
const keysDir = (dir: string) => `${dir}-keys`;

/**
 * Moves a finished import into the cache slot for (rows, seed), with its keys: without them the
 * roster's blind indexes match nothing (a fresh key pair would be generated on first open).
 */
export function keepAsRoster(buildDir: string, workDir: string, rows: number, seed: number) {
  const target = rosterDir(workDir, rows, seed);
  for (const dir of [target, keysDir(target)]) rmSync(dir, { recursive: true, force: true });
  renameSync(buildDir, target);
  if (existsSync(keysDir(buildDir))) renameSync(keysDir(buildDir), keysDir(target));
}

/** The roster database for (rows, seed), importing it first when the cache is empty. */
export async function ensureRoster(workDir: string, rows: number, seed: number, log: (line: string) => void): Promise<string> {
  const dir = rosterDir(workDir, rows, seed);
  const file = join(dir, "bench.sqlite");
  if (existsSync(file)) return file;
  log(`building a ${rows}-card roster through bhyt import cards (cached in ${dir})…`);
  const build = `${dir}.building`;
  const env = prepareUnitsDb(build);
  const csv = join(build, "roster.csv");
  await writeRoster(csv, rows, seed);
  importCards(env, csv);
  rmSync(csv);
  keepAsRoster(build, workDir, rows, seed);
  return file;
}
