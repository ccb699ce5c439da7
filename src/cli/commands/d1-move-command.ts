/**
 * @module `bhyt d1 move --export <db.sql> --out <file.sql>`: a D1 database's export made
 * loadable into a new, empty D1 database, and proven. `wrangler d1 export` writes each table's
 * rows right after the table, so a row whose foreign key names a table created later is refused
 * when the file is executed (D1 checks that the table exists, deferred or not); the rewritten
 * file creates every table first. Both files are loaded into SQLite and compared table by table
 * (rows and an order-free checksum) before the new one is written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Command } from "../command";
import { fail, succeed } from "../cli-io";
import { digestMismatches, tableDigests } from "./shard-copy";
import { dumpSqlite, loadSqlDump } from "../sql-dump";

export const d1MoveCommand: Command = {
  words: ["d1", "move"],
  usage: "--export <tệp.sql> --out <tệp.sql>",
  helpKey: "cli-help-d1-move",
  options: { export: { type: "string" }, out: { type: "string" } },
  async run(_ctx, io, args) {
    const exported = typeof args.values.export === "string" ? args.values.export : undefined;
    const out = typeof args.values.out === "string" ? resolve(args.values.out) : undefined;
    if (!exported || !out) return fail(io, "bad_request", io.t(io.locale, "cli-missing-argument", { name: "--export <tệp.sql> --out <tệp.sql>" }));
    if (!existsSync(exported)) return fail(io, "not_found", io.t(io.locale, "import-file-not-found", { file: exported }));
    if (existsSync(out)) return fail(io, "conflict", io.t(io.locale, "cli-shards-target-exists", { path: out }));
    const work = mkdtempSync(join(tmpdir(), "bhyt-d1-move-"));
    try {
      const source = join(work, "export.sqlite");
      loadSqlDump(source, readFileSync(exported, "utf8"));
      const dump = dumpSqlite(source);
      if (dump.tooLong.length > 0) return fail(io, "conflict", io.t(io.locale, "cli-d1-split-too-long", { tables: dump.tooLong.join(", ") }), { tooLong: dump.tooLong });
      const check = join(work, "check.sqlite");
      loadSqlDump(check, dump.sql);
      const digests = tableDigests(source);
      const mismatches = digestMismatches(digests, tableDigests(check));
      if (mismatches.length > 0) return fail(io, "conflict", io.t(io.locale, "cli-shards-split-mismatch", { tables: mismatches.join("; ") }), { mismatches });
      writeFileSync(out, dump.sql);
      const rows = digests.reduce((n, d) => n + d.rows, 0);
      return succeed(io, { out, tables: digests.length, rows }, io.t(io.locale, "cli-d1-move-done", { out, tables: digests.length, rows }));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
