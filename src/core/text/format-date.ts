import type { Locale } from "../../config";

/** ISO date as people write it: 31/10/2025 in Vietnamese, 2025-10-31 (unambiguous) in English. */
export function formatDate(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split("-");
  return locale === "vi" && y && m && d ? `${d}/${m}/${y}` : iso;
}

/** A month (YYYY-MM) as people write it: 11/2025 in Vietnamese ("tháng 11/2025"), 2025-11 in English. */
export function formatMonth(month: string, locale: Locale): string {
  const [y, m] = month.split("-");
  return locale === "vi" && y && m ? `${m}/${y}` : month;
}
