import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { outboxMessages, type Channel } from "../../db/schema";
import type { OutboxMessage } from "./claim";
import { finishAttempt, type AttemptEnd } from "./settle";
import type { OutboundMessage, OutboxPayload, SendResult } from "./types";

/** What a channel's rules say about one message, before or after the provider call. */
export type GateDecision =
  | { action: "send" }
  /** Not now: back to pending at `notBefore`, the attempt not counted (a night ban, a spent daily quota). */
  | { action: "release"; notBefore: Date; code: string }
  /** This channel cannot carry it: the same row moves to `channel` (same idempotency key, so never twice). */
  | { action: "reroute"; channel: Channel; payload: OutboxPayload; identityId: number | null; reason: string }
  /** Nothing can carry it: failed, with the reason kept on the row. */
  | { action: "fail"; code: string };

/**
 * Platform rules the dispatcher applies around a send (Zalo's 48-hour window, its quotas and
 * night bans). `before` runs once the message is resolved; `after` sees a failed send.
 */
export interface SendGate {
  before(row: OutboxMessage, message: OutboundMessage, at: Date): Promise<GateDecision>;
  after(row: OutboxMessage, message: OutboundMessage, result: Extract<SendResult, { ok: false }>, at: Date): Promise<GateDecision | undefined>;
  /**
   * Checked again right before the provider call, without side effects: a message prepared
   * while another was in flight must not go once that one's answer closed the way (a spent
   * daily quota).
   */
  hold?(row: OutboxMessage, message: OutboundMessage, at: Date): Extract<GateDecision, { action: "release" }> | undefined;
}

const stillSending = (id: number) => and(eq(outboxMessages.id, id), eq(outboxMessages.status, "sending"));

/**
 * Applies a gate's decision to a claimed row, with the attempt's end when a provider call was
 * made. Releases and re-routes give back the attempt the claim counted: the message was not
 * tried on a channel that could carry it.
 */
export async function applyGateDecision(db: Db, row: OutboxMessage, decision: Exclude<GateDecision, { action: "send" }>, at: Date, end?: AttemptEnd): Promise<void> {
  const giveBack = { attempts: sql`max(${outboxMessages.attempts} - 1, 0)` };
  const change =
    decision.action === "release"
      ? { status: "pending" as const, notBefore: decision.notBefore, lastErrorCode: decision.code, ...giveBack }
      : decision.action === "reroute"
        ? { status: "pending" as const, notBefore: at, channel: decision.channel, identityId: decision.identityId, payload: decision.payload, lastErrorCode: decision.reason, ...giveBack }
        : { status: "failed" as const, lastErrorCode: decision.code };
  await db.atomic([
    ...(end ? [finishAttempt(end)] : []),
    (tx) => tx.update(outboxMessages).set({ ...change, leaseUntil: null, updatedAt: at }).where(stillSending(row.id)),
  ]);
}
