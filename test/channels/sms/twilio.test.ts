import { afterEach, describe, expect, it } from "vitest";
import { createTwilioProvider, twilioSignature } from "../../../src/channels/sms/providers/twilio";
import { startFakeHttp, type FakeAnswer } from "../../helpers/fake-http";

let fake: Awaited<ReturnType<typeof startFakeHttp>> | undefined;
afterEach(() => fake?.close());
const config = { provider: "twilio" as const, accountSid: "AC123", authToken: "12345", from: "UBNDXA", webhookSecret: "12345", ratePerSecond: 1 };

async function providerAnswering(...answers: FakeAnswer[]) {
  fake = await startFakeHttp((_req, n) => answers[Math.min(n, answers.length - 1)]!);
  return createTwilioProvider({ ...config, baseUrl: fake.baseUrl }, { timeoutMs: 300, statusCallbackUrl: "https://bhyt.example/webhooks/sms/twilio" });
}
const request = { to: "84912345678", text: "Da ghi nhan", idempotencyKey: "k-1" };

describe("Twilio send", () => {
  it("posts the form to Messages.json with basic auth", async () => {
    const provider = await providerAnswering({ status: 201, body: { sid: "SM1", status: "queued" } });
    expect(await provider.send(request)).toEqual({ ok: true, providerMessageId: "SM1" });
    const [req] = fake!.requests;
    expect(req!.path).toBe("/2010-04-01/Accounts/AC123/Messages.json");
    expect(req!.headers.authorization).toBe("Basic " + Buffer.from("AC123:12345").toString("base64"));
    expect(Object.fromEntries(new URLSearchParams(req!.body))).toEqual({ To: "+84912345678", Body: "Da ghi nhan", From: "UBNDXA", StatusCallback: "https://bhyt.example/webhooks/sms/twilio" });
  });

  it("maps 429 with Retry-After, 5xx, an unsubscribed recipient (blocked) and timeouts", async () => {
    const provider = await providerAnswering(
      { status: 429, headers: { "retry-after": "3" }, body: { code: 20429, message: "Too Many Requests" } },
      { status: 503 },
      { status: 400, body: { code: 21610, message: "Attempt to send to unsubscribed recipient" } },
      { status: 400, body: { code: 21211, message: "Invalid 'To' Phone Number" } },
      { status: 201, body: { sid: "SM2" }, delayMs: 1000 },
    );
    expect(await provider.send(request)).toEqual({ ok: false, retryable: true, code: "twilio_20429", httpStatus: 429, retryAfterSeconds: 3 });
    expect(await provider.send(request)).toMatchObject({ ok: false, retryable: true, httpStatus: 503 });
    expect(await provider.send(request)).toMatchObject({ ok: false, retryable: false, blocked: true, code: "twilio_21610" });
    expect(await provider.send(request)).toEqual({ ok: false, retryable: false, code: "twilio_21211", httpStatus: 400 });
    expect(await provider.send(request)).toEqual({ ok: false, retryable: true, code: "timeout" });
  });
});

describe("Twilio signatures", () => {
  const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
  const params = (caller: string) => new URLSearchParams({ To: "+18005551212", From: caller, Digits: "1234", CallSid: "CA1234567890ABCDE", Caller: caller });

  it("reproduces the published test vectors", async () => {
    expect(await twilioSignature("12345", url, params("+14158675309"))).toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    expect(await twilioSignature("12345", url, params("+14158675310"))).toBe("GvWf1cFY/Q7PnoempGyD5oXAezc=");
  });

  it("verifies the header on URL + sorted params, and refuses any change", async () => {
    const provider = createTwilioProvider({ ...config, baseUrl: "http://unused" });
    const body = params("+14158675309").toString();
    const good = { method: "POST", url, headers: new Headers({ "x-twilio-signature": "RSOYDt4T1cUTdK1PDd93/VVr8B8=" }), body };
    expect(await provider.verifyWebhook(good, new Date())).toBe(true);
    expect(await provider.verifyWebhook({ ...good, body: body.replace("1234", "9999") }, new Date())).toBe(false);
    expect(await provider.verifyWebhook({ ...good, url: url.replace("foo=1", "foo=2") }, new Date())).toBe(false);
    expect(await provider.verifyWebhook({ ...good, headers: new Headers() }, new Date())).toBe(false);
    const other = createTwilioProvider({ ...config, baseUrl: "http://unused", webhookSecret: "54321" });
    expect(await other.verifyWebhook(good, new Date())).toBe(false);
  });

  it("reads inbound messages and status callbacks", () => {
    const provider = createTwilioProvider({ ...config, baseUrl: "http://unused" });
    const inbound = new URLSearchParams({ MessageSid: "SM9", SmsStatus: "received", From: "+84912345678", To: "+100", Body: "Xuân Thành GD 2" }).toString();
    expect(provider.parseWebhook({ method: "POST", url: "x", headers: new Headers(), body: inbound })).toEqual([{ kind: "inbound", eventId: "SM9", from: "84912345678", text: "Xuân Thành GD 2" }]);
    const status = new URLSearchParams({ MessageSid: "SM1", MessageStatus: "undelivered", ErrorCode: "30003" }).toString();
    expect(provider.parseWebhook({ method: "POST", url: "x", headers: new Headers(), body: status })).toEqual([{ kind: "status", providerMessageId: "SM1", status: "failed", errorCode: "twilio_30003" }]);
  });
});
