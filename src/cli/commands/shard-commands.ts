/**
 * @module `bhyt shards …`: the province databases of SHARDING=province on Node (one SQLite file
 * per shard in DATABASE_DIR, plus national.sqlite): what there is, where units go, migrations,
 * and the national roll-ups. On Workers the same databases are D1 bindings (`DB_P<shard>`).
 */
import { existsSync, statSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Command } from "../command";
import type { CliContext } from "../cli-context";
import { fail, succeed, type CliIo } from "../cli-io";
import { shardAssignments } from "../../db/national/schema";
import { assignShard } from "../../core/shards/shard-assignments";
import { provinceFigures } from "../../core/shards/national-report";
import { nationalFile, openSqliteShards, provinceFile, type SqliteShards } from "../../entry/sqlite-shards";

/** Bytes of a SQLite file with its write-ahead log (what the disk and a backup hold). */
function fileBytes(path: string): number {
  return [path, `${path}-wal`].reduce((sum, p) => sum + (existsSync(p) ? statSync(p).size : 0), 0);
}

/** Runs `body` with every shard file open (created and migrated), or refuses outside SHARDING=province. */
async function withShards(ctx: CliContext, io: CliIo, body: (shards: SqliteShards, dir: string) => Promise<number>): Promise<number> {
  const { sharding } = ctx.config;
  if (sharding.mode !== "province") return fail(io, "bad_request", io.t(io.locale, "cli-shards-single", { path: ctx.config.databasePath }));
  const shards = openSqliteShards(ctx.config);
  try {
    return await body(shards, sharding.databaseDir);
  } finally {
    shards.close();
  }
}

export const shardsListCommand: Command = {
  words: ["shards", "list"],
  usage: "",
  helpKey: "cli-help-shards-list",
  run: (ctx, io) =>
    withShards(ctx, io, async ({ router }, dir) => {
      const assigned = await router.national.orm.select().from(shardAssignments).orderBy(shardAssignments.unitPrefix);
      const rows = [];
      for (const shard of router.shards) {
        const file = provinceFile(dir, shard);
        const [counted] = await router.forShard(shard).orm.all<{ cards: number }>(sql`select count(*) as cards from cards`);
        const prefixes = assigned.filter((a) => a.shardKey === shard).map((a) => a.unitPrefix);
        const row = { shard, file, bytes: fileBytes(file), cards: counted?.cards ?? 0, prefixes, default: shard === router.defaultShard };
        rows.push(row);
        io.say(io.t(io.locale, "cli-shards-row", { shard, file, megabytes: (row.bytes / 1e6).toFixed(1), cards: row.cards, prefixes: prefixes.length > 0 ? prefixes.join(", ") : "—" }));
      }
      const national = { file: nationalFile(dir), bytes: fileBytes(nationalFile(dir)) };
      return succeed(io, { shards: rows, national, defaultShard: router.defaultShard }, io.t(io.locale, "cli-shards-national", { file: national.file, megabytes: (national.bytes / 1e6).toFixed(1) }));
    }),
};

export const shardsAssignCommand: Command = {
  words: ["shards", "assign"],
  usage: "<mã đơn vị> <shard>",
  helpKey: "cli-help-shards-assign",
  run: (ctx, io, args) =>
    withShards(ctx, io, async ({ router }) => {
      const [prefix, shard] = args.positionals;
      if (!prefix || !shard) return fail(io, "bad_request", io.t(io.locale, "cli-missing-argument", { name: "<mã đơn vị> <shard>" }));
      // A part this deployment does not serve would make the router refuse every unit under the prefix.
      router.forShard(shard);
      await assignShard(router.national, { unitPrefix: prefix, shard, now: new Date() });
      return succeed(io, { prefix, shard }, io.t(io.locale, "cli-shards-assigned", { prefix, shard }));
    }),
};

export const shardsMigrateCommand: Command = {
  words: ["shards", "migrate"],
  usage: "[--workers]",
  helpKey: "cli-help-shards-migrate",
  options: { workers: { type: "boolean" } },
  async run(ctx, io, args) {
    const { sharding } = ctx.config;
    if (sharding.mode !== "province") return fail(io, "bad_request", io.t(io.locale, "cli-shards-single", { path: ctx.config.databasePath }));
    if (args.values.workers) {
      // D1 is migrated by wrangler from the deploy machine: print the commands, one per binding.
      const commands = [...sharding.shards.map((s) => `npx wrangler d1 migrations apply DB_P${s} --remote`), "npx wrangler d1 migrations apply NATIONAL_DB --remote"];
      io.say(io.t(io.locale, "cli-shards-workers-migrate"));
      for (const command of commands) io.say(command);
      return succeed(io, { commands });
    }
    // Opening a shard file creates it and applies its pending migrations.
    return withShards(ctx, io, async ({ router }, dir) => {
      const files = [...router.shards.map((s) => provinceFile(dir, s)), nationalFile(dir)];
      return succeed(io, { files }, io.t(io.locale, "cli-shards-migrated", { count: files.length, dir }));
    });
  },
};

export const shardsReportCommand: Command = {
  words: ["shards", "report"],
  usage: "[--day YYYY-MM-DD]",
  helpKey: "cli-help-shards-report",
  options: { day: { type: "string" } },
  run: (ctx, io, args) =>
    withShards(ctx, io, async ({ router }) => {
      const day = typeof args.values.day === "string" ? args.values.day : undefined;
      if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day)) return fail(io, "bad_request", io.t(io.locale, "cli-bad-option", { detail: `--day ${day}` }));
      const provinces = await provinceFigures(router.national, { day });
      if (provinces.length === 0) io.say(io.t(io.locale, "cli-shards-report-empty"));
      for (const p of provinces) {
        io.say(io.t(io.locale, "cli-shards-report-row", { province: p.provinceCode, day: p.day, cards: p.cards, valid: p.cardsValid, expiring: p.cardsExpiring30d, enrolments: p.enrolments, sent: p.outboxSent, failed: p.outboxFailed }));
      }
      return succeed(io, { provinces });
    }),
};
