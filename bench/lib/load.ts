/**
 * @module Loopback load with autocannon, bounded in time; each request body comes from `nextBody`.
 * Without `ratePerSec` every connection sends as fast as answers come back (throughput at
 * saturation, where latency is queueing: 32 connections at 1,000 req/s wait 32 ms on average by
 * Little's law). With it, requests are offered at that fixed overall rate, and latencies are
 * corrected for coordinated omission (a late answer delays the next send; autocannon counts
 * the wait): the latency a sender sees at that load.
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

export async function runLoad(url: string, headers: Record<string, string>, nextBody: () => string, connections: number, durationSec: number, ratePerSec?: number): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections,
    duration: durationSec,
    ...(ratePerSec ? { overallRate: ratePerSec } : {}),
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
