/**
 * @module webhook-ingest-worker: the same Telegram update mix as webhook-ingest, sent to the real
 * Worker under `wrangler dev` (workerd, local D1 and Queues, demo data, officers bound through
 * the bot), against the Node app measured in the same run. Informative: local workerd with
 * D1 as a SQLite file is not Cloudflare's edge, where D1 is a network hop away.
 */
import { once } from "node:events";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { nextJson, runScript, spawnScript } from "../lib/child";
import { runLoad } from "../lib/load";
import { minRatio, type Scenario } from "../lib/scenario";
import { BENCH_SECRET, BENCH_TODAY, officerChatId, startUpdate, updateStream } from "../lib/telegram-updates";
import { bundle } from "../../src/cli/build";
import { createLocalState, seedLocalDemo, startRealWorker } from "../../test/helpers/real-worker";
import { loadServer } from "./webhook-ingest";

const CONNECTIONS = 32;
const OFFICERS = 32;
const key = (fill: number) => Buffer.alloc(32, fill).toString("base64");

export const webhookIngestWorker: Scenario = {
  name: "webhook-ingest-worker",
  describe: `Telegram webhook through the local Worker (wrangler dev) vs the Node app, ${CONNECTIONS} connections`,
  async run(o) {
    const appServer = await bundle("bench/servers/app-server.ts", "dist/bench/app-server.mjs");
    const fakeChild = spawnScript("servers/fake-bot-api-server.ts", []);
    const fake = await nextJson<{ apiRoot: string }>(fakeChild);
    const dir = join(o.workDir, "webhook-ingest-worker");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const state = await createLocalState({
      DATA_ENCRYPTION_KEY: key(3),
      BLIND_INDEX_KEY: key(4),
      TELEGRAM_BOT_TOKEN: "123456:BENCH-token",
      TELEGRAM_WEBHOOK_SECRET: BENCH_SECRET,
      TELEGRAM_API_ROOT: fake.apiRoot,
      LOG_LEVEL: "error",
    });
    try {
      await runScript(appServer, [dir, fake.apiRoot, String(OFFICERS)], { BENCH_PREPARE_ONLY: "1" });
      const node = await loadServer(appServer, [dir, fake.apiRoot, String(OFFICERS)], o.seed, o.durationSec);
      o.log(`  node: ${JSON.stringify(node)}`);
      await seedLocalDemo(state, BENCH_TODAY);
      const { codes } = await runScript<{ codes: string[] }>("servers/d1-invites.ts", [state.persistTo, state.envFile, String(OFFICERS)]);
      const worker = await startRealWorker(state);
      try {
        const headers = { "content-type": "application/json", "x-telegram-bot-api-secret-token": BENCH_SECRET };
        for (const [n, code] of codes.entries()) {
          const res = await fetch(`${worker.url}/webhooks/telegram`, { method: "POST", headers, body: JSON.stringify(startUpdate(officerChatId(n), code)) });
          if (res.status !== 200) throw new Error(`binding officer ${n} on the Worker failed: ${res.status}`);
        }
        const load = await runLoad(`${worker.url}/webhooks/telegram`, headers, updateStream(o.seed, OFFICERS), CONNECTIONS, o.durationSec);
        o.log(`  worker: ${JSON.stringify(load)}`);
        // Informative (goal 0): there is no target for local workerd, only the ratio to watch.
        return minRatio(load.requestsPerSec, node.requestsPerSec, 0, "requests/s", { worker: load, node, errors: load.errors + load.non2xx + load.timeouts });
      } finally {
        await worker.stop();
      }
    } finally {
      await state.remove();
      fakeChild.stdin!.end();
      await once(fakeChild, "exit");
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
