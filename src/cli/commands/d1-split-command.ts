/**
 * @module `bhyt d1 split <shard> --into <part> --prefix <unit code>… [--rest <part>] --export
 * <shard.sql> --national <national.sql> --out <dir> [--confirm]`: the Workers counterpart of
 * `bhyt shards split`. D1 cannot be split in place, so the part travels through the Node split
 * as `wrangler d1 export` files: the export is loaded into a SQLite file, split and checked
 * exactly as on Node (both parts pruned, rows and checksums adding up to the original, no
 * cross-part link), and each part is written back as SQL for a new, empty D1 database, with
 * the national assignments as SQL too. Each written file is loaded again and compared table by
 * table with its part before it is offered. The old D1 database is never touched: it stays as
 * the copy to return to, and the switch is the operator's (new bindings, then deploy).
 */
import Database from "better-sqlite3";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "../command";
import { fail, succeed } from "../cli-io";
import { digestMismatches, tableDigests } from "./shard-copy";
import { danglingKeys, pruneCopy, verifySplit, type Assignment } from "./shard-split";
import { planSplitOf, prefixList, refuse, showPlan, splitParts } from "./shard-split-args";
import { dumpSqlite, loadSqlDump } from "../sql-dump";

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);
const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Loads `sql` into `file` and proves it holds exactly what `part` holds. */
function roundTripProblems(sql: string, file: string, part: string): string[] {
  loadSqlDump(file, sql);
  return digestMismatches(tableDigests(part), tableDigests(file));
}

export const d1SplitCommand: Command = {
  words: ["d1", "split"],
  usage: "<shard> --into <shard mới> --prefix <mã đơn vị>… [--rest <shard>] --export <tệp.sql> --national <tệp.sql> --out <thư mục> [--confirm]",
  helpKey: "cli-help-d1-split",
  options: {
    into: { type: "string" },
    rest: { type: "string" },
    prefix: { type: "string", multiple: true },
    export: { type: "string" },
    national: { type: "string" },
    out: { type: "string" },
    confirm: { type: "boolean" },
  },
  async run(_ctx, io, args) {
    const [from] = args.positionals;
    const into = text(args.values.into);
    const prefixes = prefixList(args.values.prefix as unknown);
    const exported = text(args.values.export);
    const nationalExport = text(args.values.national);
    const outDir = text(args.values.out);
    if (!from || !into || prefixes.length === 0 || !exported || !nationalExport || !outDir) {
      return fail(io, "bad_request", io.t(io.locale, "cli-missing-argument", { name: "<shard> --into <shard> --prefix <mã đơn vị> --export <tệp.sql> --national <tệp.sql> --out <thư mục>" }));
    }
    const parts = splitParts(from, into, args.values.rest, prefixes);
    if ("refusal" in parts) return refuse(io, parts.refusal);
    const { whole, rest, province } = parts;
    for (const file of [exported, nationalExport]) if (!existsSync(file)) return fail(io, "not_found", io.t(io.locale, "import-file-not-found", { file }));
    const out = resolve(outDir);
    const outputs = { rest: join(out, `${rest}.sql`), into: join(out, `${into}.sql`), national: join(out, "national.sql") };
    if (Object.values(outputs).some(existsSync)) return fail(io, "conflict", io.t(io.locale, "cli-shards-target-exists", { path: out }));
    mkdirSync(out, { recursive: true });
    const work = join(out, ".work");
    mkdirSync(work, { recursive: true });
    const source = join(work, `export-${from}.sqlite`);
    const files = { old: join(work, `${rest}.sqlite`), new: join(work, `${into}.sqlite`) };
    for (const path of [source, files.old, files.new]) if (existsSync(path)) return fail(io, "conflict", io.t(io.locale, "cli-shards-target-exists", { path }));
    loadSqlDump(source, readFileSync(exported, "utf8"));
    const national = new Database(":memory:");
    national.pragma("foreign_keys = OFF");
    national.exec(readFileSync(nationalExport, "utf8"));
    const src = new Database(source, { fileMustExist: true });
    try {
      const assignments = national.prepare("select unit_prefix as unitPrefix, shard_key as shardKey from national_shard_assignments").all() as Assignment[];
      const planned = planSplitOf(src, assignments, { from, into, rest, prefixes, whole, province });
      if ("refusal" in planned) return refuse(io, planned.refusal);
      const { units, plan } = planned;
      const summary = { from, into, rest, prefixes, source: exported, target: outputs.into, units: units.moving.length };
      if (!args.values.confirm) return showPlan(io, summary, plan);
      const broken = new Set(danglingKeys(src).map((d) => d.key));
      src.prepare("vacuum into ?").run(files.old);
      src.prepare("vacuum into ?").run(files.new);
      src.close();
      const dangling = [...new Set([...pruneCopy(files.old, "old", units, broken), ...pruneCopy(files.new, "new", units, broken)])];
      const problems = verifySplit({ source, old: files.old, new: files.new }, units);
      if (problems.length > 0) return fail(io, "conflict", io.t(io.locale, "cli-shards-split-mismatch", { tables: problems.join("; ") }), { problems });
      if (dangling.length > 0) return fail(io, "conflict", io.t(io.locale, "cli-shards-split-dangling", { links: dangling.join(", ") }), { dangling });

      // Each part as SQL for an empty D1 database, proven by loading it back.
      const dumps = { old: dumpSqlite(files.old), new: dumpSqlite(files.new) };
      const tooLong = [...new Set([...dumps.old.tooLong, ...dumps.new.tooLong])];
      if (tooLong.length > 0) return fail(io, "conflict", io.t(io.locale, "cli-d1-split-too-long", { tables: tooLong.join(", ") }), { tooLong });
      const reloaded = [...roundTripProblems(dumps.old.sql, join(work, `${rest}.check.sqlite`), files.old), ...roundTripProblems(dumps.new.sql, join(work, `${into}.check.sqlite`), files.new)];
      if (reloaded.length > 0) return fail(io, "conflict", io.t(io.locale, "cli-shards-split-mismatch", { tables: reloaded.join("; ") }), { problems: reloaded });

      const moved = new Database(files.new, { readonly: true });
      const identities = moved.prepare("select channel, external_key as externalKey from channel_identities").all() as { channel: string; externalKey: string }[];
      moved.close();
      const now = Date.now();
      const assign = (prefix: string, shard: string) =>
        `INSERT INTO national_shard_assignments (unit_prefix, shard_key, updated_at) VALUES (${sqlText(prefix)}, ${sqlText(shard)}, ${now}) ON CONFLICT (unit_prefix) DO UPDATE SET shard_key = excluded.shard_key, updated_at = excluded.updated_at;`;
      const statements = [
        ...(whole ? [assign(province, rest)] : []),
        ...prefixes.map((p) => assign(p, into)),
        ...identities.map((i) => `UPDATE national_identities SET shard_key = ${sqlText(into)}, updated_at = ${now} WHERE channel = ${sqlText(i.channel)} AND external_key = ${sqlText(i.externalKey)} AND shard_key = ${sqlText(from)};`),
        ...(whole ? [`UPDATE national_identities SET shard_key = ${sqlText(rest)}, updated_at = ${now} WHERE shard_key = ${sqlText(from)};`] : []),
      ];
      writeFileSync(outputs.rest, dumps.old.sql);
      writeFileSync(outputs.into, dumps.new.sql);
      writeFileSync(outputs.national, `${statements.join("\n")}\n`);
      const rows = plan.filter((r) => r.kind === "partition").reduce((sum, r) => sum + r.moving, 0);
      return succeed(
        io,
        { ...summary, rows, identities: identities.length, files: outputs, tables: plan },
        io.t(io.locale, "cli-d1-split-done", { from, rest, into, prefix: prefixes.join(", "), units: units.moving.length, rows, tables: plan.length, restFile: outputs.rest, intoFile: outputs.into, nationalFile: outputs.national }),
      );
    } finally {
      if (src.open) src.close();
      national.close();
      // The working files hold the people's (sealed) data: only the SQL files the operator loads stay.
      rmSync(work, { recursive: true, force: true });
    }
  },
};
