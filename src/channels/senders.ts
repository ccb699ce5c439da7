/** @module The outbox dispatcher over the registry's senders, and Zalo OA's send gate. */
import type { Config } from "../config";
import type { Store } from "../core/store";
import type { SenderContext } from "./types";
import { createSenders } from "./registry";
import type { Translator } from "../i18n/translate";
import { createDispatcher, type Dispatcher, type DispatcherDeps } from "../core/outbox/dispatcher";
import type { ChannelSender } from "../core/outbox/types";
import { reachOf } from "../core/outbox/routes";
import type { SendGate } from "../core/outbox/send-gate";
import { createZaloOaGate } from "../core/outbox/zalo-oa-gate";

export type SenderDeps = SenderContext;
export { createSenders };

/** Zalo OA's rules around a send (48-hour window and fallback, quotas, night bans), when the OA is configured. */
function createSendGate(config: Config, db: Store): SendGate | undefined {
  if (!config.zaloOa) return undefined;
  return createZaloOaGate({ db, reach: reachOf(config), timezone: config.timezone, proactiveDailyQuota: config.zaloOa.proactiveDailyQuota });
}

/** Tuning a caller may override; the defaults suit one process. */
export type DispatchTuning = Pick<DispatcherDeps, "concurrency" | "leaseMs" | "maxWaitMs" | "retry" | "now" | "sleep" | "pacing">;

/**
 * The outbox dispatcher over every configured channel (undefined when none can send). One per
 * process: rate limits are kept in it, so the dispatch loop and the webhooks' immediate replies
 * must share it, or each would use the full rate.
 */
export function createOutboxDispatcher(
  config: Config,
  deps: SenderDeps & { t: Translator },
  tuning: DispatchTuning = {},
  senders: ChannelSender[] = createSenders(config, deps),
): Dispatcher | undefined {
  return senders.length === 0 ? undefined : dispatcherOver(config, deps, tuning, senders);
}

/** The dispatcher over these senders, configured from `config` (a queue consumer keeps one even with none). */
export function dispatcherOver(config: Config, deps: SenderDeps & { t: Translator }, tuning: DispatchTuning, senders: ChannelSender[]): Dispatcher {
  return createDispatcher({
    ...deps,
    ...tuning,
    logger: deps.logger.child({ component: "outbox" }),
    senders,
    defaultLocale: config.defaultLocale,
    timezone: config.timezone,
    quietHours: config.quietHours,
    gate: createSendGate(config, deps.db),
  });
}
