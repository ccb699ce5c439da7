import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { parseConfig } from "../../../src/config";
import { silentLogger } from "../../../src/logger";
import { outboxMessages, tallyEntries } from "../../../src/db/schema";
import { seedDemo } from "../../../src/core/demo/seed-demo";
import { createInvite } from "../../../src/core/officers/invites";
import { resolveUnit } from "../../../src/core/units/resolve-unit";
import { createDispatcher } from "../../../src/core/outbox/dispatcher";
import { createTelegramChannel } from "../../../src/channels/telegram";
import { createTelegramSender } from "../../../src/channels/telegram/telegram-sender";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import type { Protector } from "../../../src/core/privacy/protector";
import { localDate } from "../../../src/core/time/local-date";
import { createTestDb, createTestProtector, createTestTranslator } from "../../helpers/test-db";

// Officers report at once while the Bot API answers the first try of every message with a
// 429 (retry_after), a 500 or silence past the reply timeout. Story: every report saved once,
// every officer told so exactly once, nobody told "please try again".
/** Commune officers, each reporting its own village and group (no "add or replace?" between them). */
const VILLAGES = ["Quyết Tiến", "Xuân Thành", "Xuân Lập", "Xuân Thắng", "Hoà Lâm", "Hưng Long", "Phú Vinh"];
const OFFICERS = VILLAGES.length * 2;
const reportOf = (i: number) => `${VILLAGES[i % VILLAGES.length]} ${i < VILLAGES.length ? "GD" : "HS"} 1`;
/** Today, as the commune office sees it: the seeded plan and the updates both use it. */
const NOW = new Date();
const TODAY = localDate(NOW, "Asia/Ho_Chi_Minh");

interface Delivered { chatId: string; text: string }

/**
 * A Bot API that answers 429 above 30 messages a second, and fails each (chat, text)'s first
 * try in turn: 429, 500, a hang past the timeout.
 */
async function startFlakyBotApi() {
  const delivered: Delivered[] = [];
  const tries = new Map<string, number>();
  let failures = 0;
  let limited = 0;
  const recent: number[] = [];
  let messageId = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const method = (req.url ?? "").split("/").pop();
      const payload = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as { chat_id?: number | string; text?: string };
      const json = (status: number, body: unknown) => {
        if (res.destroyed) return;
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (method !== "sendMessage") return json(200, { ok: true, result: true });
      // Telegram's flood limit: above 30 messages in any second, 429 with retry_after.
      const at = Date.now();
      while (recent.length > 0 && at - recent[0]! >= 1_000) recent.shift();
      if (recent.length >= 30) {
        limited++;
        return json(429, { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
      }
      recent.push(at);
      const key = `${payload.chat_id}\n${payload.text}`;
      const n = tries.get(key) ?? 0;
      tries.set(key, n + 1);
      const ok = () => {
        // A message counts as delivered only if the caller was still there for the answer.
        if (res.destroyed) return;
        delivered.push({ chatId: String(payload.chat_id), text: String(payload.text) });
        json(200, { ok: true, result: { message_id: ++messageId, date: 0, chat: { id: Number(payload.chat_id), type: "private" }, text: payload.text } });
      };
      if (n > 0) return ok();
      const kind = failures++ % 3;
      if (kind === 0) return json(429, { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
      if (kind === 1) return json(500, { ok: false, error_code: 500, description: "Internal Server Error" });
      // A hang: never answered in time (the caller gives up first).
      setTimeout(() => json(502, { ok: false, error_code: 502, description: "Bad Gateway" }), 1_000);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { apiRoot: `http://127.0.0.1:${port}`, delivered, limited: () => limited, close: () => new Promise<void>((r) => (server.close(() => r()), server.closeAllConnections())) };
}

let api: Awaited<ReturnType<typeof startFlakyBotApi>>;
let db: SqliteDb;
let protector: Protector;
const codes: string[] = [];

beforeAll(async () => {
  api = await startFlakyBotApi();
  db = createTestDb();
  protector = await createTestProtector();
  await seedDemo({ db, protector, today: TODAY });
  const commune = await resolveUnit(db, "Ngọc Phụng");
  for (let i = 0; i < OFFICERS; i++) codes.push((await createInvite(db, protector, { communeId: commune.id, role: "commune" })).code);
});
afterAll(() => api.close());

async function activeTotal(): Promise<number> {
  const rows = await db.orm.select().from(tallyEntries).where(eq(tallyEntries.status, "active"));
  return rows.reduce((n, e) => n + e.count, 0);
}

function update(id: number, from: number, text: string) {
  const date = Math.floor(NOW.getTime() / 1000);
  return { update_id: id, message: { message_id: id, date, chat: { id: from, type: "private" }, from: { id: from, is_bot: false, first_name: "Cán bộ", language_code: "vi" }, text } };
}

describe("Telegram replies when the Bot API answers 429, 5xx or not at all", () => {
  it("loses no report and no confirmation, duplicates nothing, and never says 'try again' after a save", async () => {
    const config = parseConfig({ TELEGRAM_BOT_TOKEN: "123456:TEST-token", TELEGRAM_WEBHOOK_SECRET: "test-secret-123456", TELEGRAM_API_ROOT: api.apiRoot });
    const t = createTestTranslator();
    // One dispatcher for the webhook's immediate replies and the later retries, as the entries build it.
    const dispatcher = createDispatcher({ db, protector, t, defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh", logger: silentLogger, senders: [createTelegramSender(config.telegram!, { timeoutSeconds: 1 })], retry: { baseMs: 50, maxMs: 200, maxAttempts: 8 } });
    const { bot } = createTelegramChannel(config.telegram!, { db, protector, t, logger: silentLogger, defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh", relay: dispatcher.relay });
    const officers = Array.from({ length: OFFICERS }, (_, i) => 9000 + i);
    let updateId = 500;
    // Everyone joins, then everyone reports at once; Telegram redelivers each report once more,
    // also all at once (concurrent tally writers race for ids: none may be lost).
    const joins = officers.map((from, i) => update(++updateId, from, codes[i]!));
    await Promise.all(joins.map((u) => bot.handleUpdate(u as never)));
    const savedBefore = await activeTotal();
    const reports = officers.map((from, i) => update(++updateId, from, reportOf(i)));
    await Promise.all(reports.map((u) => bot.handleUpdate(u as never)));
    await Promise.all(reports.map((u) => bot.handleUpdate(u as never)));

    // The outbox retries what did not go, honouring retry_after.
    const open = async () => (await db.orm.select().from(outboxMessages)).filter((r) => r.status === "pending" || r.status === "sending").length;
    const deadline = Date.now() + 30_000;
    while ((await open()) > 0 && Date.now() < deadline) {
      await dispatcher.dispatchOnce();
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await open()).toBe(0);
    expect((await db.orm.select().from(outboxMessages)).length).toBeGreaterThan(0);

    // Immediate replies and retries share the dispatcher's pacing (29.4/s), so the burst of 28
    // officers stays under the 30/s limit; the odd 429 from timing jitter is retried like the rest.
    expect(api.limited(), "replies are paced under the 30 messages/s limit").toBeLessThanOrEqual(3);
    expect((await activeTotal()) - savedBefore).toBe(OFFICERS);
    const apology = t("vi", "conv-internal-error");
    for (const from of officers) {
      const got = api.delivered.filter((d) => d.chatId === String(from)).map((d) => d.text);
      expect(got.filter((text) => text.includes("Đã ghi nhận")), `officer ${from}: ${got.join(" | ")}`).toHaveLength(1);
      expect(got.filter((text) => text.includes("Ngọc Phụng") && !text.includes("Đã ghi nhận"))).toHaveLength(1);
      expect(got).not.toContain(apology);
    }
  }, 60_000);

  it("a crash between the saved report and its reply loses nothing: the outbox sends the reply, a redelivery is not re-run", async () => {
    const config = parseConfig({ TELEGRAM_BOT_TOKEN: "123456:TEST-token", TELEGRAM_WEBHOOK_SECRET: "test-secret-123456", TELEGRAM_API_ROOT: api.apiRoot });
    const t = createTestTranslator();
    const commune = await resolveUnit(db, "Ngọc Phụng");
    const code = (await createInvite(db, protector, { communeId: commune.id, role: "commune" })).code;
    // The process dies right after the commit: the immediate send never happens.
    const crashed = createTelegramChannel(config.telegram!, { db, protector, t, logger: silentLogger, defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh", relay: () => undefined });
    const from = 9900;
    await crashed.bot.handleUpdate(update(900, from, code) as never);
    const before = await activeTotal();
    await crashed.bot.handleUpdate(update(901, from, "Xuân Lập TE 2") as never);
    expect(await activeTotal()).toBe(before + 2);
    const waiting = (await db.orm.select().from(outboxMessages)).filter((r) => r.status === "pending" && r.payload.chatId === String(from));
    expect(waiting.length, "the replies were committed with the report").toBeGreaterThanOrEqual(2);

    // Restarted: Telegram redelivers the update (no 200 was seen); the dispatcher sends what was committed.
    const dispatcher = createDispatcher({ db, protector, t, defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh", logger: silentLogger, senders: [createTelegramSender(config.telegram!, { timeoutSeconds: 1 })], retry: { baseMs: 50, maxMs: 200, maxAttempts: 8 } });
    const restarted = createTelegramChannel(config.telegram!, { db, protector, t, logger: silentLogger, defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh", relay: dispatcher.relay });
    await restarted.bot.handleUpdate(update(901, from, "Xuân Lập TE 2") as never);
    const deadline = Date.now() + 20_000;
    const open = async () => (await db.orm.select().from(outboxMessages)).filter((r) => (r.status === "pending" || r.status === "sending") && r.payload.chatId === String(from)).length;
    while ((await open()) > 0 && Date.now() < deadline) {
      await dispatcher.dispatchOnce();
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await activeTotal()).toBe(before + 2);
    const got = api.delivered.filter((d) => d.chatId === String(from)).map((d) => d.text);
    expect(got.filter((text) => text.includes("Đã ghi nhận")), got.join(" | ")).toHaveLength(1);
    expect(got.join("\n")).not.toContain("hay thay thế số cũ");
  }, 60_000);
});
