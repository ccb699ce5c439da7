import type { PageContext } from "./layout";

/**
 * A moment as the reader's clock shows it: the configured time zone (Asia/Ho_Chi_Minh), not
 * UTC, named by timeZoneLabel wherever the page says which zone it is; "05/12/2026 14:30" in Vietnamese, "2026-12-05 14:30" in English (as formatDate writes days).
 */
export function localDateTime(c: PageContext, at: Date, options: { seconds?: boolean } = {}): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: c.var.deps.config.timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: options.seconds ? "2-digit" : undefined,
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const time = `${part("hour")}:${part("minute")}${options.seconds ? `:${part("second")}` : ""}`;
  return c.var.locale === "vi" ? `${part("day")}/${part("month")}/${part("year")} ${time}` : `${part("year")}-${part("month")}-${part("day")} ${time}`;
}

/**
 * What the times on a page are in, for column headers and notices: the zone's everyday name
 * in the reader's language ("giờ Việt Nam", "Vietnam Time" for Asia/Ho_Chi_Minh; "GMT+0" for
 * UTC), so the label stays true whatever TIMEZONE is configured. The IANA name is the fallback
 * for a runtime whose Intl has no name for the zone.
 */
export function timeZoneLabel(c: PageContext): string {
  const name = zoneName(c.var.deps.config.timezone, c.var.locale === "vi" ? "vi" : "en");
  // ICU capitalises "Giờ" as a standalone name; the label sits inside a phrase ("hết hạn … giờ Việt Nam").
  return c.var.locale === "vi" ? name.replace(/^Giờ /, "giờ ") : name;
}

function zoneName(zone: string, locale: string): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "shortGeneric" }).formatToParts(new Date());
    return parts.find((p) => p.type === "timeZoneName")?.value ?? zone;
  } catch {
    return zone;
  }
}
