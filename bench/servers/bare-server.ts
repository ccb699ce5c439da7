/**
 * @module webhook-ingest baseline: a bare Hono app on @hono/node-server that parses the update
 * and makes one outbound POST to the same fake Bot API: the least any webhook server must do.
 *
 *   node --import tsx bench/servers/bare-server.ts <apiRoot>
 */
import { Hono } from "hono";
import { serveUntilStdinEnds } from "./serve-until-stdin";

const apiRoot = process.argv[2]!;
const app = new Hono();
app.post("/webhooks/telegram", async (c) => {
  const update = (await c.req.json()) as { message?: { chat: { id: number } }; callback_query?: { from: { id: number } } };
  const chatId = update.message?.chat.id ?? update.callback_query?.from.id;
  const res = await fetch(`${apiRoot}/bot123456:BENCH-token/sendMessage`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ chat_id: chatId, text: "ok" }),
  });
  await res.arrayBuffer();
  return c.json({ ok: true });
});
serveUntilStdinEnds(app.fetch);
