import type { PageContext } from "./layout";

/**
 * A moment as the reader's clock shows it: the configured time zone (Asia/Ho_Chi_Minh), not
 * UTC; "05/12/2026 14:30" in Vietnamese, "2026-12-05 14:30" in English (as formatDate writes days).
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
