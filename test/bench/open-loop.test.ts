import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { runOpenLoop } from "../../bench/lib/open-loop";

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A server answering 200 at once, except that request number `stallAt` holds it `stallMs`. */
async function serve(stallAt: number, stallMs: number) {
  let n = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (++n === stallAt) {
        const until = Date.now() + stallMs;
        while (Date.now() < until); // blocks the event loop, as a long synchronous group would
      }
      res.end("ok");
    });
  });
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe("runOpenLoop", () => {
  it("keeps sending at the rate while the server stalls, and charges the stall to the requests due during it", async () => {
    const url = await serve(5, 300);
    const result = await runOpenLoop(url, {}, () => "{}", 100, 1);
    expect(result.sent).toBe(100);
    expect(result.answered).toBe(100);
    // Requests due at 50–350 ms waited behind the stall. A closed loop would have held them back
    // and charged the stall to one request only: its second-worst latency (p99 of 100) is small.
    expect(result.p99Ms).toBeGreaterThanOrEqual(200);
    expect(result.p50Ms).toBeLessThan(100);
  });

  it("counts non-200 answers as errors, not latencies", async () => {
    const server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.statusCode = 500;
        res.end();
      });
    });
    servers.push(server);
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const result = await runOpenLoop(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, {}, () => "{}", 50, 0.2);
    expect(result).toMatchObject({ sent: 10, answered: 0, errors: 10 });
  });
});
