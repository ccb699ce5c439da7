import type { Channel } from "../../db/schema";
import type { Config } from "../../config";
import type { RouteChannel } from "../../values/route-order";

export { DEFAULT_ROUTE_ORDER, isRouteOrder, parseRouteOrder, ROUTE_CHANNELS, type RouteChannel } from "../../values/route-order";
export type PhoneRoute = Extract<RouteChannel, "zalo_zns" | "sms">;

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
