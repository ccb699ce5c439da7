import type { Channel } from "../../db/schema";
import type { Config } from "../../config";

/**
 * Ways a resident can be reached. Chat channels need a subscription on that channel;
 * `zalo_zns` (a ZNS / ZBS template to the roster phone, sent through the OA) and `sms` only
 * need a roster phone. `zalo_zns` travels in the outbox as a `zalo_oa` row with a template.
 */
export const ROUTE_CHANNELS = ["telegram", "zalo_oa", "zalo_bot", "zalo_zns", "sms"] as const;
export type RouteChannel = (typeof ROUTE_CHANNELS)[number];
export type PhoneRoute = Extract<RouteChannel, "zalo_zns" | "sms">;

/** Chat first (the person chose it), then the phone: a free-of-charge template before a paid SMS. */
export const DEFAULT_ROUTE_ORDER: readonly RouteChannel[] = ROUTE_CHANNELS;

/** Parses `REMINDER_CHANNEL_ORDER` (`telegram,zalo_oa,zalo_bot,zalo_zns,sms`); throws on unknown or repeated names. */
export function parseRouteOrder(text: string): RouteChannel[] {
  const names = text.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(ROUTE_CHANNELS as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0 || new Set(names).size !== names.length) throw new RangeError(`channel order must list distinct names of ${ROUTE_CHANNELS.join(", ")}`);
  return names as RouteChannel[];
}

export function isRouteOrder(text: string): boolean {
  try {
    return parseRouteOrder(text).length > 0;
  } catch {
    return false;
  }
}

/** What can carry a proactive message in this installation, and in which order to try. */
export interface Reach {
  /** `REMINDER_CHANNEL_ORDER`: channels left out are never used for reminders and campaigns. */
  order: readonly RouteChannel[];
  /** Channels configured here (a token, a provider, ZNS enabled). */
  configured: ReadonlySet<RouteChannel>;
}

export function isUsable(reach: Reach, channel: RouteChannel): boolean {
  return reach.order.includes(channel) && reach.configured.has(channel);
}

/** Phone routes usable here, in the configured order. */
export function phoneRoutes(reach: Reach): PhoneRoute[] {
  return reach.order.filter((c): c is PhoneRoute => (c === "zalo_zns" || c === "sms") && reach.configured.has(c));
}

/** The outbox channel a route's messages go out on. */
export function outboxChannel(route: RouteChannel): Channel {
  return route === "zalo_zns" ? "zalo_oa" : route;
}

/** The reach of a parsed configuration: a channel counts when it can send (ZNS also needs `ZALO_ZNS=1`). */
export function reachOf(config: Pick<Config, "telegram" | "zaloOa" | "zaloBot" | "sms" | "reminderChannels">): Reach {
  const configured = new Set<RouteChannel>();
  if (config.telegram) configured.add("telegram");
  if (config.zaloOa) configured.add("zalo_oa");
  if (config.zaloOa?.zns) configured.add("zalo_zns");
  if (config.zaloBot) configured.add("zalo_bot");
  if (config.sms) configured.add("sms");
  return { order: config.reminderChannels, configured };
}
