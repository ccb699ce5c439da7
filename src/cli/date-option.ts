import { parseDate } from "../core/imports/values";
import { localDate } from "../core/time/local-date";

/**
 * `--on YYYY-MM-DD`, defaulting to today in the configured time zone (Vietnam). Undefined
 * when the value is not a real calendar date, so the command can refuse it.
 */
export function readOnOption(value: string | boolean | undefined, timeZone: string, now = new Date()): string | undefined {
  if (value === undefined) return localDate(now, timeZone);
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const parsed = parseDate(value);
  return parsed.ok ? parsed.value : undefined;
}
