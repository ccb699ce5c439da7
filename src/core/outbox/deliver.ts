import type { Logger } from "../../logger";
import { retryDelayMs, type RetryPolicy } from "./backoff";
import type { OutboxMessage } from "./claim";
import type { DepartureWindow, Pacer, RecipientSpacing } from "./pacer";
import { isQuietTime, quietEndsAt, type QuietHours } from "./quiet-hours";
import { loopGuardRefuses, loopKey } from "./loop-guard";
import { resolveMessage, type ResolveDeps } from "./resolve-message";
import { markFinal, markSent, scheduleRetry, settleWithoutSending, startAttempt } from "./settle";
import { applyGateDecision, type GateDecision, type SendGate } from "./send-gate";
import { isOfficerPurpose, type ChannelSender, type OutboundMessage, type SendResult } from "./types";

export interface ChannelPacing {
  global: Pacer;
  recipients?: RecipientSpacing;
  /** The overall limit on actual departure times (see createDepartureWindow). */
  departures: DepartureWindow;
  /** The platform answered 429 for `to` until `untilMs` (see `createChannelPacing`). */
  flood(to: string, untilMs: number): void;
}

export interface DeliverContext extends ResolveDeps {
  logger: Logger;
  timezone: string;
  quietHours?: QuietHours;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  maxWaitMs: number;
  retry: RetryPolicy;
  /** Platform rules around a send (Zalo's window, quotas and night bans). */
  gate?: SendGate;
}

export type DeliverOutcome = "sent" | "retried" | "failed" | "dropped" | "cancelled" | "deferred";

/** A claimed message that can go: its recipient resolved, waiting for a rate slot. */
export interface PreparedMessage {
  row: OutboxMessage;
  message: OutboundMessage;
}

/**
 * The checks before a claimed message may take a rate slot, in this order on purpose: expiry
 * and recipient first (no slot wasted on a message that cannot go), then the SMS loop guard.
 * Returns the message ready to send, or the outcome it was settled with.
 */
export async function prepareDelivery(ctx: DeliverContext, row: OutboxMessage): Promise<PreparedMessage | { outcome: DeliverOutcome }> {
  const { db } = ctx;
  const log = ctx.logger.child({ outboxId: row.id, channel: row.channel });
  if (row.expiresAt && row.expiresAt <= ctx.now()) {
    await settleWithoutSending(db, row.id, ctx.now(), { status: "dropped", code: "expired" });
    return { outcome: "dropped" };
  }
  const resolved = await resolveMessage(ctx, row);
  if (!resolved.ok) {
    log.warn("outbox.not_sendable", { code: resolved.code });
    await settleWithoutSending(db, row.id, ctx.now(), { status: resolved.status, code: resolved.code });
    return { outcome: resolved.status };
  }
  const message = resolved.message;
  if (row.channel === "sms" && (await loopGuardRefuses(db, row.id, await loopKey(ctx.protector, message.to, message.text), ctx.now()))) {
    log.warn("outbox.loop_guard", {});
    await settleWithoutSending(db, row.id, ctx.now(), { status: "dropped", code: "loop_guard" });
    return { outcome: "dropped" };
  }
  // Platform rules (Zalo's 48-hour window, quotas, night bans) before a rate slot is taken.
  const before = ctx.gate ? await ctx.gate.before(row, message, ctx.now()) : undefined;
  if (before && before.action !== "send") {
    log.info("outbox.gate", { action: before.action, code: before.action === "reroute" ? before.reason : before.code });
    await applyGateDecision(db, row, before, ctx.now());
    return { outcome: before.action === "fail" ? "failed" : "deferred" };
  }
  return { row, message };
}

/** Hands a prepared message back unsent, to be claimed again from `notBefore` (its attempt is given back). */
export async function releasePrepared(ctx: DeliverContext, prepared: PreparedMessage, notBefore: Date): Promise<"deferred"> {
  await settleWithoutSending(ctx.db, prepared.row.id, ctx.now(), { status: "release", notBefore });
  return "deferred";
}

/**
 * Sends a prepared message whose rate slot has come, and settles it. Quiet hours and expiry are
 * checked again first: the wait for the slot may have crossed either.
 */
export async function sendPrepared(ctx: DeliverContext, sender: ChannelSender, pace: ChannelPacing, { row, message }: PreparedMessage): Promise<DeliverOutcome> {
  const { db } = ctx;
  const log = ctx.logger.child({ outboxId: row.id, channel: row.channel });
  const at = ctx.now();
  if (!isOfficerPurpose(row.purpose) && isQuietTime(at, ctx.quietHours, ctx.timezone)) {
    const morning = quietEndsAt(at, ctx.quietHours!, ctx.timezone);
    const late = row.expiresAt !== null && row.expiresAt <= morning;
    await settleWithoutSending(db, row.id, at, late ? { status: "dropped", code: "expired" } : { status: "release", notBefore: morning });
    return late ? "dropped" : "deferred";
  }
  if (row.expiresAt && row.expiresAt <= at) {
    await settleWithoutSending(db, row.id, at, { status: "dropped", code: "expired" });
    return "dropped";
  }

  const held = ctx.gate?.hold?.(row, message, at);
  if (held) {
    log.info("outbox.gate", { action: held.action, code: held.code });
    await applyGateDecision(db, row, held, at);
    return "deferred";
  }

  const attemptId = await startAttempt(db, row.id, row.attempts, at);
  let result: SendResult;
  try {
    result = await sender.send(message);
  } catch (err) {
    // A sender should answer with a SendResult; anything thrown is treated as transient.
    log.error("outbox.sender_threw", { err });
    result = { ok: false, retryable: true, code: "internal" };
  }
  const end = ctx.now();
  if (result.ok) {
    await markSent(db, row.id, result.providerMessageId, { attemptId, at: end, outcome: "sent" });
    return "sent";
  }
  const details = { attemptId, at: end, errorCode: result.code, httpStatus: result.httpStatus, retryAfterSeconds: result.retryAfterSeconds };
  const hold: GateDecision | undefined = result.hold && result.retryAfterSeconds ? { action: "release", notBefore: new Date(end.getTime() + result.retryAfterSeconds * 1000), code: result.code } : undefined;
  const after = (ctx.gate ? await ctx.gate.after(row, message, result, end) : undefined) ?? hold;
  if (after && after.action !== "send") {
    log.info("outbox.gate", { action: after.action, code: after.action === "reroute" ? after.reason : after.code });
    await applyGateDecision(db, row, after, end, { ...details, outcome: after.action === "fail" ? "permanent_failure" : "retry" });
    return after.action === "fail" ? "failed" : "deferred";
  }
  if (!result.retryable) {
    log.warn("outbox.failed", { code: result.code, httpStatus: result.httpStatus, blocked: result.blocked === true });
    await markFinal(db, row.id, "failed", { ...details, outcome: "permanent_failure" }, result.blocked ? row.identityId : undefined);
    return "failed";
  }
  if (result.retryAfterSeconds) pace.flood(message.to, end.getTime() + result.retryAfterSeconds * 1000);
  if (row.attempts >= ctx.retry.maxAttempts) {
    log.warn("outbox.gave_up", { code: result.code, attempts: row.attempts });
    await markFinal(db, row.id, "failed", { ...details, outcome: "retry" });
    return "failed";
  }
  const next = new Date(end.getTime() + retryDelayMs(row.attempts, ctx.retry, result.retryAfterSeconds));
  if (row.expiresAt && row.expiresAt <= next) {
    await markFinal(db, row.id, "dropped", { ...details, outcome: "retry" });
    return "dropped";
  }
  log.info("outbox.retry", { code: result.code, attempts: row.attempts, notBefore: next.toISOString() });
  await scheduleRetry(db, row.id, next, { ...details, outcome: "retry" });
  return "retried";
}
