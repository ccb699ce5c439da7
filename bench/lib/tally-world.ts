/**
 * @module The dashboard scenario's province: 1,000 villages (× scale) in communes of 20, one
 * tally per village, day and group for a whole year (365 × 6), a target per commune and a
 * coverage baseline for every other commune (so the "since baseline" rule is exercised).
 * Seeded, written raw in large transactions (building it through recordTally would take an
 * hour at full scale), then the rollups are rebuilt the way the migration backfills them.
 * Cached per (villages, seed) in the work folder like the rosters.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { rebuildTallyRollups } from "../../src/core/tallies/tally-rollups";
import { addDays } from "../../src/core/time/day-math";
import { openSqliteDb } from "../../src/entry/sqlite-db";
import { pick, seededRandom } from "./random";

export const FULL_VILLAGES = 1000;
export const VILLAGES_PER_COMMUNE = 20;
export const GROUPS = ["GD", "HS", "TE", "CN", "HN", "DN"] as const;
export const YEAR = 2025;
/** The last day of the year: every generated day is in the period the overview shows. */
export const TODAY = `${YEAR}-12-31`;
export const PROVINCE_CODE = "98";

export const worldVillages = (scale: number) => Math.max(VILLAGES_PER_COMMUNE, Math.round(FULL_VILLAGES * scale));

/** Builds (or finds) the database; returns its file and the number of tally rows. */
export async function ensureTallyWorld(workDir: string, villages: number, seed: number, log: (line: string) => void): Promise<{ file: string; tallies: number }> {
  const dir = join(workDir, `dashboard-${villages}-${seed}`);
  const file = join(dir, "bench.sqlite");
  const tallies = villages * 365 * GROUPS.length;
  if (existsSync(file)) return { file, tallies };
  log(`building a province of ${villages} villages with ${tallies} tallies (cached in ${dir})…`);
  const build = `${dir}.building`;
  rmSync(build, { recursive: true, force: true });
  mkdirSync(build, { recursive: true });
  const db = openSqliteDb(join(build, "bench.sqlite"));
  const random = seededRandom(seed);
  const now = Date.parse(`${TODAY}T00:00:00Z`);
  const unit = db.sqlite.prepare(
    "insert into admin_units (code, name, level, parent_id, search_key, province_code, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?) returning id",
  );
  const addUnit = (code: string, name: string, level: string, parentId: number | null) =>
    (unit.get(code, name, level, parentId, name.toLowerCase(), PROVINCE_CODE, now, now) as { id: number }).id;
  const target = db.sqlite.prepare("insert into targets (unit_id, year, indicator, group_code, population, target_count, created_at, updated_at) values (?, ?, 'bhyt', '', ?, ?, ?, ?)");
  const baseline = db.sqlite.prepare("insert into coverage_baselines (unit_id, year, indicator, group_code, insured_count, as_of, created_at, updated_at) values (?, ?, 'bhyt', '', ?, ?, ?, ?)");
  const report = db.sqlite.prepare("insert into tally_reports (channel, received_at, created_at) values ('telegram', ?, ?) returning id");
  const entry = db.sqlite.prepare(
    "insert into tally_entries (report_id, unit_id, report_date, indicator, group_code, count, status, channel, created_at) values (?, ?, ?, 'bhyt', ?, ?, 'active', 'telegram', ?)",
  );
  const villageIds: number[] = [];
  db.sqlite.transaction(() => {
    const province = addUnit(PROVINCE_CODE, "Tỉnh Mẫu", "province", null);
    for (let c = 0; c * VILLAGES_PER_COMMUNE < villages; c++) {
      const commune = addUnit(`98${String(c).padStart(3, "0")}`, `Xã Mẫu ${c + 1}`, "commune", province);
      const population = 8000 + pick(random, 4000);
      target.run(commune, YEAR, population, Math.round(population * 0.93), now, now);
      if (c % 2 === 0) baseline.run(commune, YEAR, Math.round(population * 0.85), `${YEAR}-06-30`, now, now);
      for (let v = 0; v < VILLAGES_PER_COMMUNE && villageIds.length < villages; v++) {
        villageIds.push(addUnit(`98${String(c).padStart(3, "0")}-${v + 1}`, `Thôn Mẫu ${c + 1}.${v + 1}`, "village", commune));
      }
    }
  })();
  // One report per village and day, six group figures each; a transaction per 20 days.
  for (let day = 0; day < 365; day += 20) {
    db.sqlite.transaction(() => {
      for (let d = day; d < Math.min(day + 20, 365); d++) {
        const date = addDays(`${YEAR}-01-01`, d);
        const at = Date.parse(`${date}T09:00:00Z`);
        for (const villageId of villageIds) {
          const { id } = report.get(at, at) as { id: number };
          for (const group of GROUPS) entry.run(id, villageId, date, group, pick(random, 4), at);
        }
      }
    })();
  }
  await rebuildTallyRollups(db);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  renameSync(build, dir);
  return { file, tallies };
}
