import { afterEach, describe, expect, it } from "vitest";
import { createEsmsProvider, ESMS_SEND_PATH } from "../../../src/channels/sms/providers/esms";
import { createSmsProvider } from "../../../src/channels/sms/create-sms-provider";
import { parseConfig } from "../../../src/config";
import { startFakeHttp, type FakeAnswer } from "../../helpers/fake-http";

const TOKEN = "callback-token-0123456789";
let fake: Awaited<ReturnType<typeof startFakeHttp>> | undefined;
afterEach(() => fake?.close());

async function providerAnswering(...answers: FakeAnswer[]) {
  fake = await startFakeHttp((_req, n) => answers[Math.min(n, answers.length - 1)]!);
  const config = parseConfig({ SMS_PROVIDER: "esms", SMS_API_BASE_URL: fake.baseUrl, SMS_API_KEY: "KEY", SMS_API_SECRET: "SECRET", SMS_BRANDNAME: "UBND_XA", SMS_SANDBOX: "1", SMS_WEBHOOK_SECRET: TOKEN, PUBLIC_URL: "https://bhyt.example" });
  return createSmsProvider(config.sms!, { timeoutMs: 300, publicUrl: config.publicUrl });
}
const request = { to: "84912345678", text: "Da ghi nhan", idempotencyKey: "k-1" };

describe("eSMS send", () => {
  it("posts the brandname CSKH JSON with Sandbox, a national number and a stable RequestId", async () => {
    const provider = await providerAnswering({ body: { CodeResult: "100", CountRegenerate: 0, SMSID: "sms-42" } });
    expect(await provider.send(request)).toEqual({ ok: true, providerMessageId: "sms-42" });
    await provider.send({ ...request, text: "Đã ghi nhận" });
    const [plain, accented] = fake!.requests.map((r) => JSON.parse(r.body));
    expect(fake!.requests[0]!.path).toBe(ESMS_SEND_PATH);
    expect(plain).toMatchObject({ ApiKey: "KEY", SecretKey: "SECRET", Phone: "0912345678", Content: "Da ghi nhan", Brandname: "UBND_XA", SmsType: "2", IsUnicode: "0", Sandbox: "1" });
    expect(plain.CallbackUrl).toBe(`https://bhyt.example/webhooks/sms/esms?token=${TOKEN}`);
    expect(accented.IsUnicode).toBe("1");
    expect(accented.RequestId).toBe(plain.RequestId);
  });

  it("treats a duplicate RequestId as sent, account problems as retryable, template mismatches as final", async () => {
    const provider = await providerAnswering(
      { body: { CodeResult: "124" } },
      { body: { CodeResult: "103", ErrorMessage: "Balance not enough" } },
      { body: { CodeResult: "146" } },
      { status: 500, body: "oops" },
      { body: { CodeResult: "100", SMSID: "late" }, delayMs: 1000 },
    );
    expect(await provider.send(request)).toMatchObject({ ok: true });
    expect(await provider.send(request)).toEqual({ ok: false, retryable: true, code: "esms_103", httpStatus: 200 });
    expect(await provider.send(request)).toEqual({ ok: false, retryable: false, code: "esms_146", httpStatus: 200 });
    expect(await provider.send(request)).toMatchObject({ ok: false, retryable: true, httpStatus: 500 });
    expect(await provider.send(request)).toEqual({ ok: false, retryable: true, code: "timeout" });
  });
});

describe("eSMS delivery callbacks", () => {
  const provider = createEsmsProvider({ provider: "esms", baseUrl: "http://unused", apiKey: "k", apiSecret: "s", brandname: "B", sandbox: true, webhookSecret: TOKEN, ratePerSecond: 1 });
  const callback = (query: string) => ({ method: "GET", url: `https://bhyt.example/webhooks/sms/esms?${query}`, headers: new Headers(), body: "" });
  const delivered = `SMSID=sms-42&SendFailed=0&SendStatus=5&SendSuccess=1&TotalReceiver=1&RequestId=r1&TypeId=2&telcoid=1&phonenumber=0912345678`;

  it("accepts only the secret token (constant-time compare)", async () => {
    expect(await provider.verifyWebhook(callback(`token=${TOKEN}&${delivered}`), new Date())).toBe(true);
    expect(await provider.verifyWebhook(callback(`token=${TOKEN.slice(0, -1)}x&${delivered}`), new Date())).toBe(false);
    expect(await provider.verifyWebhook(callback(delivered), new Date())).toBe(false);
  });

  it("maps SendStatus and counts to delivered or failed", () => {
    expect(provider.parseWebhook(callback(delivered))).toEqual([{ kind: "status", providerMessageId: "sms-42", status: "delivered" }]);
    expect(provider.parseWebhook(callback("SMSID=sms-43&SendFailed=1&SendStatus=5&SendSuccess=0"))).toMatchObject([{ status: "failed" }]);
    expect(provider.parseWebhook(callback("SMSID=sms-44&SendStatus=4"))).toMatchObject([{ status: "failed", errorCode: "esms_status_4" }]);
    expect(provider.parseWebhook(callback("SMSID=sms-45&SendStatus=1"))).toEqual([]);
  });
});
