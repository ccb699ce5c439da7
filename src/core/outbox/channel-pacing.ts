import type { ChannelPacing } from "./deliver";
import { createDepartureWindow, createPacer, createRecipientSpacing } from "./pacer";
import type { ChannelSender, SendLimits } from "./types";

/**
 * Added to the per-recipient gap. Telegram measures one message per chat per second on its
 * side, so a send that left on time after one that left a little late (event loop, GC, a slow
 * request) can look too early; a guard costs nothing overall while other chats fill the slots.
 */
const RECIPIENT_GUARD_MS = 100;

/**
 * The same for the overall limit: a platform counting 30 in any one second of its own clock
 * refuses the 31st send if the 1st was a few ms slower than the rest. `perSecond` sends are
 * spread over 1000 + this many ms (30/s on Telegram becomes 29.4/s), which absorbs that jitter;
 * every 429 costs a slot and a retry, and two of them pause the whole channel.
 */
export const WINDOW_GUARD_MS = 20;

/**
 * Recipients with a 429 pause running at once that mean the overall limit, not one chat's,
 * was hit. One or two are what timing jitter produces now and then (pausing the channel for
 * them would cost a second of slots each time); a real flood refuses every send, so a third
 * chat follows within milliseconds.
 */
export const CHANNEL_FLOOD_RECIPIENTS = 3;

/**
 * Rate state for one channel: evenly spaced slots overall, spacing per recipient, and what a
 * 429 pauses. A 429 for one recipient pauses that recipient only (Telegram's per-chat limit),
 * so one busy chat does not stop a campaign; 429s for several recipients at once mean the
 * overall limit was hit, and the whole channel pauses. A channel without per-recipient limits
 * (SMS) always pauses as a whole.
 */
export function createChannelPacing(limits: SendLimits, nowMs: () => number): ChannelPacing {
  const global = createPacer(limits.perSecond, nowMs, WINDOW_GUARD_MS);
  const recipients = limits.perRecipientPerSecond ? createRecipientSpacing(limits.perRecipientPerSecond, nowMs, 1000, RECIPIENT_GUARD_MS) : undefined;
  const floods = new Map<string, number>();
  return {
    global,
    recipients,
    departures: createDepartureWindow(Math.max(1, Math.floor(limits.perSecond)), 1000 + WINDOW_GUARD_MS),
    flood(to, untilMs) {
      if (!recipients) return global.pause(untilMs);
      const now = nowMs();
      for (const [key, until] of floods) if (until <= now) floods.delete(key);
      recipients.pause(to, untilMs);
      floods.set(to, untilMs);
      if (floods.size >= CHANNEL_FLOOD_RECIPIENTS) global.pause(untilMs);
    },
  };
}

/**
 * Rate state by channel, shared by every dispatcher of one process: a sharded server runs a
 * dispatcher per province, but the platform limits the bot (Telegram's 30/s, one chat's 1/s)
 * and the gateway contract, not the province.
 */
export interface PacingPool {
  of(sender: ChannelSender): ChannelPacing;
}

export function createPacingPool(nowMs: () => number): PacingPool {
  const byChannel = new Map<string, ChannelPacing>();
  return {
    of(sender) {
      let pacing = byChannel.get(sender.channel);
      if (!pacing) byChannel.set(sender.channel, (pacing = createChannelPacing(sender.limits, nowMs)));
      return pacing;
    },
  };
}
