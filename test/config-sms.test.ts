import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config";

describe("parseConfig: SMS and quiet hours", () => {
  it("has no SMS channel by default and 21:00-07:00 quiet hours", () => {
    const config = parseConfig({});
    expect(config.sms).toBeUndefined();
    expect(config.quietHours).toEqual({ startMinute: 1260, endMinute: 420 });
    expect(parseConfig({ QUIET_HOURS: "off" }).quietHours).toBeUndefined();
  });

  it("builds each provider's config with its default base URL", () => {
    expect(parseConfig({ SMS_PROVIDER: "smsgate", SMS_USERNAME: "u", SMS_PASSWORD: "p" }).sms).toEqual({
      provider: "smsgate", baseUrl: "https://api.sms-gate.app", username: "u", password: "p", webhookSecret: undefined, ratePerSecond: 1,
    });
    expect(parseConfig({ SMS_PROVIDER: "esms", SMS_API_KEY: "k", SMS_API_SECRET: "s", SMS_BRANDNAME: "UBND", SMS_SANDBOX: "1", SMS_RATE_PER_SECOND: "5" }).sms).toMatchObject({
      provider: "esms", baseUrl: "https://rest.esms.vn", sandbox: true, ratePerSecond: 5,
    });
    expect(parseConfig({ SMS_PROVIDER: "twilio", SMS_USERNAME: "AC1", SMS_PASSWORD: "tok", SMS_FROM: "+1555", SMS_API_BASE_URL: "http://127.0.0.1:9/" }).sms).toMatchObject({
      provider: "twilio", accountSid: "AC1", authToken: "tok", webhookSecret: "tok", baseUrl: "http://127.0.0.1:9/",
    });
  });

  it("names missing credentials and bad values, never echoing them", () => {
    try {
      parseConfig({ SMS_PROVIDER: "esms", SMS_API_KEY: "secret-api-key" });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).keys).toEqual(["SMS_API_SECRET", "SMS_BRANDNAME"]);
      expect((err as Error).message).not.toContain("secret-api-key");
    }
    for (const bad of [{ SMS_PROVIDER: "nexmo" }, { QUIET_HOURS: "21-7" }, { SMS_RATE_PER_SECOND: "0" }, { SMS_WEBHOOK_SECRET: "short" }]) {
      expect(() => parseConfig(bad)).toThrow(ConfigError);
    }
  });
});
