import { OUTBOX_STATES } from "../../db/schema";
import { outboxSummary, type StateCounts } from "../../core/outbox/outbox-status";
import type { Command } from "../command";
import type { CliIo } from "../cli-io";
import { succeed } from "../cli-io";

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
