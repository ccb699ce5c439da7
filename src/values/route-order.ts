/**
 * Ways a resident can be reached. Chat channels need a subscription on that channel;
 * `zalo_zns` (a ZNS / ZBS template to the roster phone, sent through the OA) and `sms` only
 * need a roster phone. `zalo_zns` travels in the outbox as a `zalo_oa` row with a template.
 */
export const ROUTE_CHANNELS = ["telegram", "zalo_oa", "zalo_bot", "zalo_zns", "sms"] as const;
export type RouteChannel = (typeof ROUTE_CHANNELS)[number];

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
