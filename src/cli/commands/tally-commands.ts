import { sql } from "drizzle-orm";
import { parseTally } from "../../core/tallies/parse-tally";
import { describeTally, describeTallyRejection } from "../../core/tallies/tally-text";
import { loadTallyVocabulary } from "../../core/tallies/tally-vocabulary";
import { parseDate } from "../../core/imports/values";
import { localDate } from "../../core/time/local-date";
import { resolveUnit } from "../../core/units/resolve-unit";
import { rebuildTallyRollups } from "../../core/tallies/tally-rollups";
import type { Command } from "../command";
import { fail, succeed } from "../cli-io";

/**
 * Reads a tally message exactly as the bot will (same vocabulary, same parser), as a commune
 * officer of `--commune` on `--on`: every village in scope, back-filling allowed. Saves nothing.
 */
export const tallyParseCommand: Command = {
  words: ["tally", "parse"],
  usage: '--commune <tên|mã> [--on YYYY-MM-DD] "<tin nhắn>"',
  helpKey: "cli-help-tally-parse",
  options: { commune: { type: "string" }, on: { type: "string" } },
  async run(ctx, io, args) {
    const { commune: query, on } = args.values;
    if (typeof query !== "string" || !query.trim()) return fail(io, "bad_request", io.t(io.locale, "cli-missing-argument", { name: "--commune" }));
    if (on !== undefined && (typeof on !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(on) || !parseDate(on).ok)) {
      return fail(io, "bad_request", io.t(io.locale, "cli-bad-option", { detail: `--on ${String(on)} (YYYY-MM-DD)` }));
    }
    const today = typeof on === "string" ? on : localDate(new Date(), ctx.config.timezone);
    const db = ctx.db();
    const commune = await resolveUnit(db, query, { level: "commune" });
    const vocabulary = await loadTallyVocabulary(db, commune, { today });
    const result = parseTally(args.positionals.join(" "), vocabulary, { today, role: "commune" });
    if (!result.ok) return fail(io, result.code, describeTallyRejection(result, io.t, io.locale));
    const lines = describeTally(result, vocabulary, io.t, io.locale);
    return succeed(io, { ...result, summary: lines.join("\n") }, lines.join("\n"));
  },
};

/**
 * `bhyt tally rebuild-rollups`: recomputes the progress rollups from the tallies, in one atomic
 * step. Every write keeps them current; this is for a database edited by hand or restored in part.
 */
export const tallyRebuildRollupsCommand: Command = {
  words: ["tally", "rebuild-rollups"],
  usage: "",
  helpKey: "cli-help-tally-rebuild-rollups",
  async run(ctx, io) {
    const db = ctx.db();
    await rebuildTallyRollups(db);
    const [row] = await db.orm.all<{ n: number }>(sql`select count(*) as n from tally_rollups`);
    const rows = row?.n ?? 0;
    return succeed(io, { rows }, io.t(io.locale, "cli-tally-rollups-rebuilt", { rows }));
  },
};
