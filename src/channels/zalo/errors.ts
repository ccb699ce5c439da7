import type { SendResult } from "../../core/outbox/types";

type Failure = Extract<SendResult, { ok: false }>;

/** Zalo answered with a non-zero `error` (HTTP 200): what it said, kept as is (modelled on GrammyError). */
export class ZaloApiError extends Error {
  constructor(
    public readonly errorCode: number,
    public readonly description: string,
    public readonly endpoint: string,
  ) {
    super(`Zalo ${endpoint} failed: ${errorCode} ${description}`);
    this.name = "ZaloApiError";
  }
}

/** Token errors: the access token expired or was revoked; refresh once and retry once. */
export const ZALO_TOKEN_ERRORS: ReadonlySet<number> = new Set([-216, -220, -124]);

/** Seconds until the next `hour`:00 in Vietnam (UTC+7, no daylight saving). */
export function secondsUntilLocalHour(now: Date, hour: number): number {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  const target = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour));
  if (target.getTime() <= local.getTime()) target.setUTCDate(target.getUTCDate() + 1);
  return Math.ceil((target.getTime() - local.getTime()) / 1000);
}

/** Seconds until `hour`:00 on the next Vietnamese calendar day: a daily quota resets at midnight, not at `hour`. */
export function secondsUntilNextLocalDay(now: Date, hour: number): number {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  const target = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1, hour);
  return Math.ceil((target - local.getTime()) / 1000);
}

/**
 * One table from Zalo's error codes to the outbox's retry decision. Codes whose meaning is
 * "not now" are retryable with the wait Zalo implies; codes about this recipient are final.
 * `window_closed` is final so the outbox (or a planner) can fall back to ZNS or SMS.
 */
export function zaloFailure(errorCode: number, now = new Date()): Failure {
  switch (errorCode) {
    case -216:
    case -220:
    case -124:
      // Still failing after a refresh: an operator must re-authorise; keep the message waiting.
      return { ok: false, retryable: true, code: "auth" };
    case -32:
      return { ok: false, retryable: true, code: "rate_limited", retryAfterSeconds: 60 };
    case -230:
    case -232:
      return { ok: false, retryable: false, code: "window_closed" };
    case -234:
      // Night-time ban (22:00–06:00) on this kind of message: try again in the morning.
      return { ok: false, retryable: true, code: "night_ban", retryAfterSeconds: secondsUntilLocalHour(now, 6), hold: true };
    case -133:
      return { ok: false, retryable: true, code: "night_ban", retryAfterSeconds: secondsUntilLocalHour(now, 6), hold: true };
    case -144:
    case -147:
    case -211:
    case -115:
      // Daily quota (whole OA, or this template): held, not failed, until the next day's quota.
      return { ok: false, retryable: true, code: "quota_exceeded", retryAfterSeconds: secondsUntilNextLocalDay(now, 8), hold: true };
    case -213:
      // The user unfollowed the OA: like a Telegram block, nothing more goes there.
      return { ok: false, retryable: false, code: "not_following", blocked: true };
    case -227:
      return { ok: false, retryable: false, code: "user_inactive" };
    case -244:
    case -139:
    case -141:
      return { ok: false, retryable: false, code: "user_refused" };
    case -108:
    case -118:
    case -119:
    case -114:
      return { ok: false, retryable: false, code: "cannot_receive" };
    default:
      if (errorCode <= -500 || errorCode === -1) return { ok: false, retryable: true, code: `zalo_${errorCode}` };
      return { ok: false, retryable: false, code: `zalo_${errorCode}` };
  }
}
