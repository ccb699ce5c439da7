import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramBot } from "../../../src/channels/telegram/bot";
import { createLogger } from "../../../src/logger";
import { startFakeTelegram } from "../../helpers/fake-telegram";
import { createApp } from "../../../src/app";
import { parseConfig } from "../../../src/config";
import { silentLogger } from "../../../src/logger";
import { createTestDb, createTestProtector, createTestTranslator } from "../../helpers/test-db";

let fake: Awaited<ReturnType<typeof startFakeTelegram>>;
beforeAll(async () => {
  fake = await startFakeTelegram();
});
afterAll(() => fake.close());

describe("a poison update", () => {
  it("is logged without its text, answered with an apology and marked processed (no endless retries)", async () => {
    const seen: string[] = [];
    const lines: string[] = [];
    const bot = createTelegramBot({
      config: { token: "123:abc", username: "bhyt_test_bot", apiRoot: fake.apiRoot, webhookSecret: "s".repeat(16), mode: "webhook", modeSource: "derived" },
      logger: createLogger({ level: "info", sink: (line) => lines.push(line) }),
      receive: async () => {
        throw new Error("boom");
      },
      markSeen: async (id) => void seen.push(id),
      apology: () => "Xin lỗi",
    });
    await bot.handleUpdate({ update_id: 77, message: { message_id: 1, date: 1, chat: { id: 5, type: "private", first_name: "A" }, from: { id: 5, is_bot: false, first_name: "A" }, text: "0912345678 bí mật" } } as never);
    expect(seen).toEqual(["77"]);
    expect(fake.calls.at(-1)).toMatchObject({ method: "sendMessage", payload: { chat_id: 5, text: "Xin lỗi" } });
    expect(lines.join("\n")).toContain("telegram.update_failed");
    expect(lines.join("\n")).not.toContain("0912345678");
  });
});

describe("webhook bodies", () => {
  it("refuses a body over 1 MB with 413 before parsing", async () => {
    const config = parseConfig({ TELEGRAM_BOT_TOKEN: "123456:TEST-token", TELEGRAM_WEBHOOK_SECRET: "test-secret-123456", TELEGRAM_API_ROOT: fake.apiRoot });
    const app = createApp({ config, db: createTestDb(), logger: silentLogger, t: createTestTranslator(), protector: await createTestProtector() });
    const res = await app.request("/webhooks/telegram", {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "test-secret-123456" },
      body: JSON.stringify({ update_id: 1, padding: "x".repeat(1024 * 1024 + 10) }),
    });
    expect(res.status).toBe(413);
  });
});
