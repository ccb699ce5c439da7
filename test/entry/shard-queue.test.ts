import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger";
import { routeShardKicks, shardQueue } from "../../src/entry/shard-queue";
import { DISPATCH_QUEUE_NAME, type DispatchJob } from "../../src/entry/queue-dispatch";

/**
 * A queue and its consumer played out in memory: batches of at most 10 kicks, each routed by
 * `routeShardKicks`; a shard's run sends up to its share of the due messages and, like the real
 * consumer, kicks itself again while work is left.
 */
async function playOut(shardCount: number, dueMessages: (shard: string) => number) {
  const shards = Array.from({ length: shardCount }, (_, i) => String(10 + i));
  const work = new Map(shards.map((s) => [s, dueMessages(s)]));
  const waiting: DispatchJob[] = [];
  let sent = 0;
  const queue = {
    send: async (body: DispatchJob) => void (sent++, waiting.push(body)),
    sendBatch: async (messages: Iterable<MessageSendRequest<DispatchJob>>) => {
      for (const m of messages) (sent++, waiting.push(m.body));
    },
  } as unknown as Queue<DispatchJob>;
  const now = new Date();
  waiting.push({ kind: "dispatch", reason: "webhook", at: now.toISOString() });
  let runs = 0;
  let served = 0;
  while (waiting.length > 0) {
    const messages = waiting.splice(0, 10).map((body, i) => ({ id: `${runs}-${i}`, timestamp: now, attempts: 1, body, ack() {}, retry() {} }));
    runs++;
    await routeShardKicks({ queue: DISPATCH_QUEUE_NAME, messages, ackAll() {}, retryAll() {} } as unknown as MessageBatch<DispatchJob>, {
      shards,
      queue,
      logger: silentLogger,
      now,
      nextWork: async (shard) => (work.get(shard)! > 0 ? now : undefined),
      async serve(shard, _batch, maxMessages) {
        served++;
        const left = Math.max(0, work.get(shard)! - maxMessages);
        work.set(shard, left);
        if (left > 0) await shardQueue(queue, shard)!.send({ kind: "dispatch", reason: "more", at: now.toISOString() });
      },
    });
    if (runs > 1000) throw new Error("the kicks never settle");
  }
  return { sent, runs, served, left: [...work.values()].reduce((a, b) => a + b, 0) };
}

describe("sharded dispatch kicks", () => {
  it.each([1, 3, 10])("wakes each of %i shards with work once for one webhook kick (linear, not shards × kicks)", async (n) => {
    const result = await playOut(n, () => 5);
    expect(result.left).toBe(0);
    expect(result.sent).toBe(n);
    expect(result.served).toBe(n);
  });

  it.each([1, 3, 10])("sends a single kick at %i shards when only the shard that answered the webhook has work", async (n) => {
    const result = await playOut(n, (shard) => (shard === "10" ? 3 : 0));
    expect(result).toMatchObject({ sent: 1, served: 1, left: 0 });
  });

  it("keeps kicking a shard with more than one run of work until it is done, one kick per run", async () => {
    const result = await playOut(3, (shard) => (shard === "11" ? 250 : 0));
    expect(result.left).toBe(0);
    // 250 messages at 100 a run: three runs, each woken by one kick.
    expect(result).toMatchObject({ sent: 3, served: 3 });
  });
});
