import { OUTBOX_STATES } from "../../db/schema";
import { outboxSummary, type StateCounts } from "../../core/outbox/outbox-status";
import type { Command } from "../command";
import type { CliIo } from "../cli-io";
import { fail, succeed } from "../cli-io";
import { failedMessages, reasonMessage } from "../../core/outbox/failure-reasons";

function countsText(io: CliIo, counts: StateCounts): string {
  return OUTBOX_STATES.map((state) => `${io.t(io.locale, `outbox-state-${state}`)} ${counts[state]}`).join(", ");
}

/** `bhyt outbox status`: how many messages sit in each state, overall and per channel. */
export const outboxStatusCommand: Command = {
  words: ["outbox", "status"],
  usage: "",
  helpKey: "cli-help-outbox-status",
  async run(ctx, io) {
    const summary = await outboxSummary(ctx.db());
    const channels = Object.keys(summary.byChannel).sort();
    if (channels.length === 0) io.say(io.t(io.locale, "cli-outbox-empty"));
    else {
      io.say(io.t(io.locale, "cli-outbox-total", { counts: countsText(io, summary.byStatus) }));
      for (const channel of channels) io.say(`  ${io.t(io.locale, "cli-outbox-channel", { channel, counts: countsText(io, summary.byChannel[channel]!) })}`);
    }
    return succeed(io, { byStatus: summary.byStatus, byChannel: summary.byChannel });
  },
};

/** `bhyt outbox failed [--limit N]`: messages that ended undelivered, each with the reason in words. */
export const outboxFailedCommand: Command = {
  words: ["outbox", "failed"],
  usage: "[--limit 50]",
  helpKey: "cli-help-outbox-failed",
  options: { limit: { type: "string" } },
  async run(ctx, io, args) {
    const limit = Number(args.values.limit ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return fail(io, "bad_request", io.t(io.locale, "cli-bad-option", { detail: `--limit ${String(args.values.limit)} (1–1000)` }));
    const rows = await failedMessages(ctx.db(), limit);
    const explained = rows.map((r) => {
      const reason = reasonMessage(r.code);
      return { ...r, updatedAt: r.updatedAt.toISOString(), reason: io.t(io.locale, reason.key, reason.args) };
    });
    if (!io.json) {
      if (rows.length === 0) io.say(io.t(io.locale, "cli-outbox-failed-none"));
      for (const r of explained) io.say(io.t(io.locale, "cli-outbox-failed-line", { id: r.id, channel: r.channel, purpose: r.purpose, status: io.t(io.locale, `outbox-state-${r.status}`), code: r.code ?? "?", reason: r.reason }));
    }
    return succeed(io, { messages: explained });
  },
};
