import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface BotApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** The raw request body: multipart uploads (sendPhoto) are checked through it. */
  raw: Buffer;
}

/**
 * A local stand-in for the Bot API (`${apiRoot}/bot<token>/<method>`): records every call and
 * answers like Telegram does. Multipart uploads (sendPhoto) keep their raw body.
 */
export async function startFakeTelegram(options: { refuse?: (method: string) => { error_code: number; description: string } | undefined } = {}): Promise<{ apiRoot: string; calls: BotApiCall[]; close(): Promise<void> }> {
  const calls: BotApiCall[] = [];
  let messageId = 100;
  // Webhook registration state, as getWebhookInfo reports it.
  let webhookUrl = "";
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const method = (req.url ?? "").split("/").pop() ?? "";
      const raw = Buffer.concat(chunks);
      const body = raw.toString("utf8");
      let payload: Record<string, unknown> = {};
      if ((req.headers["content-type"] ?? "").includes("application/json") && body) payload = JSON.parse(body) as Record<string, unknown>;
      calls.push({ method, payload, raw });
      const refusal = options.refuse?.(method);
      if (refusal) {
        res.writeHead(refusal.error_code, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: false, ...refusal }));
        return;
      }
      if (method === "getUpdates") {
        // A long poll with nothing to deliver: answer empty after a short wait, as Telegram does at its timeout.
        setTimeout(() => {
          if (res.destroyed) return;
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ ok: true, result: [] }));
        }, 100);
        return;
      }
      if (method === "setWebhook" || method === "deleteWebhook") webhookUrl = method === "setWebhook" ? String(payload.url) : "";
      const result = method === "answerCallbackQuery" || method === "setWebhook" || method === "deleteWebhook" ? true
        : method === "getWebhookInfo" ? { url: webhookUrl, has_custom_certificate: false, pending_update_count: 3, ...(webhookUrl ? {} : { last_error_date: 1_790_000_000, last_error_message: "Connection refused" }) }
        : { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: payload.chat_id, type: "private" }, text: payload.text };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  // closeAllConnections: a polling client may hold a keep-alive socket open.
  return { apiRoot: `http://127.0.0.1:${port}`, calls, close: () => new Promise((r) => (server.close(() => r()), server.closeAllConnections())) };
}
