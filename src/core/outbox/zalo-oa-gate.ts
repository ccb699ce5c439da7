import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { channelIdentities } from "../../db/schema";
import { localDate } from "../time/local-date";
import { takeDailyQuota } from "./daily-quota";
import { isQuietTime, quietEndsAt, type QuietHours } from "./quiet-hours";
import { outboxChannel, phoneRoutes, type Reach } from "./routes";
import type { GateDecision, SendGate } from "./send-gate";
import type { OutboxPayload } from "./types";
import type { OutboxMessage } from "./claim";

/**
 * Zalo's sending rules, as data (channels.md §2.1, §2.3; help-centre and third-party sources,
 * so kept in one place to change): free CS messages within 48 hours of the user's last
 * message; promotional content only 08:00–22:00; ZNS / ZBS templates not 22:00–06:00 (-133).
 */
export const ZALO_RULES = {
  freeWindowMs: 48 * 3_600_000,
  promotionalBan: { startMinute: 22 * 60, endMinute: 8 * 60 } satisfies QuietHours,
  znsNightBan: { startMinute: 22 * 60, endMinute: 6 * 60 } satisfies QuietHours,
} as const;

/** Outbox purposes whose content is promotional in Zalo's sense (a campaign, not a reminder about one's own card). */
export const PROMOTIONAL_PURPOSES: ReadonlySet<string> = new Set(["campaign"]);

export const PROACTIVE_QUOTA_NAME = "zalo_oa_proactive";

export interface ZaloOaGateDeps {
  db: Db;
  reach: Reach;
  timezone: string;
  /** Proactive OA messages (outside the window, nothing to fall back on) allowed per local day. */
  proactiveDailyQuota: number;
}

/**
 * The outbox gate for `zalo_oa` rows. A CS message to someone whose 48-hour window has
 * closed is re-routed before sending (ZNS to the roster phone when a template is approved,
 * else SMS) instead of being sent to fail; with nowhere to go it may use the proactive quota,
 * else fails with `window_closed`. -230/-232 from Zalo re-route the same way. A spent ZNS
 * quota (-144) holds ZNS messages until the next day, without calling Zalo for each.
 */
export function createZaloOaGate(deps: ZaloOaGateDeps): SendGate {
  let znsHeldUntil = 0;

  function fallback(row: OutboxMessage, reason: string): GateDecision | undefined {
    const payload = row.payload as OutboxPayload;
    const fb = payload.fallback;
    if (!fb) return undefined;
    const route = phoneRoutes(deps.reach).find((r) => r === "sms" || fb.zns !== undefined);
    if (!route) return undefined;
    const { fallback: _spent, ...rest } = payload;
    const next: OutboxPayload = { ...rest, toEnc: fb.toEnc, phoneIdx: fb.phoneIdx, rerouted: [...(payload.rerouted ?? []), `${row.channel}:${reason}`] };
    if (route === "zalo_zns") next.zns = fb.zns;
    return { action: "reroute", channel: outboxChannel(route), payload: next, identityId: null, reason };
  }

  /** A spent ZNS quota (-144) holds every ZNS message until the time Zalo gave. */
  const held: NonNullable<SendGate["hold"]> = (row, message, at) =>
    row.channel === "zalo_oa" && message.template && znsHeldUntil > at.getTime() ? { action: "release", notBefore: new Date(znsHeldUntil), code: "quota_exceeded" } : undefined;

  const banned = (at: Date, ban: QuietHours): GateDecision | undefined =>
    isQuietTime(at, ban, deps.timezone) ? { action: "release", notBefore: quietEndsAt(at, ban, deps.timezone), code: "night_ban" } : undefined;

  return {
    async before(row, message, at) {
      if (row.channel !== "zalo_oa") return { action: "send" };
      const promotional = PROMOTIONAL_PURPOSES.has(row.purpose) || message.template?.promotional === true;
      if (message.template) {
        const quotaHold = held(row, message, at);
        if (quotaHold) return quotaHold;
        return banned(at, promotional ? ZALO_RULES.promotionalBan : ZALO_RULES.znsNightBan) ?? { action: "send" };
      }
      const ban = promotional ? banned(at, ZALO_RULES.promotionalBan) : undefined;
      if (ban) return ban;
      // A reply goes to whoever just wrote (no identity on the row): inside the window by definition.
      if (!row.identityId) return { action: "send" };
      const [identity] = await deps.db.orm.select({ lastInboundAt: channelIdentities.lastInboundAt }).from(channelIdentities).where(eq(channelIdentities.id, row.identityId));
      const last = identity?.lastInboundAt?.getTime();
      if (last !== undefined && at.getTime() - last < ZALO_RULES.freeWindowMs) return { action: "send" };
      const rerouted = fallback(row, "window_closed");
      if (rerouted) return rerouted;
      if (await takeDailyQuota(deps.db, { name: PROACTIVE_QUOTA_NAME, day: localDate(at, deps.timezone), limit: deps.proactiveDailyQuota, at })) return { action: "send" };
      return { action: "fail", code: "window_closed" };
    },
    hold: held,
    async after(row, message, result, at) {
      if (row.channel !== "zalo_oa") return undefined;
      if (result.code === "window_closed" && !message.template) return fallback(row, "window_closed");
      if (result.hold && result.retryAfterSeconds) {
        const until = at.getTime() + result.retryAfterSeconds * 1000;
        // Zalo's daily quota is the OA's: every other ZNS message waits too, without a call each.
        if (message.template && result.code === "quota_exceeded") znsHeldUntil = Math.max(znsHeldUntil, until);
        return { action: "release", notBefore: new Date(until), code: result.code };
      }
      return undefined;
    },
  };
}
