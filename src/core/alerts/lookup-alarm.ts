import { and, count, eq, gte, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditLog } from "../../db/schema";
import { LOOKUP_FAILED } from "../residents/lookup-guard";

const HOUR_MS = 3_600_000;
/** The "normal" rate is the hourly average of the week before the last hour: a weekday rhythm evens out. */
export const TRAILING_HOURS = 7 * 24;

export interface LookupAlarmRule {
  /** Ring when the last hour reaches this multiple of the trailing hourly average… */
  multiple: number;
  /** …and never below this many failures: a quiet system's average is near zero. */
  floor: number;
}

export interface LookupAlarm {
  raised: boolean;
  lastHour: number;
  /** Failed look-ups per hour over the trailing window. */
  hourlyAverage: number;
  /** Failures in one hour that ring the alarm. */
  threshold: number;
}

/**
 * The rule, pure: a spike is the last hour reaching max(floor, multiple × trailing hourly
 * average). Someone guessing birth dates across many chats (each under the per-chat cap of
 * the look-up guard) shows up here, not there.
 */
export function evaluateLookupAlarm(counts: { lastHour: number; trailing: number }, rule: LookupAlarmRule): LookupAlarm {
  const hourlyAverage = counts.trailing / TRAILING_HOURS;
  const threshold = Math.max(rule.floor, Math.ceil(rule.multiple * hourlyAverage));
  return { raised: counts.lastHour >= threshold, lastHour: counts.lastHour, hourlyAverage, threshold };
}

/** Counts failed look-ups in the audit log (indexed on `at`) and applies the rule. */
export async function lookupAlarm(db: Db, rule: LookupAlarmRule, now: Date): Promise<LookupAlarm> {
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  const since = new Date(hourAgo.getTime() - TRAILING_HOURS * HOUR_MS);
  const failures = async (from: Date, to: Date) => {
    const [row] = await db.orm
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, LOOKUP_FAILED), gte(auditLog.at, from), lt(auditLog.at, to)));
    return row?.n ?? 0;
  };
  const [lastHour, trailing] = await Promise.all([failures(hourAgo, new Date(now.getTime() + 1)), failures(since, hourAgo)]);
  return evaluateLookupAlarm({ lastHour, trailing }, rule);
}
