/** @module Cloudflare Queues: dispatch kicks (producer), the outbox consumer, and the dead-letter consumer. */
import type { Config } from "../config";
import type { PacingPool } from "../core/outbox/channel-pacing";
import type { Db } from "../db/client";
import type { Channel } from "../db/schema";
import type { Logger } from "../logger";
import type { Translator } from "../i18n/translate";
import type { Protector } from "../core/privacy/protector";
import type { Dispatcher, DispatchReport } from "../core/outbox/dispatcher";
import { failAbandoned, nextDueAt } from "../core/outbox/next-due";
import type { ChannelSender } from "../core/outbox/types";
import { createSenders, dispatcherOver } from "../channels/senders";

/**
 * A wake-up, not a work item: the outbox in D1 says what to send, so duplicate or lost
 * kicks are harmless (the Cron safety net sends another within minutes).
 */
export interface DispatchJob {
  kind: "dispatch";
  /** Who asked, for the logs: a cron, a webhook that queued replies, or the consumer itself. */
  reason: "cron" | "webhook" | "more" | "later";
  /** Only for logs and the dead-letter consumer's scope; the consumer sends every channel. */
  channel?: Channel;
  /** Sharded deployments: the shard whose outbox to run; absent wakes every shard. */
  shard?: string;
  /** ISO time the kick was sent. */
  at: string;
}

/** Queue names, as in wrangler.toml; the consumer tells the two apart by `batch.queue`. */
export const DISPATCH_QUEUE_NAME = "bhyt-dispatch";
export const DEAD_LETTER_QUEUE_NAME = "bhyt-dispatch-dlq";

/**
 * Limits of one consumer invocation. D1 allows 1000 queries per invocation and a message
 * costs about six (claim, recipient, attempt, settle…), so 100 messages leave room; the
 * budget stops claiming well inside the 30 s CPU default (sends are mostly waiting on I/O).
 * The lease outlives a send (Telegram times out at 15 s) and is shorter than the first
 * queue retry, so a message a crashed run held is claimed again (and counted) on the retry.
 */
export const WORKER_DISPATCH = { maxMessages: 100, budgetMs: 20_000, leaseMs: 60_000 } as const;
/** Queue-level retries after the consumer threw: 60 s, 120 s, 240 s… (max_retries in wrangler.toml). */
export const retryDelaySeconds = (attempts: number) => Math.min(3_600, 60 * 2 ** Math.max(0, attempts - 1));
/** A run that claimed nothing but still sees due work (a 429 pause) waits at least this long. */
export const IDLE_KICK_DELAY_SECONDS = 30;
/** Queues refuse delays over 12 h; the Cron safety net covers anything later. */
export const MAX_KICK_DELAY_SECONDS = 12 * 3_600;
/** A `sending` row claimed this often when a kick is dead-lettered is the one that crashes runs. */
export const DEAD_LETTER_MIN_ATTEMPTS = 3;

/** Sends a kick; a queue that refuses is logged, never fatal (the outbox keeps the work). */
export async function kickDispatch(
  queue: Queue<DispatchJob> | undefined,
  job: Omit<DispatchJob, "kind" | "at">,
  options: { logger: Logger; now?: Date; delaySeconds?: number },
): Promise<void> {
  if (!queue) return;
  const delaySeconds = options.delaySeconds ? Math.min(MAX_KICK_DELAY_SECONDS, Math.ceil(options.delaySeconds)) : undefined;
  try {
    await queue.send({ kind: "dispatch", ...job, at: (options.now ?? new Date()).toISOString() }, delaySeconds ? { delaySeconds } : undefined);
  } catch (err) {
    options.logger.warn("outbox.kick_failed", { reason: job.reason, err });
  }
}

export interface QueueDispatchDeps {
  config: Config;
  db: Db;
  protector: Protector;
  t: Translator;
  logger: Logger;
  now?: () => Date;
  /** Rate state shared by the isolate's shard dispatchers. */
  pacing?: PacingPool;
}

/** The dispatcher an isolate keeps across batches (pacing state lives in it), with its channels. */
export interface WorkerDispatcher {
  dispatcher: Dispatcher;
  channels: Channel[];
}

export function createWorkerDispatcher(deps: QueueDispatchDeps, senders: ChannelSender[] = createSenders(deps.config, deps)): WorkerDispatcher {
  const dispatcher = dispatcherOver(deps.config, deps, { leaseMs: WORKER_DISPATCH.leaseMs, now: deps.now, pacing: deps.pacing }, senders);
  return { dispatcher, channels: senders.map((s) => s.channel) };
}

/**
 * The `bhyt-dispatch` consumer: one `dispatchOnce` per batch however many kicks it holds,
 * then ack them all. More due work → an immediate kick; work due later (backoff, quiet
 * hours) → a delayed one. If the run throws, every kick is retried with a delay; after
 * `max_retries` the kick lands in the dead-letter queue.
 */
export async function consumeDispatchBatch(
  batch: MessageBatch<DispatchJob>,
  deps: QueueDispatchDeps & { worker: WorkerDispatcher; queue?: Queue<DispatchJob>; /** A share of the run's messages when shards share an invocation. */ maxMessages?: number },
): Promise<DispatchReport | undefined> {
  const now = deps.now ?? (() => new Date());
  const log = deps.logger.child({ component: "outbox", queue: batch.queue });
  let report: DispatchReport;
  try {
    report = await deps.worker.dispatcher.dispatchOnce({ maxMessages: deps.maxMessages ?? WORKER_DISPATCH.maxMessages, budgetMs: WORKER_DISPATCH.budgetMs });
  } catch (err) {
    log.error("outbox.dispatch_failed", { err, kicks: batch.messages.length });
    for (const message of batch.messages) message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    return undefined;
  }
  batch.ackAll();
  if (report.claimed > 0 || report.dropped > 0) log.info("outbox.dispatched", { ...report, kicks: batch.messages.length });
  const at = now();
  const next = await nextDueAt(deps.db, { now: at, channels: deps.worker.channels, timezone: deps.config.timezone, quietHours: deps.config.quietHours });
  if (next) {
    const waitSeconds = Math.max((next.getTime() - at.getTime()) / 1000, report.claimed === 0 ? IDLE_KICK_DELAY_SECONDS : 0);
    await kickDispatch(deps.queue, { reason: waitSeconds > 0 ? "later" : "more" }, { logger: log, now: at, delaySeconds: waitSeconds });
  }
  return report;
}

/**
 * The `bhyt-dispatch-dlq` consumer: a kick that failed every retry means a run keeps
 * crashing, most likely on one message. `sending` rows claimed at least
 * `DEAD_LETTER_MIN_ATTEMPTS` times are that message: they become `failed` with `dead_letter`,
 * so the next kick gets past them. Always acks (a dead letter is not retried).
 */
export async function consumeDeadLetters(batch: MessageBatch<DispatchJob>, deps: { db: Db; logger: Logger; now?: () => Date }): Promise<number[]> {
  const now = (deps.now ?? (() => new Date()))();
  const log = deps.logger.child({ component: "outbox", queue: batch.queue });
  const failed: number[] = [];
  for (const message of batch.messages) {
    const channel = message.body?.channel;
    failed.push(...(await failAbandoned(deps.db, { now, code: "dead_letter", minAttempts: DEAD_LETTER_MIN_ATTEMPTS, channel })));
    log.error("outbox.dead_letter", { kick: message.body, attempts: message.attempts, messageId: message.id });
  }
  if (failed.length > 0) log.error("outbox.dead_letter_failed_rows", { outboxIds: failed });
  batch.ackAll();
  return failed;
}
