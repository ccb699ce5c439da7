import type { Logger } from "../../logger";
import type { DeliverOutcome } from "./deliver";
import type { Channel } from "../records";

/** One inbound update's committed replies, to be sent at once if the channel has a slot. */
export interface RelayRequest {
  channel: Channel;
  /** Whose replies these are (the channel and the sender): replies of one conversation keep their order. */
  conversation: string;
  keys: string[];
}

export interface ReplyRelay {
  /**
   * Starts sending the replies and returns at once: the webhook answers the platform without
   * waiting for the platform's API. The replies are already in the outbox, so anything that
   * does not go here (no slot, an error, the process ending) is sent by the dispatcher.
   */
  relay(request: RelayRequest): void;
  /** Resolves once every relay started so far has finished (a Worker's `waitUntil`, a server's shutdown). */
  idle(): Promise<void>;
}

/**
 * How long a conversation whose replies were left to the dispatcher keeps leaving the next ones
 * to it too: a later reply sent at once would overtake the earlier ones still waiting. The
 * dispatch loop runs every second and sends a chat's messages oldest first.
 */
export const BEHIND_MS = 10_000;

/** At most this many conversations are remembered as behind (a burst's worth; the oldest are forgotten). */
const MAX_BEHIND = 10_000;

/**
 * The relay between a committed update and the dispatcher's `sendNow`. Relays of one
 * conversation run one after another (a reply never overtakes the previous update's); relays of
 * different conversations run side by side and share the channel's rate through the dispatcher.
 */
export function createReplyRelay(deps: {
  sendNow(keys: readonly string[], channel: Channel): Promise<DeliverOutcome[]>;
  logger: Logger;
  nowMs?: () => number;
}): ReplyRelay {
  const nowMs = deps.nowMs ?? Date.now;
  const tails = new Map<string, Promise<void>>();
  const behindSince = new Map<string, number>();

  const isBehind = (conversation: string) => {
    const since = behindSince.get(conversation);
    if (since === undefined) return false;
    if (nowMs() - since < BEHIND_MS) return true;
    behindSince.delete(conversation);
    return false;
  };
  const markBehind = (conversation: string) => {
    behindSince.delete(conversation);
    behindSince.set(conversation, nowMs());
    if (behindSince.size > MAX_BEHIND) behindSince.delete(behindSince.keys().next().value!);
  };

  const run = async ({ channel, conversation, keys }: RelayRequest) => {
    if (isBehind(conversation)) return markBehind(conversation);
    try {
      const outcomes = await deps.sendNow(keys, channel);
      if (outcomes.some((o) => o === "deferred" || o === "retried")) markBehind(conversation);
    } catch (err) {
      markBehind(conversation);
      deps.logger.warn("outbox.relay_failed", { channel, err });
    }
  };

  return {
    relay(request) {
      const previous = tails.get(request.conversation);
      const tail = (previous ? previous.then(() => run(request)) : run(request)).finally(() => {
        if (tails.get(request.conversation) === tail) tails.delete(request.conversation);
      });
      tails.set(request.conversation, tail);
    },
    async idle() {
      while (tails.size > 0) await Promise.all(tails.values());
    },
  };
}
