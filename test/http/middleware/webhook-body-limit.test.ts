import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookBodyLimit } from "../../../src/http/middleware/webhook-body-limit";

const LIMIT = 1000;
let server: ServerType;
let port: number;

beforeAll(async () => {
  const app = new Hono();
  app.use("/hook", webhookBodyLimit(LIMIT, (c) => c.json({ ok: false, error: { code: "payload_too_large" } }, 413)));
  app.post("/hook", async (c) => c.json({ got: ((await c.req.json()) as { text: string }).text.length }));
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      port = info.port;
      resolve();
    });
  });
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** POSTs `chunks` over a real socket: with a declared length, or chunked when `declare` is false. */
function post(chunks: string[], declare: boolean): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const total = chunks.reduce((n, c) => n + Buffer.byteLength(c), 0);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (declare) headers["content-length"] = String(total);
    const req = request({ host: "127.0.0.1", port, path: "/hook", method: "POST", headers }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString("utf8")));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The server may answer 413 and close before the whole body is written.
    req.on("error", (err) => ((err as NodeJS.ErrnoException).code === "EPIPE" || (err as NodeJS.ErrnoException).code === "ECONNRESET" ? undefined : reject(err)));
    for (const c of chunks) req.write(c);
    req.end();
  });
}

const body = (n: number) => JSON.stringify({ text: "x".repeat(n) });

describe("webhookBodyLimit on the Node server", () => {
  it("lets bodies within the limit through, declared or chunked", async () => {
    expect(await post([body(500)], true)).toEqual({ status: 200, body: JSON.stringify({ got: 500 }) });
    const chunked = body(500);
    expect(await post([chunked.slice(0, 100), chunked.slice(100)], false)).toEqual({ status: 200, body: JSON.stringify({ got: 500 }) });
  });

  it("refuses a body declared over the limit with 413", async () => {
    const res = await post([body(LIMIT)], true);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: "payload_too_large" } });
  });

  it("refuses a chunked body that grows over the limit with 413", async () => {
    const big = body(LIMIT * 2);
    const res = await post([big.slice(0, 600), big.slice(600, 1500), big.slice(1500)], false);
    expect(res.status).toBe(413);
  });
});
