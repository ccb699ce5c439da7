import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeTelegram } from "../helpers/fake-telegram";
import { createCliRunner } from "../helpers/run-cli";

const dir = mkdtempSync(join(tmpdir(), "bhyt-telegram-cli-"));
const base = { DATABASE_PATH: join(dir, "cli.sqlite"), LOG_LEVEL: "error", SEED_DEMO: "0", TELEGRAM_BOT_TOKEN: "123456:test-token" };

describe("bhyt telegram set-webhook / webhook-info", () => {
  let fake: Awaited<ReturnType<typeof startFakeTelegram>>;
  let cli: ReturnType<typeof createCliRunner>;
  beforeAll(async () => {
    fake = await startFakeTelegram();
    cli = createCliRunner({ ...base, TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_WEBHOOK_SECRET: "s3cret-webhook-token" });
  });
  afterAll(() => fake.close());

  it("registers the webhook path under a bare origin, with the secret and only the updates the bot handles", async () => {
    const { code, last } = await cli("telegram", "set-webhook", "--url", "https://bhyt.example.vn", "--json");
    expect(code).toBe(0);
    expect(last).toEqual({ ok: true, url: "https://bhyt.example.vn/webhooks/telegram" });
    const call = fake.calls.find((c) => c.method === "setWebhook")!;
    expect(call.payload).toMatchObject({
      url: "https://bhyt.example.vn/webhooks/telegram",
      secret_token: "s3cret-webhook-token",
      allowed_updates: ["message", "callback_query"],
      drop_pending_updates: false,
    });
    const info = await cli("telegram", "webhook-info", "--json");
    expect(info.last).toMatchObject({ ok: true, url: "https://bhyt.example.vn/webhooks/telegram", pendingUpdateCount: 3 });
  });

  it("keeps a full URL, drops pending updates on request and answers in Vietnamese by default", async () => {
    const { code, lines } = await cli("telegram", "set-webhook", "--url", "https://bhyt.example.vn/custom/hook", "--drop-pending");
    expect(code).toBe(0);
    expect(lines).toEqual(["Đã đăng ký webhook: https://bhyt.example.vn/custom/hook"]);
    expect(fake.calls.at(-1)!.payload).toMatchObject({ url: "https://bhyt.example.vn/custom/hook", drop_pending_updates: true });
  });

  it("refuses plain HTTP and a missing --url without calling Telegram", async () => {
    const before = fake.calls.length;
    const http = await cli("telegram", "set-webhook", "--url", "http://bhyt.example.vn", "--json");
    expect(http.code).toBe(2);
    expect(http.last.error.message).toContain("HTTPS");
    expect((await cli("telegram", "set-webhook", "--json")).last.error.code).toBe("bad_request");
    expect(fake.calls.length).toBe(before);
  });

  it("refuses to register without a webhook secret", async () => {
    const noSecret = createCliRunner({ ...base, TELEGRAM_API_ROOT: fake.apiRoot });
    const { code, last } = await noSecret("telegram", "set-webhook", "--url", "https://bhyt.example.vn", "--json", "--lang", "en");
    expect(code).toBe(2);
    expect(last.error.message).toMatch(/TELEGRAM_WEBHOOK_SECRET/);
  });

  it("reports Telegram's refusal and an unreachable API as clear messages, never the token", async () => {
    const refusing = await startFakeTelegram({ refuse: () => ({ error_code: 400, description: "Bad Request: bad webhook: IP address 10.0.0.1 is reserved" }) });
    try {
      const r = await createCliRunner({ ...base, TELEGRAM_API_ROOT: refusing.apiRoot, TELEGRAM_WEBHOOK_SECRET: "s3cret-webhook-token" })("telegram", "set-webhook", "--url", "https://10.0.0.1", "--json", "--lang", "en");
      expect(r.last.error).toMatchObject({ code: "provider_error" });
      expect(r.last.error.message).toContain("Telegram refused (code 400)");
    } finally {
      await refusing.close();
    }
    const down = await createCliRunner({ ...base, TELEGRAM_API_ROOT: "http://127.0.0.1:9", TELEGRAM_WEBHOOK_SECRET: "s3cret-webhook-token" })("telegram", "webhook-info", "--json");
    expect(down.last.error.code).toBe("provider_error");
    expect(down.last.error.message).toContain("Không kết nối được");
    expect(JSON.stringify(down.last)).not.toContain("test-token");
  });

  it("says Telegram is not configured when there is no bot token", async () => {
    const { TELEGRAM_BOT_TOKEN: _token, ...noBot } = base;
    const { code, last } = await createCliRunner(noBot)("telegram", "webhook-info", "--json");
    expect(code).toBe(2);
    expect(last.error.message).toContain("TELEGRAM_BOT_TOKEN");
  });
});
