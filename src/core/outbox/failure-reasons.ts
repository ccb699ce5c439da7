import { desc, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { outboxMessages } from "../../db/schema";

/**
 * Every code a message can end `failed` or `dropped` with, each explained in
 * `messages/*.ftl` as `outbox-reason-<code>`. Zalo codes without a name of their own keep
 * Zalo's number (`zalo_-248`) and get the generic explanation with that number.
 */
export const FAILURE_REASONS = [
  "dead_letter", "window_closed", "expired", "opted_out", "blocked", "no_identity", "no_address", "unknown_template",
  "loop_guard", "bad_phone", "quota_exceeded", "night_ban", "not_following", "user_inactive", "user_refused",
  "cannot_receive", "auth", "internal", "undelivered", "rate_limited", "unreadable",
] as const;

/** The catalogue key (and its argument) explaining a failure code. */
export function reasonMessage(code: string | null): { key: string; args: Record<string, string> } {
  if (code && (FAILURE_REASONS as readonly string[]).includes(code)) return { key: `outbox-reason-${code}`, args: {} };
  return { key: "outbox-reason-other", args: { code: code ?? "?" } };
}

export interface FailedMessage {
  id: number;
  channel: string;
  purpose: string;
  status: "failed" | "dropped";
  code: string | null;
  attempts: number;
  updatedAt: Date;
}

/** The latest messages that ended without being delivered (failed, or dropped as late), newest first. */
export async function failedMessages(db: Db, limit = 50): Promise<FailedMessage[]> {
  const rows = await db.orm
    .select({ id: outboxMessages.id, channel: outboxMessages.channel, purpose: outboxMessages.purpose, status: outboxMessages.status, code: outboxMessages.lastErrorCode, attempts: outboxMessages.attempts, updatedAt: outboxMessages.updatedAt })
    .from(outboxMessages)
    .where(inArray(outboxMessages.status, ["failed", "dropped"]))
    .orderBy(desc(outboxMessages.updatedAt), desc(outboxMessages.id))
    .limit(limit);
  return rows as FailedMessage[];
}
