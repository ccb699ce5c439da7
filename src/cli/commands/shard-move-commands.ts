/**
 * @module `bhyt shards move` on Node: a province's SQLite file moved to another path through a
 * checked copy (counts and checksums per table) before anything switches. Splitting a part
 * (a pruned copy on each side) is `bhyt shards split` (shard-split-command.ts). Without
 * `--confirm` it only prints the plan. Run it with the server stopped: the copy is a snapshot.
 */
import { existsSync, renameSync, symlinkSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "../command";
import { fail, succeed } from "../cli-io";
import { provinceFile } from "../../entry/sqlite-shards";
import { checkedCopy, describeDigests, tableDigests } from "./shard-copy";

/** Moves the file and its WAL/SHM companions aside (kept, never deleted: nothing lost). */
export function setAside(path: string, suffix: string): string {
  for (const extra of ["-wal", "-shm"]) if (existsSync(path + extra)) renameSync(path + extra, path + suffix + extra);
  renameSync(path, path + suffix);
  return path + suffix;
}

export const stamp = () => new Date().toISOString().replace(/[:.]/g, "-");

export const shardsMoveCommand: Command = {
  words: ["shards", "move"],
  usage: "<shard> --to <tệp> [--confirm]",
  helpKey: "cli-help-shards-move",
  options: { to: { type: "string" }, confirm: { type: "boolean" } },
  async run(ctx, io, args) {
    const { sharding } = ctx.config;
    if (sharding.mode !== "province") return fail(io, "bad_request", io.t(io.locale, "cli-shards-single", { path: ctx.config.databasePath }));
    const [shard] = args.positionals;
    const to = typeof args.values.to === "string" ? resolve(args.values.to) : undefined;
    if (!shard || !to) return fail(io, "bad_request", io.t(io.locale, "cli-missing-argument", { name: "<shard> --to <tệp>" }));
    if (!sharding.shards.includes(shard)) return fail(io, "not_found", io.t(io.locale, "shard-unknown", { shard }));
    const source = provinceFile(sharding.databaseDir, shard);
    if (!existsSync(source)) return fail(io, "not_found", io.t(io.locale, "import-file-not-found", { file: source }));
    if (existsSync(to)) return fail(io, "conflict", io.t(io.locale, "cli-shards-target-exists", { path: to }));
    if (!args.values.confirm) {
      const digests = tableDigests(source);
      io.say(io.t(io.locale, "cli-shards-move-plan", { shard, source, target: to }));
      io.say(describeDigests(digests));
      return succeed(io, { plan: true, shard, source, target: to, tables: digests }, io.t(io.locale, "cli-shards-confirm-hint"));
    }
    const { digests, mismatches } = checkedCopy(source, to);
    if (mismatches.length > 0) return fail(io, "conflict", io.t(io.locale, "cli-shards-copy-mismatch", { tables: mismatches.join(", ") }), { mismatches });
    // The switch: the shard's path now points at the proven copy; the original is kept beside it.
    const kept = setAside(source, `.before-move-${stamp()}`);
    symlinkSync(to, source);
    return succeed(io, { shard, source, target: to, kept, tables: digests }, io.t(io.locale, "cli-shards-moved", { shard, target: to, kept, tables: digests.length }));
  },
};
