/**
 * @module A local stand-in for the Telegram Bot API that counts instead of recording bodies,
 * so a long load test does not grow its memory. With `limits` it enforces Telegram's rate
 * rules (overall and per chat) by answering 429 with `retry_after`, as the real API does.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeBotApiOptions {
  limits?: { perSecond: number; perChatPerSecond: number; retryAfterSeconds: number };
}

export interface FakeBotApi {
  apiRoot: string;
  calls: number;
  rejected: number;
  /** The 429s by the limit that refused: the overall window or one chat's spacing. */
  rejectedBy: { overall: number; perChat: number };
  /** Accepted sendMessage texts, counted by text: a count above one is a duplicate delivery. */
  delivered: Map<string, number>;
  /** Time of the first and last accepted send (ms). */
  firstAt: number;
  lastAt: number;
  close(): Promise<void>;
}

export async function startFakeBotApi(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const lastPerChat = new Map<string, number>();
  const recent: number[] = [];
  let messageId = 100;
  const state = { calls: 0, rejected: 0, rejectedBy: { overall: 0, perChat: 0 }, delivered: new Map<string, number>(), firstAt: 0, lastAt: 0 };
  const admit = (chat: string, now: number): boolean => {
    const l = options.limits;
    if (!l) return true;
    // A sliding one-second window overall, and one message per chat per 1/perChatPerSecond.
    while (recent.length > 0 && recent[0]! <= now - 1000) recent.shift();
    if (recent.length >= l.perSecond) {
      state.rejectedBy.overall++;
      return false;
    }
    if (now - (lastPerChat.get(chat) ?? -Infinity) < 1000 / l.perChatPerSecond) {
      state.rejectedBy.perChat++;
      return false;
    }
    recent.push(now);
    lastPerChat.set(chat, now);
    return true;
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      state.calls++;
      const method = (req.url ?? "").split("/").pop() ?? "";
      let payload: { chat_id?: unknown; text?: unknown } = {};
      try {
        if ((req.headers["content-type"] ?? "").includes("application/json")) payload = JSON.parse(Buffer.concat(chunks).toString("utf8")) as typeof payload;
      } catch {
        payload = {};
      }
      const now = Date.now();
      if (!admit(String(payload.chat_id), now)) {
        state.rejected++;
        const retry = options.limits!.retryAfterSeconds;
        res.writeHead(429, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: false, error_code: 429, description: `Too Many Requests: retry after ${retry}`, parameters: { retry_after: retry } }));
        return;
      }
      if (method === "sendMessage") {
        const text = String(payload.text);
        state.delivered.set(text, (state.delivered.get(text) ?? 0) + 1);
        state.firstAt ||= now;
        state.lastAt = now;
      }
      const result = method === "answerCallbackQuery" ? true : { message_id: ++messageId, date: Math.floor(now / 1000), chat: { id: payload.chat_id, type: "private" }, text: payload.text };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    apiRoot: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  });
}
