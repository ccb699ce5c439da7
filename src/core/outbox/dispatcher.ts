import type { Logger } from "../../logger";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./backoff";
import { createPacingPool, type PacingPool } from "./channel-pacing";
import { dispatchChannel, type ChannelRun } from "./channel-dispatch";
import { dropExpired } from "./claim";
import type { ChannelPacing, DeliverContext, DeliverOutcome } from "./deliver";
import { sendNow } from "./send-now";
import { createReplyRelay, type RelayRequest } from "./reply-relay";
import type { QuietHours } from "./quiet-hours";
import type { ResolveDeps } from "./resolve-message";
import type { ChannelSender } from "./types";
import type { SendGate } from "./send-gate";
import type { Channel } from "../records";

export interface DispatcherDeps extends ResolveDeps {
  senders: ChannelSender[];
  logger: Logger;
  timezone: string;
  quietHours?: QuietHours;
  /** The clock and the way to wait; tests pass a virtual clock. */
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Messages in flight per channel, and so the most a crash can send twice (default 4). */
  concurrency?: number;
  /** How long a claim holds before another dispatcher may take the message over (default 2 min). */
  leaseMs?: number;
  /** Longest wait for a rate slot; a message that would wait longer goes back for a later run (default 5 s). */
  maxWaitMs?: number;
  retry?: RetryPolicy;
  /** Platform rules around a send (the Zalo OA gate). */
  gate?: SendGate;
  /** Rate state shared with the process's other dispatchers (one per shard); its own otherwise. */
  pacing?: PacingPool;
}

export interface DispatchOptions {
  /** Stop claiming after this many messages (a queue consumer's batch). */
  maxMessages?: number;
  /** Stop claiming after this long (a queue consumer's wall-clock budget). */
  budgetMs?: number;
  /** Stop claiming when aborted (shutdown); messages in flight still finish. */
  signal?: AbortSignal;
}

export interface DispatchReport {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  dropped: number;
  cancelled: number;
  /** Handed back unsent for later: quiet hours, a rate slot too far away. */
  deferred: number;
}

export interface Dispatcher {
  /** Sends what is due now, channel by channel, and returns when nothing more is due (or a limit is hit). */
  dispatchOnce(options?: DispatchOptions): Promise<DispatchReport>;
  /**
   * Sends these messages (an inbound update's replies, by idempotency key) at once, in order,
   * sharing this dispatcher's rate state; what cannot go now stays for `dispatchOnce`.
   */
  sendNow(keys: readonly string[], channel?: Channel): Promise<DeliverOutcome[]>;
  /**
   * `sendNow` started in the background (see reply-relay.ts): a webhook answers without
   * waiting for the platform, and a conversation's replies keep their order.
   */
  relay(request: RelayRequest): void;
  /** Resolves once every relay started so far has finished (a Worker's `waitUntil`, shutdown). */
  relaysIdle(): Promise<void>;
}

/**
 * The outbox dispatcher. Each channel claims due messages in batches and hands its rate slots
 * to whichever queued message's recipient may receive (see `dispatchChannel`), with at most
 * `concurrency` sends in flight. Rate state lives here, across runs, so calling `dispatchOnce`
 * from a timer or a queue consumer paces sends the same way.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const now = deps.now ?? (() => new Date());
  const nowMs = () => now().getTime();
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const concurrency = deps.concurrency ?? 4;
  const leaseMs = deps.leaseMs ?? 120_000;
  const pool = deps.pacing ?? createPacingPool(nowMs);
  const pacing = new Map<ChannelSender, ChannelPacing>(deps.senders.map((s) => [s, pool.of(s)]));
  const laneOf = (channel: string) => {
    const sender = deps.senders.find((s) => s.channel === channel);
    return sender ? { sender, pace: pacing.get(sender)! } : undefined;
  };
  const ctx: DeliverContext = { ...deps, now, sleep, maxWaitMs: deps.maxWaitMs ?? 5_000, retry: deps.retry ?? DEFAULT_RETRY_POLICY };

  const send = (keys: readonly string[], channel?: Channel) => (keys.length === 0 ? Promise.resolve([]) : sendNow(ctx, laneOf, keys, leaseMs, channel));
  const replies = createReplyRelay({ sendNow: send, logger: deps.logger, nowMs });

  return {
    async dispatchOnce(options = {}) {
      const report: DispatchReport = { claimed: 0, sent: 0, retried: 0, failed: 0, dropped: 0, cancelled: 0, deferred: 0 };
      const started = nowMs();
      const stopped = () => options.signal?.aborted === true || nowMs() - started >= (options.budgetMs ?? Infinity);
      const claimable = () => (options.maxMessages ?? Infinity) - report.claimed;
      report.dropped += await dropExpired(deps.db, now());
      const run: ChannelRun = {
        concurrency,
        leaseMs,
        stopped,
        claimable,
        canClaim: () => !stopped() && claimable() > 0,
        count: (outcome, n = 1) => void (report[outcome] += n),
      };
      await Promise.all(deps.senders.map((sender) => dispatchChannel(ctx, sender, pacing.get(sender)!, run)));
      return report;
    },
    sendNow: send,
    relay: replies.relay,
    relaysIdle: replies.idle,
  };
}
