import { importCards } from "../../core/imports/cards-import";
import { resolveUnit } from "../../core/units/resolve-unit";
import type { Command } from "../command";
import { succeed } from "../cli-io";
import { readImportFile, reportFailure, reportWarnings } from "./import-commands";
import { setPageCacheMb } from "../../entry/sqlite-db";
import { createSealerPool } from "../sealer-pool";

/**
 * SQLite page cache for the import (setPageCacheMb): at a million rows the four blind-index
 * indexes hold ~320 MB, so no cache covers them; this much keeps the inner pages of every
 * index (~7 MB) and some hot leaves, and peak RSS of the whole import stays under 300 MB
 * (96 MB cut system time only a little more, for +95 MB of RSS). 16 rather than 24 since a
 * bulk apply rebuilds those indexes: SQLite's sorter takes up to the cache size again while it
 * builds each one, and at 24 MB a million-row import peaked at 306–309 MB (293–296 MB at 16,
 * for ~15% more CPU in one pair on a shared machine).
 */
const IMPORT_PAGE_CACHE_MB = 16;
/**
 * WAL pages between checkpoints during the import (SQLite's default 1,000): staging writes
 * ~1 KB a row, so the default checkpointed (two fsyncs) every ~4,000 rows; at 10,000 pages
 * (≤ 40 MB of WAL) a 300,000-row staging-like load took 2.8–3.1 s instead of 4.3–4.9 s,
 * same CPU. Only this connection's setting; the server's stays the default.
 */
const IMPORT_WAL_CHECKPOINT_PAGES = 10_000;

/**
 * `bhyt import cards FILE [--commune <tên|mã>]`. With --commune, the village column may
 * hold names; without it each village must be unambiguous on its own (use village codes).
 * The JSON carries counts only: never a personal value, nor the (possibly huge) id lists.
 */
export const importCardsCommand: Command = {
  words: ["import", "cards"],
  usage: "FILE [--commune <tên|mã>]",
  helpKey: "cli-help-import-cards",
  options: { commune: { type: "string" } },
  async run(ctx, io, args) {
    const db = ctx.db();
    setPageCacheMb(db.sqlite, IMPORT_PAGE_CACHE_MB);
    db.sqlite.pragma(`wal_autocheckpoint = ${IMPORT_WAL_CHECKPOINT_PAGES}`);
    // Resolved before reading: a wrong commune should not cost a pass over a million rows.
    const commune = typeof args.values.commune === "string" ? await resolveUnit(db, args.values.commune, { level: "commune" }) : undefined;
    const protector = await ctx.protector();
    // Sealing in worker threads, beside the reading, checking and writing here.
    const sealer = createSealerPool(ctx.protectorKeys());
    const read = await readImportFile(io, args.positionals[0], (table, fileName, onRow) =>
      importCards({ db, protector, sealer }, table, { communeId: commune?.id, fileName, actor: "cli", onRow }),
    ).finally(() => sealer.close());
    if (!read.ok) return read.exitCode;
    const outcome = read.value;
    const failed = reportFailure(io, outcome);
    if (failed !== undefined) return failed;
    const warnings = reportWarnings(io, outcome);
    return succeed(
      io,
      {
        kind: "cards",
        batchId: outcome.batchId,
        rows: outcome.rows,
        people: outcome.people,
        cards: outcome.cards,
        households: outcome.households,
        remindersCancelled: outcome.remindersCancelled,
        warningCount: outcome.warningCount,
        warnings,
      },
      io.t(io.locale, "import-cards-done", {
        rows: outcome.rows,
        peopleCreated: outcome.people.created,
        peopleUpdated: outcome.people.updated,
        cardsCreated: outcome.cards.created,
        cardsUpdated: outcome.cards.updated,
        renewed: outcome.cards.renewed,
        households: outcome.households.created,
        reminders: outcome.remindersCancelled,
      }),
    );
  },
};
