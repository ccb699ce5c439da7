import type { Logger } from "../../logger";
import { retryDelayMs, type RetryPolicy } from "./backoff";
import type { OutboxMessage } from "./claim";
import type { Pacer, RecipientSpacing } from "./pacer";
import { isQuietTime, quietEndsAt, type QuietHours } from "./quiet-hours";
import { loopGuardRefuses, loopKey } from "./loop-guard";
import { resolveMessage, type ResolveDeps } from "./resolve-message";
import { markFinal, markSent, scheduleRetry, settleWithoutSending, startAttempt } from "./settle";
import { applyGateDecision, type GateDecision, type SendGate } from "./send-gate";
import { isOfficerPurpose, type ChannelSender, type SendResult } from "./types";

export interface ChannelPacing {
  global: Pacer;
  recipients?: RecipientSpacing;
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

/**
 * One claimed message from `sending` to its next state. The checks run in this order on
 * purpose: expiry and recipient first (no slot wasted on a message that cannot go), then the
 * rate slot, then quiet hours and expiry again *after* waiting, right before the provider call.
 */
export async function deliver(ctx: DeliverContext, sender: ChannelSender, pace: ChannelPacing, row: OutboxMessage): Promise<DeliverOutcome> {
  const { db } = ctx;
  const log = ctx.logger.child({ outboxId: row.id, channel: row.channel });
  if (row.expiresAt && row.expiresAt <= ctx.now()) {
    await settleWithoutSending(db, row.id, ctx.now(), { status: "dropped", code: "expired" });
    return "dropped";
  }
  const resolved = await resolveMessage(ctx, row);
  if (!resolved.ok) {
    log.warn("outbox.not_sendable", { code: resolved.code });
    await settleWithoutSending(db, row.id, ctx.now(), { status: resolved.status, code: resolved.code });
    return resolved.status;
  }
  const message = resolved.message;
  if (row.channel === "sms" && (await loopGuardRefuses(db, row.id, await loopKey(ctx.protector, message.to, message.text), ctx.now()))) {
    log.warn("outbox.loop_guard", {});
    await settleWithoutSending(db, row.id, ctx.now(), { status: "dropped", code: "loop_guard" });
    return "dropped";
  }

  const before = ctx.gate ? await ctx.gate.before(row, message, ctx.now()) : undefined;
  if (before && before.action !== "send") {
    log.info("outbox.gate", { action: before.action, code: before.action === "reroute" ? before.reason : before.code });
    await applyGateDecision(db, row, before, ctx.now());
    return before.action === "fail" ? "failed" : "deferred";
  }

  const nowMs = ctx.now().getTime();
  const earliest = pace.recipients?.earliest(message.to) ?? nowMs;
  if (pace.global.peek(earliest) - nowMs > ctx.maxWaitMs) {
    await settleWithoutSending(db, row.id, ctx.now(), { status: "release", notBefore: new Date(pace.global.peek(earliest)) });
    return "deferred";
  }
  const slot = pace.global.reserve(earliest);
  pace.recipients?.record(message.to, slot);
  if (slot > nowMs) await ctx.sleep(slot - nowMs);

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
  // The platform asked the whole channel to slow down, not just this message.
  if (result.retryAfterSeconds) pace.global.pause(end.getTime() + result.retryAfterSeconds * 1000);
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
