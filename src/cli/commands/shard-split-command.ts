/**
 * @module `bhyt shards split <part> --into <new part> --prefix <unit code>… [--to <file>]
 * [--confirm]` on Node: the units under the prefixes, with every row keyed to them, leave a
 * part of a split province for a new part. Without `--confirm` it prints the plan. With it,
 * two copies of the part's file are made (`VACUUM INTO`) and pruned (shard-split.ts), checked
 * against the untouched original, and only then switched in: the old part's path gets the
 * pruned copy (the original kept beside it), the new part gets the other one, and the
 * national database assigns the prefixes and re-points the moved senders. Run it with the
 * server stopped: the copies are a snapshot.
 */
import Database from "better-sqlite3";
import { existsSync, mkdirSync, renameSync, symlinkSync, unlinkSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Command } from "../command";
import { fail, succeed } from "../cli-io";
import { nationalFile, provinceFile } from "../../entry/sqlite-shards";
import { openSqliteNational } from "../../entry/national-db";
import { setAside, stamp } from "./shard-move-commands";
import { danglingKeys, holdsUnitData, pruneCopy, removeCopy, verifySplit, type Assignment } from "./shard-split";
import { planSplitOf, prefixList, refuse, showPlan, splitParts } from "./shard-split-args";

/** The national database of the deployment, migrated (it holds the assignments the split reads and writes). */
function openNational(dir: string): Database.Database {
  const sqlite = new Database(nationalFile(dir));
  openSqliteNational(sqlite);
  return sqlite;
}

export const shardsSplitCommand: Command = {
  words: ["shards", "split"],
  usage: "<shard> --into <shard mới> --prefix <mã đơn vị>… [--rest <shard>] [--to <tệp>] [--confirm]",
  helpKey: "cli-help-shards-split",
  options: { into: { type: "string" }, rest: { type: "string" }, prefix: { type: "string", multiple: true }, to: { type: "string" }, confirm: { type: "boolean" } },
  async run(ctx, io, args) {
    const { sharding } = ctx.config;
    if (sharding.mode !== "province") return fail(io, "bad_request", io.t(io.locale, "cli-shards-single", { path: ctx.config.databasePath }));
    const [from] = args.positionals;
    const into = typeof args.values.into === "string" ? args.values.into.trim() : undefined;
    const prefixes = prefixList(args.values.prefix as unknown);
    if (!from || !into || prefixes.length === 0) return fail(io, "bad_request", io.t(io.locale, "cli-missing-argument", { name: "<shard> --into <shard> --prefix <mã đơn vị>" }));
    const parts = splitParts(from, into, args.values.rest, prefixes);
    if ("refusal" in parts) return refuse(io, parts.refusal);
    const { whole, rest, province } = parts;
    for (const key of [from, into, rest]) if (!sharding.shards.includes(key)) return fail(io, "not_found", io.t(io.locale, "shard-unknown", { shard: key }));
    const dir = sharding.databaseDir;
    const source = provinceFile(dir, from);
    const intoFile = provinceFile(dir, into);
    const restFile = provinceFile(dir, rest);
    const target = typeof args.values.to === "string" ? resolve(args.values.to) : intoFile;
    if (!existsSync(source)) return fail(io, "not_found", io.t(io.locale, "import-file-not-found", { file: source }));
    if (target !== intoFile && existsSync(target)) return fail(io, "conflict", io.t(io.locale, "cli-shards-target-exists", { path: target }));
    for (const [shard, path] of whole ? ([[into, intoFile], [rest, restFile]] as const) : ([[into, intoFile]] as const)) {
      if (existsSync(path) && holdsUnitData(path)) return fail(io, "conflict", io.t(io.locale, "cli-shards-target-not-empty", { shard, path }));
    }

    const national = openNational(dir);
    const src = new Database(source, { fileMustExist: true });
    const closeAll = () => [src, national].forEach((db) => db.open && db.close());
    try {
      const assignments = national.prepare("select unit_prefix as unitPrefix, shard_key as shardKey from national_shard_assignments").all() as Assignment[];
      const planned = planSplitOf(src, assignments, { from, into, rest, prefixes, whole, province });
      if ("refusal" in planned) return refuse(io, planned.refusal);
      const { units, plan } = planned;
      const summary = { from, into, rest, prefixes, source, target, units: units.moving.length };
      if (!args.values.confirm) return showPlan(io, summary, plan);

      // Both copies from one consistent snapshot: everything in the WAL goes into the main file first.
      const time = stamp();
      const oldCopy = `${source}.split-${time}`;
      const newCopy = `${target}.split-${time}`;
      const discard = () => [oldCopy, newCopy].forEach(removeCopy);
      let dangling: string[];
      let problems: string[];
      try {
        src.pragma("wal_checkpoint(TRUNCATE)");
        // Links already broken in the original are not the split's doing: only new ones refuse it.
        const broken = new Set(danglingKeys(src).map((d) => d.key));
        mkdirSync(dirname(target), { recursive: true });
        src.prepare("vacuum into ?").run(oldCopy);
        src.prepare("vacuum into ?").run(newCopy);
        src.close();
        dangling = [...new Set([...pruneCopy(oldCopy, "old", units, broken), ...pruneCopy(newCopy, "new", units, broken)])];
        problems = verifySplit({ source, old: oldCopy, new: newCopy }, units);
      } catch (err) {
        discard();
        throw err;
      }
      if (problems.length > 0 || dangling.length > 0) {
        discard();
        if (problems.length > 0) return fail(io, "conflict", io.t(io.locale, "cli-shards-split-mismatch", { tables: problems.join("; ") }), { problems });
        return fail(io, "conflict", io.t(io.locale, "cli-shards-split-dangling", { links: dangling.join(", ") }), { dangling });
      }
      const moved = new Database(newCopy, { readonly: true });
      const identities = moved.prepare("select channel, external_key as externalKey from channel_identities").all() as { channel: string; externalKey: string }[];
      moved.close();

      // The switch. Every step is undone if a later one fails, so the old path always serves a whole part.
      const undo: (() => void)[] = [];
      try {
        // Empty files already at the parts' paths are kept aside too (nothing is deleted).
        for (const path of new Set([intoFile, restFile])) {
          if (path === source || !existsSync(path)) continue;
          const aside = setAside(path, `.before-split-${time}`);
          undo.push(() => renameSync(aside, path));
        }
        const kept = setAside(source, `.before-split-${time}`);
        undo.push(() => renameSync(kept, source));
        renameSync(oldCopy, restFile);
        undo.push(() => renameSync(restFile, oldCopy));
        renameSync(newCopy, target);
        undo.push(() => renameSync(target, newCopy));
        if (target !== intoFile) {
          symlinkSync(target, intoFile);
          undo.push(() => unlinkSync(intoFile));
        }
        const now = Date.now();
        const assign = national.prepare("insert into national_shard_assignments (unit_prefix, shard_key, updated_at) values (?, ?, ?) on conflict (unit_prefix) do update set shard_key = excluded.shard_key, updated_at = excluded.updated_at");
        const repoint = national.prepare("update national_identities set shard_key = ?, updated_at = ? where channel = ? and external_key = ? and shard_key = ?");
        let repointed = 0;
        national.transaction(() => {
          if (whole) assign.run(province, rest, now);
          for (const prefix of prefixes) assign.run(prefix, into, now);
          for (const i of identities) repointed += repoint.run(into, now, i.channel, i.externalKey, from).changes;
          // The senders that stayed now live in `rest`, no longer in the whole-province shard.
          if (whole) national.prepare("update national_identities set shard_key = ?, updated_at = ? where shard_key = ?").run(rest, now, from);
        })();
        if (whole) io.say(io.t(io.locale, "cli-shards-split-whole-done", { from, parts: [rest, into].sort().join(",") }));
        const rows = plan.filter((r) => r.kind === "partition").reduce((sum, r) => sum + r.moving, 0);
        return succeed(
          io,
          { ...summary, kept, rows, identities: repointed, tables: plan },
          io.t(io.locale, "cli-shards-split-done", { from: rest, into, prefix: prefixes.join(", "), target, units: units.moving.length, rows, tables: plan.length, kept, identities: repointed }),
        );
      } catch (err) {
        for (const step of undo.reverse()) step();
        discard();
        throw err;
      }
    } finally {
      closeAll();
    }
  },
};
