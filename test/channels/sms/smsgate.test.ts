import { afterEach, describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { createSmsGateProvider } from "../../../src/channels/sms/providers/smsgate";
import type { SmsWebhookRequest } from "../../../src/channels/sms/types";
import { startFakeHttp, type FakeAnswer } from "../../helpers/fake-http";

const SIGNING_KEY = "signing-key-from-the-app";
const NOW = new Date("2025-11-15T03:00:00Z");
let fake: Awaited<ReturnType<typeof startFakeHttp>> | undefined;
afterEach(() => fake?.close());

// The deadline is far above a local answer on a loaded machine, far below the slow answer (4 s).
async function providerAnswering(...answers: FakeAnswer[]) {
  fake = await startFakeHttp((_req, n) => answers[Math.min(n, answers.length - 1)]!);
  return createSmsGateProvider(
    { provider: "smsgate", baseUrl: fake.baseUrl + "/", username: "sms", password: "p@ss", webhookSecret: SIGNING_KEY, ratePerSecond: 1 },
    { timeoutMs: 1_500 },
  );
}
const request = { to: "84912345678", text: "Đã ghi nhận", idempotencyKey: "reminder:1:2025-11" };

describe("SMSGate send", () => {
  it("POSTs /3rdparty/v1/messages with basic auth, E.164 numbers and a stable id", async () => {
    const provider = await providerAnswering({ status: 202, body: { id: "gw-1", state: "Pending" } });
    const expiresAt = new Date("2025-11-16T00:00:00Z");
    expect(await provider.send({ ...request, expiresAt })).toEqual({ ok: true, providerMessageId: "gw-1" });
    await provider.send(request);
    const [first, second] = fake!.requests;
    expect(first).toMatchObject({ method: "POST", path: "/3rdparty/v1/messages" });
    expect(first!.headers.authorization).toBe("Basic " + Buffer.from("sms:p@ss").toString("base64"));
    const body = JSON.parse(first!.body);
    expect(body).toMatchObject({ textMessage: { text: "Đã ghi nhận" }, phoneNumbers: ["+84912345678"], withDeliveryReport: true, validUntil: "2025-11-16T00:00:00.000Z" });
    expect(body.id).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.parse(second!.body).id).toBe(body.id);
  });

  it("maps 429 (Retry-After), 500, 400, 409 and a slow answer", async () => {
    const provider = await providerAnswering(
      { status: 429, headers: { "retry-after": "12" } },
      { status: 500 },
      { status: 400, body: { message: "invalid phone" } },
      { status: 409 },
      { status: 202, delayMs: 4_000 },
    );
    expect(await provider.send(request)).toEqual({ ok: false, retryable: true, code: "rate_limited", httpStatus: 429, retryAfterSeconds: 12 });
    expect(await provider.send(request)).toMatchObject({ ok: false, retryable: true, httpStatus: 500 });
    expect(await provider.send(request)).toMatchObject({ ok: false, retryable: false, httpStatus: 400 });
    expect(await provider.send(request)).toMatchObject({ ok: true });
    expect(await provider.send(request)).toEqual({ ok: false, retryable: true, code: "timeout" });
  }, 15_000);
});

function signed(body: string, timestamp: number, key = SIGNING_KEY): SmsWebhookRequest {
  const signature = createHmac("sha256", key).update(body + String(timestamp)).digest("hex");
  return { method: "POST", url: "https://bhyt.example/webhooks/sms/smsgate", headers: new Headers({ "x-signature": signature, "x-timestamp": String(timestamp) }), body };
}

describe("SMSGate webhooks", () => {
  const provider = createSmsGateProvider({ provider: "smsgate", baseUrl: "http://unused", username: "u", password: "p", webhookSecret: SIGNING_KEY, ratePerSecond: 1 });
  const body = JSON.stringify({ deviceId: "d1", event: "sms:received", id: "Ey6ECgOkVVFjz3CL48B8C", webhookId: "w1", payload: { messageId: "abc", message: "Xuân Thành GD 3", phoneNumber: "0912345678", receivedAt: "2025-11-15T10:00:00.000+07:00" } });
  const ts = NOW.getTime() / 1000;

  it("accepts a signature of raw body + timestamp within five minutes", async () => {
    expect(await provider.verifyWebhook(signed(body, ts), NOW)).toBe(true);
    expect(await provider.verifyWebhook(signed(body, ts - 299), NOW)).toBe(true);
  });

  it("refuses a wrong key, a changed body, a stale or future timestamp, missing headers, and no configured key", async () => {
    expect(await provider.verifyWebhook(signed(body, ts, "another-key-entirely"), NOW)).toBe(false);
    expect(await provider.verifyWebhook({ ...signed(body, ts), body: body.replace("GD 3", "GD 9") }, NOW)).toBe(false);
    expect(await provider.verifyWebhook(signed(body, ts - 301), NOW)).toBe(false);
    expect(await provider.verifyWebhook(signed(body, ts + 301), NOW)).toBe(false);
    expect(await provider.verifyWebhook({ ...signed(body, ts), headers: new Headers() }, NOW)).toBe(false);
    const keyless = createSmsGateProvider({ provider: "smsgate", baseUrl: "http://unused", username: "u", password: "p", ratePerSecond: 1 });
    expect(await keyless.verifyWebhook(signed(body, ts), NOW)).toBe(false);
  });

  it("reads received messages (old and new field names) and delivery events", () => {
    expect(provider.parseWebhook(signed(body, ts))).toEqual([
      { kind: "inbound", eventId: "Ey6ECgOkVVFjz3CL48B8C", from: "84912345678", text: "Xuân Thành GD 3", receivedAt: new Date("2025-11-15T03:00:00Z") },
    ]);
    const newer = JSON.stringify({ event: "sms:received", id: "e2", payload: { message: "hi", sender: "+84912345678" } });
    expect(provider.parseWebhook(signed(newer, ts))).toMatchObject([{ kind: "inbound", from: "84912345678", eventId: "e2" }]);
    const delivered = JSON.stringify({ event: "sms:delivered", id: "e3", payload: { messageId: "gw-1", phoneNumber: "+84912345678" } });
    expect(provider.parseWebhook(signed(delivered, ts))).toEqual([{ kind: "status", providerMessageId: "gw-1", status: "delivered", errorCode: undefined }]);
    const carrier = JSON.stringify({ event: "sms:received", id: "e4", payload: { message: "KM", phoneNumber: "Viettel" } });
    expect(provider.parseWebhook(signed(carrier, ts))).toEqual([]);
    expect(() => provider.parseWebhook(signed("not json", ts))).toThrow();
  });
});
