import type { Logger } from "../../logger";
import type { Dispatcher } from "./dispatcher";

export interface DispatchLoop {
  /** Stops claiming, lets messages in flight finish, and resolves once the loop is idle. */
  stop(): Promise<void>;
}

/**
 * Runs `dispatchOnce` every `intervalMs` (never two runs at once) for a long-running process.
 * Between runs nothing is held: a due message waits at most one interval. Errors are logged
 * and the loop goes on; the outbox itself is the retry state.
 */
export function startDispatchLoop(deps: { dispatcher: Dispatcher; logger: Logger; intervalMs: number }): DispatchLoop {
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = (async () => {
      try {
        const report = await deps.dispatcher.dispatchOnce({ signal: abort.signal });
        if (report.claimed > 0 || report.dropped > 0) deps.logger.info("outbox.dispatched", { ...report });
      } catch (err) {
        deps.logger.error("outbox.dispatch_failed", { err });
      }
      if (!abort.signal.aborted) timer = setTimeout(run, deps.intervalMs);
    })();
  };
  run();
  return {
    async stop() {
      abort.abort();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
