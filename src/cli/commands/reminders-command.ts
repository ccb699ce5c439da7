import { reachOf } from "../../core/outbox/routes";
import { planReminders } from "../../core/reminders/plan-reminders";
import { resolveUnit } from "../../core/units/resolve-unit";
import { zonedTime } from "../../core/time/zoned-time";
import type { Command } from "../command";
import { fail, succeed } from "../cli-io";
import { readOnOption } from "../date-option";

/**
 * `bhyt reminders plan`: the 08:00 planner on demand. `--dry-run` counts without writing;
 * otherwise reminders go to the outbox (the dispatcher sends them, within quiet hours).
 */
export const remindersPlanCommand: Command = {
  words: ["reminders", "plan"],
  usage: "[--commune <tên|mã>] [--on YYYY-MM-DD] [--dry-run]",
  helpKey: "cli-help-reminders-plan",
  options: { commune: { type: "string" }, on: { type: "string" }, "dry-run": { type: "boolean" } },
  async run(ctx, io, args) {
    const today = readOnOption(args.values.on, ctx.config.timezone);
    if (!today) return fail(io, "bad_request", io.t(io.locale, "cli-bad-option", { detail: `--on ${String(args.values.on)} (YYYY-MM-DD)` }));
    const db = ctx.db();
    const commune = typeof args.values.commune === "string" ? await resolveUnit(db, args.values.commune, { level: "commune" }) : undefined;
    const dryRun = args.values["dry-run"] === true;
    const summary = await planReminders(
      { db, timezone: ctx.config.timezone, defaultLocale: ctx.config.defaultLocale, smsEnabled: ctx.config.sms !== undefined, reach: reachOf(ctx.config) },
      // Planning "as of" another day behaves as if run at 08:00 that day (message windows included).
      { today, now: args.values.on === undefined ? new Date() : zonedTime(today, "08:00", ctx.config.timezone), communeId: commune?.id, dryRun },
    );
    const due = Object.values(summary.byOffset).reduce((a, b) => a + b, 0);
    const text = io.t(io.locale, dryRun ? "cli-reminders-dry-run" : "cli-reminders-planned", {
      due,
      autoRenew: summary.skipped.autoRenew,
      optedOut: summary.skipped.optedOut,
      undeliverable: summary.undeliverable,
    });
    return succeed(io, { ...summary }, text);
  },
};
