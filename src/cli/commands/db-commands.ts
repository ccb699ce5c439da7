import { seedDemo } from "../../core/demo/seed-demo";
import type { Command } from "../command";
import { fail, succeed } from "../cli-io";
import { purgeInboundText } from "../../core/privacy/purge-inbound-text";
import { purgeOldRecords } from "../../core/privacy/purge-old-records";

export const dbMigrateCommand: Command = {
  words: ["db", "migrate"],
  usage: "",
  helpKey: "cli-help-db-migrate",
  async run(ctx, io) {
    // Opening the database applies pending migrations.
    ctx.db();
    return succeed(io, { database: ctx.config.databasePath }, io.t(io.locale, "cli-migrated", { path: ctx.config.databasePath }));
  },
};

export const dbSeedDemoCommand: Command = {
  words: ["db", "seed-demo"],
  usage: "[--today YYYY-MM-DD]",
  helpKey: "cli-help-db-seed-demo",
  options: { today: { type: "string" } },
  async run(ctx, io, args) {
    const today = typeof args.values.today === "string" ? args.values.today : undefined;
    const result = await seedDemo({ db: ctx.db(), protector: await ctx.protector(), today, activity: true });
    for (const w of result.warnings) io.say(io.t(io.locale, "import-warning", { row: w.row, message: io.t(io.locale, w.messageKey, w.args) }));
    return succeed(
      io,
      { units: result.units, targets: result.targets, people: result.people, activity: result.activity, warnings: result.warnings.map((w) => ({ row: w.row, message: io.t(io.locale, w.messageKey, w.args) })) },
      io.t(io.locale, "demo-seeded", { units: result.units, targets: result.targets, people: result.people }),
    );
  },
};

/** `bhyt db purge-inbound-text`: what the 22:00 job does, on demand (INBOUND_TEXT_RETENTION_DAYS). */
export const dbPurgeInboundTextCommand: Command = {
  words: ["db", "purge-inbound-text"],
  usage: "[--days N]",
  helpKey: "cli-help-db-purge-inbound-text",
  options: { days: { type: "string" } },
  async run(ctx, io, args) {
    const raw = args.values.days;
    const days = typeof raw === "string" ? Number(raw) : ctx.config.inboundTextRetentionDays;
    if (!Number.isInteger(days) || days < 1) return fail(io, "bad_request", io.t(io.locale, "cli-bad-option", { detail: `--days ${String(raw)}` }));
    const report = await purgeInboundText(ctx.db(), { now: new Date(), retentionDays: days });
    return succeed(io, { retentionDays: days, ...report }, io.t(io.locale, "cli-purged-inbound-text", { tallies: report.tallyTexts, states: report.conversationStates, outbox: report.outboxTexts, days }));
  },
};

/** `bhyt db purge-old-records`: what the 22:15 job does, on demand (OUTBOX_RETENTION_DAYS). */
export const dbPurgeOldRecordsCommand: Command = {
  words: ["db", "purge-old-records"],
  usage: "[--days N]",
  helpKey: "cli-help-db-purge-old-records",
  options: { days: { type: "string" } },
  async run(ctx, io, args) {
    const raw = args.values.days;
    const days = typeof raw === "string" ? Number(raw) : ctx.config.outboxRetentionDays;
    // The same floor as OUTBOX_RETENTION_DAYS: a month of outbox is what delivery reports and campaign figures read.
    if (!Number.isInteger(days) || days < 30) return fail(io, "bad_request", io.t(io.locale, "cli-bad-option", { detail: `--days ${String(raw)}` }));
    const report = await purgeOldRecords(ctx.db(), { now: new Date(), outboxRetentionDays: days });
    return succeed(
      io,
      { outboxRetentionDays: days, ...report },
      io.t(io.locale, "cli-purged-old-records", { updates: report.inboundUpdates, outbox: report.outboxMessages, zns: report.znsTracking, days }),
    );
  },
};
