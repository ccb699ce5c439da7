/**
 * Issue 19: malformed JSON on the Telegram webhook answered 500, so Telegram resent it for a
 * day. A body that is not an update is now acknowledged (200) and logged without its text;
 * fuzzed bodies never get a 500.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app";
import { parseConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { startFakeTelegram } from "../helpers/fake-telegram";
import { createTestDb, createTestProtector, createTestTranslator } from "../helpers/test-db";

const SECRET = "test-secret-123456";
let fake: Awaited<ReturnType<typeof startFakeTelegram>>;
let app: App;
const lines: string[] = [];

beforeAll(async () => {
  fake = await startFakeTelegram();
  const config = parseConfig({ TELEGRAM_BOT_TOKEN: "123456:TEST-token", TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: fake.apiRoot });
  app = createApp({ config, db: createTestDb(), logger: createLogger({ level: "info", sink: (l) => lines.push(l) }), t: createTestTranslator(), protector: await createTestProtector() });
});
afterAll(() => fake.close());

const send = (body: string, secret = SECRET) =>
  app.request("/webhooks/telegram", { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret }, body });

describe("Telegram webhook input", () => {
  it.each(["{not json", "", "null", "[]", '"text"', "42", '{"update_id":"7"}', '{"message":{}}'])("acknowledges %j with 200 and logs it without its text", async (body) => {
    lines.length = 0;
    const res = await send(body);
    expect(res.status).toBe(200);
    expect(lines.join("\n")).toContain("telegram.malformed_update");
    if (body.length > 4) expect(lines.join("\n")).not.toContain(body);
  });

  it("still refuses a wrong secret with 401, malformed or not", async () => {
    expect((await send("{not json", "wrong-secret-12345")).status).toBe(401);
    expect((await send('{"update_id":1}', "wrong-secret-12345")).status).toBe(401);
  });

  it("never answers 500 to fuzzed bodies (strings, JSON values, update-shaped objects)", async () => {
    const updateLike = fc.record({ update_id: fc.integer({ min: 1, max: 2 ** 31 }), message: fc.option(fc.jsonValue()), callback_query: fc.option(fc.jsonValue()) });
    const body = fc.oneof(fc.string(), fc.json(), updateLike.map((u) => JSON.stringify(u)));
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await send(b);
        expect(res.status).not.toBe(500);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});
