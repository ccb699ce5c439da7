import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { parseConfig } from "../../../src/config";
import { silentLogger } from "../../../src/logger";
import { createZaloOaClient } from "../../../src/channels/zalo/oa-client";
import { createZaloOaSender } from "../../../src/channels/zalo/oa-sender";
import { createZaloTokenStore } from "../../../src/channels/zalo/token-store";
import { createTestDb, createTestProtector } from "../../helpers/test-db";
import { startFakeZalo } from "../../helpers/fake-zalo";

let fake: Awaited<ReturnType<typeof startFakeZalo>>;
let quotaLeft = 1;

beforeAll(async () => {
  fake = await startFakeZalo({
    validTokens: new Set(["zns-token-1"]),
    sendAnswer: (r) => (r.path === "/message/template" && quotaLeft-- <= 0 ? { body: { error: -144, message: "Daily quota exceeded" } } : undefined),
  });
});
afterAll(() => fake.close());

async function sender() {
  const config = parseConfig({ ZALO_APP_ID: "1", ZALO_APP_SECRET: "app-secret", ZALO_OA_SECRET_KEY: "oa-secret", ZALO_OA_ACCESS_TOKEN: "zns-token-1", ZALO_BUSINESS_API_ROOT: fake.baseUrl }).zaloOa!;
  const tokens = createZaloTokenStore({ config, db: createTestDb(), protector: await createTestProtector(), logger: silentLogger });
  return createZaloOaSender(createZaloOaClient({ config, tokens, now: () => new Date("2025-11-15T10:00:00Z") }));
}

describe("ZNS template by phone", () => {
  it("sends the template to the 84… phone with the idempotency key as tracking id", async () => {
    const s = await sender();
    const message = { to: "0912 345 678", text: "", idempotencyKey: "reminder:42:2025-11-15", template: { id: "301234", data: { name: "Nguyễn Văn A", expiry: "30/11/2025" } } };
    const result = await s.send(message);
    expect(result).toMatchObject({ ok: true });
    expect((result as { providerMessageId: string }).providerMessageId).toMatch(/^\d{19}$/);
    const [req] = fake.requests.filter((r) => r.path === "/message/template");
    expect(req!.headers["access_token"]).toBe("zns-token-1");
    expect(JSON.parse(req!.body)).toEqual({
      phone: "84912345678", template_id: "301234", template_data: { name: "Nguyễn Văn A", expiry: "30/11/2025" },
      tracking_id: createHash("sha256").update("reminder:42:2025-11-15").digest("hex").slice(0, 40),
    });
  });

  it("retries the next day when the daily quota is spent, and refuses a bad phone", async () => {
    const s = await sender();
    const result = await s.send({ to: "84912345678", text: "", idempotencyKey: "k2", template: { id: "301234", data: {} } });
    // 17:00 in Hà Nội → 08:00 tomorrow.
    expect(result).toMatchObject({ ok: false, retryable: true, code: "quota_exceeded", retryAfterSeconds: 15 * 3600 });
    expect(await s.send({ to: "12", text: "", idempotencyKey: "k3", template: { id: "1", data: {} } })).toMatchObject({ ok: false, retryable: false, code: "bad_phone" });
  });
});
