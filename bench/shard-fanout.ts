/**
 * @module What one webhook kick costs a sharded Worker's dispatch queue at 1, 10 and 34
 * provinces: queue messages sent until every shard's outbox is empty, consumer runs, and the
 * wall time of the run that turns the broadcast into per-shard kicks (one `nextDueAt` per
 * shard, on real migrated SQLite databases; D1 adds a round trip per query, run concurrently). Compared with the rule
 * before issue 16 (serve the first named shard, forward every other kick again).
 *
 *   npx tsx bench/shard-fanout.ts [--json]
 *
 * Each shard with work holds 5 due messages (one run); "one shard" means only the shard that
 * answered the webhook has work, the usual case. Nothing here runs in the test suite.
 */
import { sql } from "drizzle-orm";
import { performance } from "node:perf_hooks";
import { silentLogger } from "../src/logger";
import { nextDueAt } from "../src/core/outbox/next-due";
import { enqueueSteps } from "../src/core/outbox/enqueue";
import { routeShardKicks, shardQueue } from "../src/entry/shard-queue";
import { DISPATCH_QUEUE_NAME, type DispatchJob } from "../src/entry/queue-dispatch";
import { openSqliteDb, type SqliteDb } from "../src/entry/sqlite-db";

const SIZES = [1, 10, 34];
const BATCH = 10;

type Routing = "linear" | "before";

interface Result {
  provinces: number;
  withWork: "all" | "one";
  routing: Routing;
  messages: number;
  runs: number;
  /** Wall ms of the run that handled the webhook's broadcast kick: one nextDueAt per shard, then the kicks (linear rule, warm). */
  broadcastMs: number;
}

/** The consumer rule before issue 16: serve the first named shard, forward all other kicks (broadcasts to every shard). */
async function beforeRule(messages: DispatchJob[], shards: string[], send: (jobs: DispatchJob[]) => void, serve: (shard: string) => Promise<void>) {
  const named = messages.filter((m) => m.shard !== undefined);
  const serveShard = named[0]?.shard;
  const rest = messages.filter((m) => m.shard !== serveShard || m.shard === undefined);
  const broadcast = rest.some((m) => m.shard === undefined);
  const targets = new Set(broadcast ? shards.filter((s) => s !== serveShard) : rest.map((m) => m.shard!));
  send([...targets].map((shard) => ({ kind: "dispatch", reason: "more", shard, at: "" })));
  if (serveShard) await serve(serveShard);
}

async function playOut(dbs: Map<string, SqliteDb>, routing: Routing, withWork: "all" | "one"): Promise<Result> {
  const shards = [...dbs.keys()];
  const now = new Date();
  for (const [shard, db] of dbs) {
    await db.orm.run(sql`delete from outbox_messages`);
    if (withWork === "one" && shard !== shards[0]) continue;
    const drafts = Array.from({ length: 5 }, (_, i) => ({ idempotencyKey: `bench-${shard}-${i}`, channel: "telegram" as const, purpose: "officer-reply", templateKey: "x", payload: { chatId: "1", text: "x" }, notBefore: new Date(now.getTime() - 1000) }));
    await db.atomic(enqueueSteps(drafts, now));
  }
  const waiting: DispatchJob[] = [{ kind: "dispatch", reason: "webhook", at: now.toISOString() }];
  let messages = 0;
  let runs = 0;
  let broadcastMs = 0;
  const queue = {
    send: async (body: DispatchJob) => void (messages++, waiting.push(body)),
    sendBatch: async (batch: Iterable<MessageSendRequest<DispatchJob>>) => {
      for (const m of batch) (messages++, waiting.push(m.body));
    },
  } as unknown as Queue<DispatchJob>;
  // A run "sends" by marking its share sent; work left means one follow-up kick, as the real consumer does.
  async function serve(shard: string, maxMessages: number) {
    const db = dbs.get(shard)!;
    await db.orm.run(sql`update outbox_messages set status = 'sent' where id in (select id from outbox_messages where status = 'pending' limit ${maxMessages})`);
    const [left] = await db.orm.all<{ n: number }>(sql`select count(*) as n from outbox_messages where status = 'pending'`);
    if (left!.n > 0) await shardQueue(queue, shard)!.send({ kind: "dispatch", reason: "more", at: now.toISOString() });
  }
  while (waiting.length > 0) {
    const bodies = waiting.splice(0, BATCH);
    runs++;
    if (routing === "before") {
      await beforeRule(bodies, shards, (jobs) => jobs.forEach((j) => (messages++, waiting.push(j))), (shard) => serve(shard, 100));
      continue;
    }
    const batch = { queue: DISPATCH_QUEUE_NAME, messages: bodies.map((body, i) => ({ id: `${runs}-${i}`, timestamp: now, attempts: 1, body, ack() {}, retry() {} })), ackAll() {}, retryAll() {} } as unknown as MessageBatch<DispatchJob>;
    const started = performance.now();
    await routeShardKicks(batch, {
      shards,
      queue,
      logger: silentLogger,
      now,
      nextWork: (shard) => nextDueAt(dbs.get(shard)!, { now, channels: ["telegram"], timezone: "Asia/Ho_Chi_Minh" }),
      serve: (shard, _batch, maxMessages) => serve(shard, maxMessages),
    });
    if (runs === 1) broadcastMs = performance.now() - started;
    if (runs > 10_000) throw new Error("kicks never settle");
  }
  return { provinces: shards.length, withWork, routing, messages, runs, broadcastMs: Number(broadcastMs.toFixed(2)) };
}

const results: Result[] = [];
for (const n of SIZES) {
  const dbs = new Map(Array.from({ length: n }, (_, i) => [String(10 + i), openSqliteDb(":memory:")] as const));
  await playOut(dbs, "linear", "all"); // warm-up: statements prepared once per database, as in a long-lived isolate
  for (const withWork of ["one", "all"] as const) for (const routing of ["before", "linear"] as const) results.push(await playOut(dbs, routing, withWork));
  for (const db of dbs.values()) db.close();
}
if (process.argv.includes("--json")) console.log(JSON.stringify(results, null, 2));
else {
  console.log("| provinces | shards with work | rule | queue messages | consumer runs | broadcast run, ms |");
  console.log("|---:|---|---|---:|---:|---:|");
  for (const r of results) console.log(`| ${r.provinces} | ${r.withWork} | ${r.routing} | ${r.messages} | ${r.runs} | ${r.routing === "linear" ? r.broadcastMs : "—"} |`);
}
