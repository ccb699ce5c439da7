import { existsSync, writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import { AppError } from "../../errors";
import type { Command } from "../command";
import { succeed } from "../cli-io";

/**
 * `bhyt db backup FILE`: SQLite's online backup API, safe while the server runs and writes
 * (the copy is a consistent snapshot). The personal-data keys are NOT in the file: keep
 * keys.json (or the key secrets) backed up separately, or the copy cannot be decrypted.
 */
export const dbBackupCommand: Command = {
  words: ["db", "backup"],
  usage: "<FILE>",
  helpKey: "cli-help-db-backup",
  options: {},
  async run(ctx, io, args) {
    const target = args.positionals[0];
    if (!target) throw new AppError("bad_request", "cli-missing-argument", { name: "FILE" });
    if (existsSync(target)) throw new AppError("conflict", "backup-target-exists", { file: target });
    const db = ctx.db();
    // Created owner-only before SQLite writes into it: a backup holds everything the database does.
    writeFileSync(target, "", { mode: 0o600, flag: "wx" });
    const result = await db.sqlite.backup(target);
    return succeed(io, { file: target, pages: result.totalPages }, io.t(io.locale, "backup-done", { file: target, pages: result.totalPages }));
  },
};

/**
 * `bhyt db restore FILE --yes`: replaces DATABASE_PATH with a backup, after checking it is a
 * sound bhyt database. Stop the server first: a running server keeps the old file open.
 */
export const dbRestoreCommand: Command = {
  words: ["db", "restore"],
  usage: "<FILE> --yes",
  helpKey: "cli-help-db-restore",
  options: { yes: { type: "boolean" } },
  async run(ctx, io, args) {
    const source = args.positionals[0];
    if (!source) throw new AppError("bad_request", "cli-missing-argument", { name: "FILE" });
    if (!existsSync(source)) throw new AppError("not_found", "backup-missing", { file: source });
    if (args.values.yes !== true) throw new AppError("bad_request", "restore-needs-yes", { file: ctx.config.databasePath });
    const backup = new Database(source, { readonly: true, fileMustExist: true });
    try {
      const integrity = backup.pragma("integrity_check", { simple: true });
      const migrated = backup.prepare("select count(*) as n from sqlite_master where name = '__drizzle_migrations'").get() as { n: number };
      if (integrity !== "ok" || migrated.n === 0) throw new AppError("validation_failed", "backup-not-bhyt", { file: source });
      // Backing up *into* the database path rewrites it page by page through SQLite, WAL included.
      const result = await backup.backup(ctx.config.databasePath);
      const db = ctx.db(); // reopening applies any migrations newer than the backup
      const tallies = db.sqlite.prepare("select count(*) as n from tally_entries").get() as { n: number };
      return succeed(io, { file: source, pages: result.totalPages, tallies: tallies.n }, io.t(io.locale, "restore-done", { file: source, tallies: tallies.n }));
    } finally {
      backup.close();
    }
  },
};
