/**
 * @module Loopback load with autocannon, bounded in time; each request body comes from `nextBody`.
 * Every connection sends as fast as answers come back: throughput at saturation, where latency
 * is queueing (32 connections at 1,000 req/s wait 32 ms on average by Little's law). Latency at
 * a given rate is open-loop.ts.
 */
import autocannon from "autocannon";

export interface LoadResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
}

export async function runLoad(url: string, headers: Record<string, string>, nextBody: () => string, connections: number, durationSec: number): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections,
    duration: durationSec,
    timeout: 10,
    requests: [{ method: "POST", headers, setupRequest: (req) => ({ ...req, body: nextBody() }) }],
  });
  return {
    requestsPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
  };
}
