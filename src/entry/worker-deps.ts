/** @module The Workers entry's deps: config, keys and catalogues once per isolate, and each shard's database. */
import { workerPeerAddress } from "./peer-address";
import { createPacingPool } from "../core/outbox/channel-pacing";
import type { AppDeps } from "../app";
import { parseConfig } from "../config";
import { createLogger } from "../logger";
import { createTranslator } from "../i18n/translate";
import type { ShardRouter } from "../core/shards/shard-router";
import { ensureFirstAdmin } from "../core/auth/admin-accounts";
import { createProtector, fromBase64 } from "../core/privacy/protector";
import { createD1ShardRouter } from "./d1-shards";
import { createWorkerChartRenderer } from "./chart-renderer-worker";
import type { Env } from "./worker-env";
// Bundled as text by the wrangler Text rule (and the .ftl vite plugin in tests): no filesystem here.
import vi from "../../messages/vi.ftl";
import en from "../../messages/en.ftl";

/** The shared deps (config, keys, catalogues) of the default database, plus every shard's own. */
export interface WorkerDeps extends AppDeps {
  router: ShardRouter;
  /** The deps of one shard's database (the shared deps themselves when unsharded). */
  forShard(shard: string): AppDeps;
}

export async function buildWorkerDeps(env: Env): Promise<WorkerDeps> {
  const config = parseConfig({ ...env });
  // Workers cannot keep generated keys: without configured keys only the people-free routes run.
  const protector =
    config.dataEncryptionKey && config.blindIndexKey
      ? await createProtector({ dataKey: fromBase64(config.dataEncryptionKey), indexKey: fromBase64(config.blindIndexKey), keyId: config.dataKeyId })
      : undefined;
  const router = createD1ShardRouter(env, config.sharding);
  const db = router.forShard(router.defaultShard ?? "*");
  // Workers have no console to show a generated password in: the first account needs ADMIN_PASSWORD.
  if (config.admin.password) await ensureFirstAdmin(db, config.admin);
  const shared: AppDeps = {
    config,
    db,
    logger: createLogger({ level: config.logLevel }),
    t: createTranslator({ vi, en }, config.defaultLocale),
    protector,
    chart: createWorkerChartRenderer(),
    peerAddress: workerPeerAddress,
    // One bot and one gateway for every shard this isolate serves: they share the rate.
    pacing: createPacingPool(() => Date.now()),
  };
  const shards = new Map<string, AppDeps>();
  return {
    ...shared,
    router,
    forShard(shard) {
      if (router.mode === "single") return shared;
      let deps = shards.get(shard);
      if (!deps) shards.set(shard, (deps = { ...shared, db: router.forShard(shard), nationalRollups: router.national }));
      return deps;
    },
  };
}
