import { createApp, type App, type AppDeps } from "../../src/app";
import { createOutboxDispatcher } from "../../src/channels/senders";

/**
 * The app with its outbox dispatcher in the test's hands. A webhook answers before its
 * replies go out (the dispatcher's relay sends them after the answer), so a test that reads
 * what the platform received waits for `relaysIdle()` first, as a user's phone would.
 */
export function createRelayedApp(deps: AppDeps & { protector: NonNullable<AppDeps["protector"]> }): { app: App; relaysIdle(): Promise<void> } {
  const dispatcher = createOutboxDispatcher(deps.config, deps, { now: deps.now });
  const app = createApp({ ...deps, dispatcher });
  return { app, relaysIdle: () => dispatcher?.relaysIdle() ?? Promise.resolve() };
}
