/**
 * @module The bounded soak (hardening issue, Load): the real app (as webhook-ingest runs it:
 * file database in WAL mode, demo data, officers bound through /start, fake Bot API in its own
 * process) receives Telegram updates at a steady rate for a fixed time. Passes when there are
 * no errors, no lost updates and the server's RSS grows by less than 10%.
 *
 *   npm run soak -- --minutes 10 --rate 1000 [--connections 64] [--officers 32] [--seed 20250801] [--json]
 *
 * - errors: transport errors, timeouts, non-2xx answers, and error-level log events in the
 *   server (an update that fails inside the bot is still answered 200, with an apology).
 * - lost updates: every update answered 2xx must be recorded in `inbound_updates` (a tally
 *   records its update id atomically with its rows, any other update once answered). Counted
 *   in the database after the server stopped; tally reports are counted too.
 * - RSS: the server's resident set, sampled every 5 s from /proc. It swings by ±20% with each
 *   major GC, so growth compares medians: of the first third of the samples after a warm-up
 *   (the first tenth of the run, 10–60 s: heap sizing and JIT under load are not growth) and
 *   of the last third. Idle (before load), end and peak are printed too.
 * Not part of `npm test`; Linux only (/proc).
 */
import { once } from "node:events";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { BENCH_DIR, nextJson, runScript, spawnScript } from "./lib/child";
import { BENCH_SECRET, updateStream } from "./lib/telegram-updates";
import { bundle } from "../src/cli/build";

const FIRST_STREAM_UPDATE_ID = 10_001;

function flags(argv: string[]) {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") out.set("json", "1");
    else if (a.startsWith("--")) {
      const [key, inline] = a.slice(2).split("=");
      out.set(key!, inline ?? argv[++i] ?? "");
    }
  }
  return out;
}

const rssMb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
  return Math.round(Number(/(\d+)/.exec(line ?? "")?.[1] ?? NaN) / 1024);
};

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  const f = flags(process.argv.slice(2));
  const minutes = Number(f.get("minutes") ?? 10);
  const rate = Number(f.get("rate") ?? 1000);
  const connections = Number(f.get("connections") ?? 64);
  const officers = Number(f.get("officers") ?? 32);
  const seed = Number(f.get("seed") ?? 20250801);
  const json = f.has("json");
  const log = (line: string) => (json ? process.stderr : process.stdout).write(line + "\n");
  const durationSec = Math.round(minutes * 60);
  const warmUpSec = Math.min(60, Math.max(10, durationSec / 10));

  const dir = join(BENCH_DIR, "results", "work", "soak");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const fakeChild = spawnScript("servers/fake-bot-api-server.ts", []);
  const fake = await nextJson<{ apiRoot: string }>(fakeChild);
  // Seeded and bound in a process of its own (see app-server.ts): the RSS figures are the
  // serving process's, which runs as production does (`npm start`: a bundle under plain node).
  const appServer = await bundle("bench/servers/app-server.ts", "dist/bench/app-server.mjs");
  await runScript(appServer, [dir, fake.apiRoot, String(officers)], { BENCH_PREPARE_ONLY: "1" });
  const server = spawnScript(appServer, [dir, fake.apiRoot, String(officers)]);
  const { port } = await nextJson<{ port: number }>(server);
  const pid = server.pid!;
  const idleRssMb = rssMb(pid);
  log(`soak: ${rate} updates/s for ${minutes} min over ${connections} connections; server pid ${pid}, idle RSS ${idleRssMb} MB`);

  const samples: { atSec: number; rssMb: number }[] = [];
  const started = Date.now();
  const sampler = setInterval(() => {
    const atSec = Math.round((Date.now() - started) / 1000);
    samples.push({ atSec, rssMb: rssMb(pid) });
    if (samples.length % 12 === 0) log(`  ${atSec}s: RSS ${samples.at(-1)!.rssMb} MB`);
  }, 5000);

  const nextBody = updateStream(seed, officers);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/webhooks/telegram`,
    connections,
    overallRate: rate,
    duration: durationSec,
    timeout: 10,
    requests: [{ method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": BENCH_SECRET }, setupRequest: (req) => ({ ...req, body: nextBody() }) }],
  });
  clearInterval(sampler);
  const endRssMb = rssMb(pid);

  const serverReport = nextJson<{ peakRssMb: number; errorsLogged?: number }>(server);
  server.stdin!.end();
  const { peakRssMb, errorsLogged = 0 } = await serverReport;
  await once(server, "exit");
  const fakeReport = nextJson<{ calls: number }>(fakeChild);
  fakeChild.stdin!.end();
  const { calls: botApiCalls } = await fakeReport;
  await once(fakeChild, "exit");

  // Counted after the server stopped, from the file it wrote.
  const db = new Database(join(dir, "app.sqlite"), { readonly: true });
  const stored = db.prepare("select count(*) from inbound_updates where channel = 'telegram' and cast(external_id as integer) >= ?").pluck().get(FIRST_STREAM_UPDATE_ID) as number;
  const tallyReports = db.prepare("select count(*) from tally_reports").pluck().get() as number;
  db.close();

  const answered2xx = result["2xx"];
  const steady = samples.filter((s) => s.atSec > warmUpSec).map((s) => s.rssMb);
  const third = Math.max(1, Math.floor(steady.length / 3));
  const early = median(steady.slice(0, third)) ?? idleRssMb;
  const late = median(steady.slice(-third)) ?? endRssMb;
  const growth = (late - early) / early;
  const errors = result.errors + result.timeouts + result.non2xx + errorsLogged;
  const lost = Math.max(0, answered2xx - stored);
  const report = {
    minutes,
    rate,
    achievedRate: Math.round(result.requests.average),
    sent: result.requests.sent,
    answered2xx,
    stored,
    lost,
    tallyReports,
    botApiCalls,
    errors: { transport: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, logged: errorsLogged },
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    rssMb: { idle: idleRssMb, warmUpSec, earlyMedian: early, lateMedian: late, end: endRssMb, peak: peakRssMb, growthPct: Math.round(growth * 1000) / 10 },
    rssSamples: samples,
    passed: errors === 0 && lost === 0 && growth < 0.1 && Math.round(result.requests.average) >= rate * 0.95,
  };
  log(
    `sent ${report.sent}, 2xx ${answered2xx}, stored ${stored}, lost ${lost}, tally reports ${tallyReports}; errors ${errors}; ` +
      `${report.achievedRate}/s achieved (goal ${rate}/s); p50 ${report.latencyMs.p50} ms, p99 ${report.latencyMs.p99} ms; ` +
      `RSS idle ${idleRssMb}, median early ${early} → late ${late} MB (${report.rssMb.growthPct}%), end ${endRssMb}, peak ${peakRssMb} MB → ${report.passed ? "PASS" : "FAIL"}`,
  );
  if (json) console.log(JSON.stringify(report));
  if (!report.passed) process.exitCode = 1;
}

await main();
