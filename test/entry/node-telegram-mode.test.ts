import { afterAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startFakeTelegram } from "../helpers/fake-telegram";

// The real Node entry, started once per Telegram configuration against a local Bot API.
const ENTRY = fileURLToPath(new URL("../../src/entry/node.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SECRET = "webhook-secret-123";
const TOKEN = "123456:TEST-token";

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

interface Started { child: ChildProcess; lines: Array<Record<string, unknown>>; base: string; exit: Promise<number | null> }

/** Starts the server; resolves once it listens, or once it exits (then `base` is empty). */
async function startServer(env: Record<string, string>): Promise<Started> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(TELEGRAM_|PUBLIC_URL|SMS_|ZALO_)/.test(k)));
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "bhyt-tgmode-"));
  const child = spawn(process.execPath, ["--import", "tsx", ENTRY], {
    cwd: ROOT,
    env: { ...clean, DATABASE_PATH: join(dir, "db.sqlite"), SEED_DEMO: "false", PORT: String(port), LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const lines: Array<Record<string, unknown>> = [];
  const exit = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  const listening = new Promise<void>((resolve) => {
    let buffer = "";
    const read = (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split("\n");
      buffer = parts.pop() ?? "";
      for (const part of parts) {
        try {
          const line = JSON.parse(part) as Record<string, unknown>;
          lines.push(line);
          if (line.event === "server.listening") resolve();
        } catch { /* not a log line */ }
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
  });
  const started = await Promise.race([listening.then(() => true), exit.then(() => false)]);
  return { child, lines, base: started ? `http://127.0.0.1:${port}` : "", exit };
}

async function stop(s: Started) {
  if (s.child.exitCode === null) s.child.kill("SIGTERM");
  await s.exit;
}

function update(id: number, text: string) {
  return { update_id: id, message: { message_id: id, date: Math.floor(Date.now() / 1000), chat: { id: 42, type: "private" }, from: { id: 42, is_bot: false, first_name: "An", language_code: "vi" }, text } };
}

const postUpdate = (base: string, body: unknown) =>
  fetch(`${base}/webhooks/telegram`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body: JSON.stringify(body) });

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("Node entry: exactly one Telegram mode per configuration", () => {
  it("token + secret without PUBLIC_URL (webhook set with `bhyt telegram set-webhook` behind a proxy): webhook mode, never polls, keeps running", async () => {
    const fake = await startFakeTelegram();
    const s = await startServer({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: fake.apiRoot });
    try {
      expect(s.base, JSON.stringify(s.lines)).not.toBe("");
      expect(s.lines.find((l) => l.event === "telegram.mode")).toMatchObject({ mode: "webhook", source: "derived" });
      const res = await postUpdate(s.base, update(1, "/help"));
      expect(res.status).toBe(200);
      await wait(300);
      expect(s.child.exitCode).toBeNull();
      expect(fake.calls.map((c) => c.method)).not.toContain("getUpdates");
      expect(fake.calls.map((c) => c.method)).not.toContain("deleteWebhook");
      expect(fake.calls.some((c) => c.method === "sendMessage" && String(c.payload.chat_id) === "42")).toBe(true);
    } finally {
      await stop(s);
      await fake.close();
    }
  }, 60_000);

  it("token only: polling mode, long-polls getUpdates and mounts no webhook route", async () => {
    const fake = await startFakeTelegram();
    const s = await startServer({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot });
    try {
      expect(s.base, JSON.stringify(s.lines)).not.toBe("");
      expect(s.lines.find((l) => l.event === "telegram.mode")).toMatchObject({ mode: "polling", source: "derived" });
      for (let i = 0; i < 100 && !fake.calls.some((c) => c.method === "getUpdates"); i++) await wait(100);
      expect(fake.calls.map((c) => c.method)).toContain("getUpdates");
      expect((await postUpdate(s.base, update(2, "/help"))).status).toBe(404);
      expect(s.child.exitCode).toBeNull();
    } finally {
      await stop(s);
      await fake.close();
    }
  }, 60_000);

  it("TELEGRAM_MODE=polling wins over a secret and PUBLIC_URL: polls, no webhook route", async () => {
    const fake = await startFakeTelegram();
    const s = await startServer({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, PUBLIC_URL: "https://bhyt.example.vn", TELEGRAM_MODE: "polling", TELEGRAM_API_ROOT: fake.apiRoot });
    try {
      expect(s.base, JSON.stringify(s.lines)).not.toBe("");
      expect(s.lines.find((l) => l.event === "telegram.mode")).toMatchObject({ mode: "polling", source: "TELEGRAM_MODE" });
      for (let i = 0; i < 100 && !fake.calls.some((c) => c.method === "getUpdates"); i++) await wait(100);
      expect(fake.calls.map((c) => c.method)).toContain("getUpdates");
      expect((await postUpdate(s.base, update(3, "/help"))).status).toBe(404);
    } finally {
      await stop(s);
      await fake.close();
    }
  }, 60_000);

  it("TELEGRAM_MODE=webhook without a secret: refuses to start and names the missing key", async () => {
    const s = await startServer({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_MODE: "webhook", TELEGRAM_API_ROOT: "http://127.0.0.1:9" });
    expect(s.base).toBe("");
    expect(await s.exit).toBe(1);
    const failure = s.lines.find((l) => l.event === "server.start_failed");
    expect(JSON.stringify(failure)).toContain("TELEGRAM_WEBHOOK_SECRET");
  }, 60_000);
});
