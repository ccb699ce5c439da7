/**
 * @module import: a roster CSV through the real `bhyt import cards` (in a child process, peak
 * RSS its own) against a raw batched better-sqlite3 insert of the same rows. The CLI's result
 * is kept as the roster card-lookup and reminder-plan read.
 */
import { join } from "node:path";
import { copyFileSync, rmSync } from "node:fs";
import { runScript } from "../lib/child";
import { rawInsert } from "../lib/raw-insert";
import { writeRoster } from "../lib/roster-csv";
import { importCards, keepAsRoster, prepareUnitsDb, rosterRows } from "../lib/roster-db";
import { minRatio, round, type Scenario } from "../lib/scenario";

const SPLIT_ROWS = 100_000;

export const importScenario: Scenario = {
  name: "import",
  describe: "bhyt import cards vs a raw batched insert of the same CSV rows",
  async run(o) {
    const rows = rosterRows(o.scale);
    const buildDir = join(o.workDir, `import-${rows}`);
    const rawDir = join(o.workDir, `import-raw-${rows}`);
    const env = prepareUnitsDb(buildDir);
    prepareUnitsDb(rawDir);
    // Copied before the raw insert writes to it: the split's import starts from the same units.
    const unitsDb = join(o.workDir, `import-units-${rows}.sqlite`);
    copyFileSync(join(rawDir, "bench.sqlite"), unitsDb);
    const csv = join(o.workDir, `roster-${rows}-${o.seed}.csv`);
    await writeRoster(csv, rows, o.seed);
    try {
      const cli = importCards(env, csv);
      o.log(`  bhyt import cards: ${Math.round(cli.ms)} ms, peak RSS ${cli.peakRssMb} MB`);
      const started = performance.now();
      const inserted = await rawInsert(join(rawDir, "bench.sqlite"), csv);
      const rawMs = performance.now() - started;
      o.log(`  raw insert: ${Math.round(rawMs)} ms`);
      if (inserted !== rows || cli.summary.rows !== rows) throw new Error(`row counts differ: csv ${rows}, raw ${inserted}, cli ${cli.summary.rows}`);
      // Where the CLI's time goes, from a second, clocked import of the file's first rows (at
      // most SPLIT_ROWS, so a million-row run does not import twice; see import-split-child.ts).
      const split = await runScript<Record<string, number>>("scenarios/import-split-child.ts", [unitsDb, csv, String(SPLIT_ROWS)]);
      o.log(`  split of the first ${split.rows} rows (ms): ${Object.entries(split).filter(([k]) => k !== "rows").map(([k, v]) => `${k.replace(/Ms$/, "")} ${v}`).join(" · ")}`);
      rmSync(csv);
      keepAsRoster(buildDir, o.workDir, rows, o.seed);
      return minRatio((rows * 1000) / cli.ms, (rows * 1000) / rawMs, 0.4, "rows/s", { rows, cliMs: Math.round(cli.ms), rawMs: Math.round(rawMs), cliPeakRssMb: cli.peakRssMb, msPerRow: round(cli.ms / rows, 3), split });
    } finally {
      rmSync(rawDir, { recursive: true, force: true });
      rmSync(unitsDb, { force: true });
      rmSync(csv, { force: true });
    }
  },
};
