/** @module The Worker isolate's state: deps, apps, front doors and dispatchers built once per env object. */
import { createApp, type App, type AppDeps } from "../app";
import { createShardFrontDoor } from "../http/shard-front-door";
import { buildWorkerDeps, type WorkerDeps } from "./worker-deps";
import { createWorkerDispatcher, type WorkerDispatcher } from "./queue-dispatch";
import type { Env } from "./worker-env";

// Parsing config and Fluent catalogues on every request would waste CPU; bindings are stable
// for an isolate, so cache the deps keyed on the env object (a new env object rebuilds them).
let cached: { env: Env; deps: Promise<WorkerDeps> } | undefined;

const apps = new WeakMap<AppDeps, App>();

export async function depsFor(env: Env): Promise<WorkerDeps> {
  if (cached?.env !== env) cached = { env, deps: buildWorkerDeps(env) };
  return cached.deps;
}

function appOf(deps: AppDeps): App {
  let app = apps.get(deps);
  // Webhook replies go out through the isolate's dispatcher, sharing its pacing with the queue consumer.
  if (!app) apps.set(deps, (app = createApp({ ...deps, dispatcher: dispatcherFor(deps)?.dispatcher })));
  return app;
}

const frontDoors = new WeakMap<WorkerDeps, ReturnType<typeof createShardFrontDoor>>();

/** Unsharded: the one app. Sharded: the front door that picks a shard's app per request. */
export async function handlerFor(env: Env): Promise<{ fetch: App["fetch"]; shardOf?: (response: Response) => string | undefined }> {
  const deps = await depsFor(env);
  if (deps.router.mode === "single") return appOf(deps);
  let door = frontDoors.get(deps);
  if (!door) {
    door = createShardFrontDoor({
      router: deps.router,
      protector: deps.protector,
      logger: deps.logger,
      appFor: (shard) => appOf(deps.forShard(shard)),
      telegramWebhookSecret: deps.config.telegram?.webhookSecret,
      config: deps.config,
    });
    frontDoors.set(deps, door);
  }
  return door as unknown as { fetch: App["fetch"]; shardOf: (response: Response) => string | undefined };
}

const dispatchers = new WeakMap<AppDeps, WorkerDispatcher>();
const relaying = new Set<WorkerDispatcher["dispatcher"]>();

/**
 * Resolves once the replies webhooks started sending after their answer (the dispatchers'
 * relays) are recorded: the request's `waitUntil` keeps the isolate for them.
 */
export async function relaysIdle(): Promise<void> {
  await Promise.all([...relaying].map((dispatcher) => dispatcher.relaysIdle()));
}

/** The isolate's dispatcher (its pacing state carries across batches); undefined without keys. */
export function dispatcherFor(deps: AppDeps): WorkerDispatcher | undefined {
  if (!deps.protector) return undefined;
  let worker = dispatchers.get(deps);
  if (!worker) {
    dispatchers.set(deps, (worker = createWorkerDispatcher({ ...deps, protector: deps.protector })));
    relaying.add(worker.dispatcher);
  }
  return worker;
}

/** Webhook POSTs that may have queued replies: a kick after them sends the replies within seconds. */
export function queuedReplies(request: Request, response: Response): boolean {
  return request.method === "POST" && new URL(request.url).pathname.startsWith("/webhooks/") && response.ok;
}
