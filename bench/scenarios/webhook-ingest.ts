/**
 * @module webhook-ingest: the real app receiving Telegram updates from 32 connections against
 * a bare Hono server doing the minimum (parse, one Bot API POST). Both run in child processes
 * (peak RSS of each), the fake Bot API in a third, autocannon in this one.
 */
import { once } from "node:events";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { nextJson, runScript, spawnScript } from "../lib/child";
import { runLoad, type LoadResult } from "../lib/load";
import { runOpenLoop, type OpenLoopResult } from "../lib/open-loop";
import { profileSplit } from "../lib/profile-split";
import { minRatio, type Scenario } from "../lib/scenario";
import { BENCH_SECRET, updateStream } from "../lib/telegram-updates";
import { bundle } from "../../src/cli/build";

const CONNECTIONS = 32;
const OFFICERS = 32;
const GOALS = { ratio: 0.5, p99Ms: 25, peakRssMb: 200 };
/**
 * The p99 goal is read at half the app's own saturating throughput, offered open-loop. At
 * saturation the 32 connections' latency is set by Little's law (32 / req/s), not by the server.
 */
export const LATENCY_LOAD = 0.5;

export type ServerLoad = LoadResult & { peakRssMb: number; errorsLogged: number; atRate?: OpenLoopResult };

/**
 * Starts a server, loads it from 32 connections for `durationSec`, then, given `openLoopRate`,
 * offers that many requests a second open-loop (after a 2 s warm-up at the same rate) for
 * another `durationSec`; a function receives the saturating run's result.
 */
export async function loadServer(script: string, args: string[], seed: number, durationSec: number, env: NodeJS.ProcessEnv = {}, openLoopRate?: number | ((saturated: LoadResult) => number)): Promise<ServerLoad> {
  const child = spawnScript(script, args, env);
  const { port } = await nextJson<{ port: number }>(child);
  const url = `http://127.0.0.1:${port}/webhooks/telegram`;
  const headers = { "content-type": "application/json", "x-telegram-bot-api-secret-token": BENCH_SECRET };
  const load = await runLoad(url, headers, updateStream(seed, OFFICERS), CONNECTIONS, durationSec);
  let atRate: OpenLoopResult | undefined;
  if (openLoopRate !== undefined) {
    const rate = Math.max(1, Math.round(typeof openLoopRate === "number" ? openLoopRate : openLoopRate(load)));
    const updates = updateStream(seed + 7, OFFICERS);
    await runOpenLoop(url, headers, updates, rate, 2);
    atRate = await runOpenLoop(url, headers, updates, rate, durationSec);
  }
  const report = nextJson<{ peakRssMb: number; errorsLogged?: number }>(child);
  child.stdin!.end();
  const { peakRssMb, errorsLogged = 0 } = await report;
  await once(child, "exit");
  return { ...load, peakRssMb, errorsLogged, atRate };
}

export const webhookIngest: Scenario = {
  name: "webhook-ingest",
  describe: `createApp + Telegram webhook vs bare Hono, ${CONNECTIONS} connections, 70/20/10 tally/look-up/callback`,
  async run(o) {
    // Both servers run as production does (`npm start`): a bundle under plain node, not tsx.
    const bareServer = await bundle("bench/servers/bare-server.ts", "dist/bench/bare-server.mjs");
    const appServer = await bundle("bench/servers/app-server.ts", "dist/bench/app-server.mjs");
    const fakeChild = spawnScript("servers/fake-bot-api-server.ts", []);
    const fake = await nextJson<{ apiRoot: string }>(fakeChild);
    const dir = join(o.workDir, "webhook-ingest");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    try {
      // Seeded and bound in a process of its own (see app-server.ts): the peak RSS is the serving process's.
      await runScript(appServer, [dir, fake.apiRoot, String(OFFICERS)], { BENCH_PREPARE_ONLY: "1" });
      const app = await loadServer(appServer, [dir, fake.apiRoot, String(OFFICERS)], o.seed, o.durationSec, {}, (saturated) => saturated.requestsPerSec * LATENCY_LOAD);
      o.log(`  app: ${JSON.stringify(app)}`);
      // The same offered rate for the bare server: what the machine's loopback and scheduler cost.
      const baseline = await loadServer(bareServer, [fake.apiRoot], o.seed, o.durationSec, {}, app.atRate!.ratePerSec);
      o.log(`  bare: ${JSON.stringify(baseline)}`);
      // An update that failed inside the bot is answered 200 (with an apology): the log counts it.
      const errors = app.errors + app.non2xx + app.timeouts + app.errorsLogged + app.atRate!.errors;
      // A second, shorter run under the profiler (which slows it): CPU ms by category.
      const profileFile = join(dir, "app.cpuprofile");
      const profiledDir = join(dir, "profiled");
      mkdirSync(profiledDir);
      // Under tsx, so that the profile's frames still name their source files (the categories).
      await runScript("servers/app-server.ts", [profiledDir, fake.apiRoot, String(OFFICERS)], { BENCH_PREPARE_ONLY: "1" });
      const profiled = await loadServer("servers/app-server.ts", [profiledDir, fake.apiRoot, String(OFFICERS)], o.seed + 1, Math.min(5, o.durationSec), { BENCH_CPU_PROFILE: profileFile });
      const cpuSplitMs = profileSplit(profileFile);
      o.log(`  where the app's CPU goes (ms over ${profiled.requests} updates, profiled): ${JSON.stringify(cpuSplitMs)}`);
      const result = minRatio(app.requestsPerSec, baseline.requestsPerSec, GOALS.ratio, "requests/s", { app, bare: baseline, goals: GOALS, cpuSplitMs, profiledRequests: profiled.requests });
      result.met = result.met && app.atRate!.p99Ms <= GOALS.p99Ms && errors === 0 && app.peakRssMb <= GOALS.peakRssMb;
      return result;
    } finally {
      fakeChild.stdin!.end();
      await once(fakeChild, "exit");
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
