/**
 * Issue 19: a chunked body (no Content-Length) passed the dashboard's declared-length check and
 * was read whole before the CSRF check: 600 MB to /login took the server to 2.5 GB. Every body
 * is now counted as it is read and refused past its cap, before anything parses it.
 */
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { parseConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { chunkedFlood } from "../helpers/chunked-flood";
import { startProductionServer, type ProductionServer } from "../helpers/production-server";
import { createTestDb, createTestProtector, createTestTranslator } from "../helpers/test-db";

const FLOOD = 256 * 1024 * 1024;

describe("body cap on the production start (bundle, 384 MB heap)", () => {
  let server: ProductionServer;
  beforeAll(async () => {
    server = await startProductionServer();
  }, 60_000);
  afterAll(() => server?.close());

  it("answers a chunked flood on /login with 413 quickly, memory bounded, /healthz still fast", async () => {
    const before = server.rssMb();
    const res = await chunkedFlood(server.base, "/login", { maxBytes: FLOOD });
    expect(res.status).toBe(413);
    expect(res.ms).toBeLessThan(2_000);
    // Far less than the flood was taken in; the server grew by a few MB at most.
    expect(res.sent).toBeLessThan(FLOOD / 4);
    expect(server.rssMb() - before).toBeLessThan(64);
    const t0 = Date.now();
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(1_000);
  }, 60_000);

  it("refuses the import upload's size to a visitor who is not signed in", async () => {
    const res = await chunkedFlood(server.base, "/admin/import", { maxBytes: 32 * 1024 * 1024, contentType: "multipart/form-data; boundary=x" });
    expect(res.status).toBe(413);
    // The server stopped reading long before the 32 MB: what was "sent" is mostly what the
    // loopback socket buffers absorbed (a few MB, more on a loaded machine), not what was read.
    expect(res.sent).toBeLessThan(16 * 1024 * 1024);
  }, 60_000);
});

describe("body cap in process (@hono/node-server over the app)", () => {
  let server: ServerType;
  let base: string;
  beforeAll(async () => {
    const app = createApp({
      config: parseConfig({ TELEGRAM_BOT_TOKEN: "1:test", TELEGRAM_WEBHOOK_SECRET: "s3cret-s3cret", PUBLIC_URL: "https://bhyt.example" }),
      db: createTestDb(),
      logger: createLogger({ level: "error", sink: () => undefined }),
      t: createTestTranslator(),
      protector: await createTestProtector(),
    });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it.each(["/login", "/logout", "/try", "/admin/invites", "/campaigns"])("%s: a chunked form over 16 kB gets 413", async (path) => {
    const res = await chunkedFlood(base, path, { maxBytes: 32 * 1024 * 1024 });
    expect(res.status).toBe(413);
  });

  it("a chunked webhook body over 1 MB gets 413 before the bot parses it", async () => {
    const res = await chunkedFlood(base, "/webhooks/telegram", { maxBytes: 32 * 1024 * 1024, contentType: "application/json", headers: { "x-telegram-bot-api-secret-token": "s3cret-s3cret" } });
    expect(res.status).toBe(413);
    expect(res.sent).toBeLessThan(8 * 1024 * 1024);
  });
});
