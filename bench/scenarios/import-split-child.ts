/**
 * @module Where an import's time goes: the CLI's own pipeline (readTable → cardsImportSpec →
 * runImport) in this process on a copy of the units database, with clocks around each stage.
 * Parsing = time inside the CSV reader; encryption = time inside the protector; validation =
 * the rest of parseRow (cell checks, village look-up); staging = the rest of the row loop
 * (the staging inserts); checks = duplicate/consistency checks and the counts read
 * before the apply; apply = the atomic write into households/people/cards (with the last
 * staging flush and the duplicate check, which run after the last row).
 *
 * Child process of the import scenario (it imports the CSV a second time, so the CLI's own
 * figures stay unclocked). Only the first `maxRows` rows (default 100,000) are clocked: at a
 * million rows a full second import doubled the scenario's time and the whole `npm run
 * bench` no longer fit its 15 minutes. The split is labelled with its row count
 * (`rows`); parts that grow faster than linearly are therefore under-stated at full scale.
 * Prints one JSON line:
 *
 *   node --import tsx bench/scenarios/import-split-child.ts <units.sqlite> <roster.csv> [maxRows]
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { readTable } from "../../src/cli/read-table";
import { parseConfig } from "../../src/config";
import { cardsImportSpec } from "../../src/core/imports/cards-import";
import { runImport, type ImportSpec } from "../../src/core/imports/run-import";
import type { Protector } from "../../src/core/privacy/protector";
import { resolveUnit } from "../../src/core/units/resolve-unit";
import { NGOC_PHUNG_CODE } from "../../src/core/demo/ngoc-phung";
import { loadProtector } from "../../src/entry/node-support";
import { openSqliteDb } from "../../src/entry/sqlite-db";

interface ImportSplit {
  /** Rows clocked: the file's first `maxRows`. */
  rows: number;
  totalMs: number;
  /** CPU time (user + system) of the whole import: steadier than wall time on a shared machine. */
  cpuMs: number;
  parsingMs: number;
  validationMs: number;
  encryptionMs: number;
  stagingMs: number;
  checksMs: number;
  applyMs: number;
}

async function measureImportSplit(unitsDb: string, csv: string, maxRows: number): Promise<ImportSplit> {
  const dir = mkdtempSync(join(tmpdir(), "bhyt-split-"));
  const file = join(dir, "bench.sqlite");
  copyFileSync(unitsDb, file);
  const db = openSqliteDb(file);
  try {
    const clock = { parsing: 0, encryption: 0, parseRow: 0, checks: 0 };
    const protector = timeProtector(await loadProtector(parseConfig({ DATABASE_PATH: file })), (ms) => (clock.encryption += ms));
    const communeId = (await resolveUnit(db, NGOC_PHUNG_CODE, { level: "commune" })).id;
    const spec = cardsImportSpec({ db, protector }, { communeId });
    // Synchronous results stay synchronous, as runImport handles them (parseRow usually is).
    const around = <A extends unknown[], R>(key: keyof typeof clock, fn: (...a: A) => Promise<R> | R) => (...a: A): Promise<R> | R => {
      const t = performance.now();
      const out = fn(...a);
      if (!(out instanceof Promise)) {
        clock[key] += performance.now() - t;
        return out;
      }
      return out.finally(() => (clock[key] += performance.now() - t));
    };
    const wrapped: ImportSpec<unknown> = {
      ...(spec as ImportSpec<unknown>),
      parseRow: around("parseRow", spec.parseRow.bind(spec)),
      checkStaged: around("checks", spec.checkStaged.bind(spec)) as ImportSpec<unknown>["checkStaged"],
      countExisting: around("checks", spec.countExisting.bind(spec)) as ImportSpec<unknown>["countExisting"],
      summarize: around("checks", spec.summarize!.bind(spec)) as ImportSpec<unknown>["summarize"],
    };
    let loopEnd = 0;
    async function* rows() {
      const it = readTable(csv)[Symbol.asyncIterator]();
      for (let n = 0; n < maxRows; n++) {
        const t = performance.now();
        const next = await it.next();
        clock.parsing += performance.now() - t;
        if (next.done) break;
        yield next.value;
      }
      await it.return?.(undefined);
      loopEnd = performance.now();
    }
    const started = performance.now();
    const cpu = process.cpuUsage();
    const outcome = await runImport(db, wrapped, rows(), {});
    const ended = performance.now();
    const used = process.cpuUsage(cpu);
    if (!outcome.ok) throw new Error(`import failed: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
    const loopMs = loopEnd - started;
    const r = (n: number) => Math.round(n);
    return {
      rows: outcome.rows,
      totalMs: r(ended - started),
      cpuMs: r((used.user + used.system) / 1000),
      parsingMs: r(clock.parsing),
      validationMs: r(clock.parseRow - clock.encryption),
      encryptionMs: r(clock.encryption),
      stagingMs: r(loopMs - clock.parsing - clock.parseRow),
      checksMs: r(clock.checks),
      // Also holds the last staging flush (≤ 1,000 rows) and the duplicate check, which run after the last row.
      applyMs: r(ended - loopEnd - clock.checks),
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The protector with a clock around each call (the Node one works synchronously inside the call), its synchronous form included. */
function timeProtector(p: Protector, add: (ms: number) => void): Protector {
  const time = <A extends unknown[], R>(fn: (...a: A) => R) => (...a: A) => {
    const t = performance.now();
    const out = fn(...a);
    add(performance.now() - t);
    return out;
  };
  const sync = p.sync && { seal: time(p.sync.seal.bind(p.sync)), blindIndex: time(p.sync.blindIndex.bind(p.sync)) };
  return { seal: time(p.seal.bind(p)), open: time(p.open.bind(p)), blindIndex: time(p.blindIndex.bind(p)), sync };
}

const [unitsDb, csv, maxRows] = process.argv.slice(2) as [string, string, string?];
console.log(JSON.stringify(await measureImportSplit(unitsDb, csv, Number(maxRows ?? 100_000))));
