/** @module The outbox dispatch loop for long-running processes (the Node server; tests' child processes). */
import type { Config } from "../config";
import type { Db } from "../db/client";
import type { Logger } from "../logger";
import type { Translator } from "../i18n/translate";
import type { Protector } from "../core/privacy/protector";
import type { Dispatcher } from "../core/outbox/dispatcher";
import { startDispatchLoop, type DispatchLoop } from "../core/outbox/dispatch-loop";
import { createOutboxDispatcher, type DispatchTuning } from "../channels/senders";

/**
 * Starts dispatching the outbox every second (undefined when no channel can send), with the
 * given dispatcher (the one the app's webhooks send replies through) or a new one. One loop
 * per process: rate limits are kept in memory, so two processes would each use the full rate.
 */
export function startOutboxDispatch(
  config: Config,
  deps: { db: Db; protector: Protector; t: Translator; logger: Logger },
  tuning: DispatchTuning & { intervalMs?: number } = {},
  shared?: Dispatcher,
): DispatchLoop | undefined {
  const { intervalMs = 1_000, ...rest } = tuning;
  const dispatcher = shared ?? createOutboxDispatcher(config, deps, rest);
  if (!dispatcher) return undefined;
  const logger = deps.logger.child({ component: "outbox" });
  logger.info("outbox.dispatch_started", { intervalMs });
  return startDispatchLoop({ dispatcher, logger, intervalMs });
}
