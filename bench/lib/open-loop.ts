/**
 * @module Open-loop load at a fixed rate: request i is due at start + i / rate, whatever happened
 * to the earlier ones, and its latency counts from that due time (so a server that stalls is
 * charged for the requests that queued behind the stall, not only the one it held: no
 * coordinated omission). autocannon's `overallRate` cannot do this: it releases each second's
 * quota at once at the top of the second, a burst that measures queueing, not the rate.
 */
import { Agent, request } from "node:http";
import { quantile } from "./quantile";

export interface OpenLoopResult {
  ratePerSec: number;
  sent: number;
  answered: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export async function runOpenLoop(url: string, headers: Record<string, string>, nextBody: () => string, ratePerSec: number, durationSec: number): Promise<OpenLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(url);
  const latencies: number[] = [];
  let errors = 0;
  const total = Math.round(ratePerSec * durationSec);
  const start = performance.now();
  const dueAt = (i: number) => start + (i * 1000) / ratePerSec;
  const pending: Promise<void>[] = [];
  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const body = nextBody();
      const req = request(
        { host: target.hostname, port: target.port, path: target.pathname, method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on("end", () => {
            if (res.statusCode === 200) latencies.push(performance.now() - due);
            else errors++;
            resolve();
          });
        },
      );
      req.on("error", () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  for (let i = 0; i < total; ) {
    const now = performance.now();
    // Everything due by now goes out in this turn; then sleep until the next is due.
    for (; i < total && dueAt(i) <= now; i++) pending.push(send(dueAt(i)));
    if (i < total) await new Promise((r) => setTimeout(r, Math.max(0, dueAt(i) - performance.now())));
  }
  await Promise.all(pending);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { ratePerSec, sent: total, answered: latencies.length, errors, p50Ms: round(quantile(latencies, 0.5)), p99Ms: round(quantile(latencies, 0.99)), maxMs: round(latencies.at(-1) ?? Number.NaN) };
}
