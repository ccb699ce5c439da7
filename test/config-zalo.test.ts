import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config";

describe("parseConfig: Zalo", () => {
  it("has no Zalo channel by default", () => {
    const config = parseConfig({});
    expect(config.zaloOa).toBeUndefined();
    expect(config.zaloBot).toBeUndefined();
  });

  it("builds the OA and Bot configs with default API roots", () => {
    const config = parseConfig({ ZALO_APP_ID: "123", ZALO_APP_SECRET: "app-secret", ZALO_OA_SECRET_KEY: "oa-secret", ZALO_BOT_TOKEN: "1:abc", ZALO_BOT_WEBHOOK_SECRET: "bot-secret" });
    expect(config.zaloOa).toEqual({
      appId: "123", appSecret: "app-secret", oaSecretKey: "oa-secret", accessToken: undefined, refreshToken: undefined,
      apiRoot: "https://openapi.zalo.me", oauthRoot: "https://oauth.zaloapp.com", businessApiRoot: "https://business.openapi.zalo.me",
      zns: false, proactiveDailyQuota: 0,
    });
    expect(config.zaloBot).toEqual({ token: "1:abc", webhookSecret: "bot-secret", apiRoot: "https://bot-api.zaloplatforms.com" });
  });

  it("names the missing secrets and never echoes values", () => {
    try {
      parseConfig({ ZALO_APP_ID: "123", ZALO_APP_SECRET: "app-secret-value" });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).keys).toEqual(["ZALO_OA_SECRET_KEY"]);
      expect((err as Error).message).not.toContain("app-secret-value");
    }
    expect(() => parseConfig({ ZALO_BOT_TOKEN: "not a token" })).toThrow(ConfigError);
    expect(() => parseConfig({ ZALO_BOT_TOKEN: "1:abc", ZALO_BOT_WEBHOOK_SECRET: "short" })).toThrow(ConfigError);
  });
});

describe("parseConfig: REMINDER_CHANNEL_ORDER", () => {
  it("defaults to chat channels, then ZNS, then SMS", () => {
    expect(parseConfig({}).reminderChannels).toEqual(["telegram", "zalo_oa", "zalo_bot", "zalo_zns", "sms"]);
  });

  it("takes a custom order, and refuses unknown or repeated names", () => {
    expect(parseConfig({ REMINDER_CHANNEL_ORDER: "sms, telegram" }).reminderChannels).toEqual(["sms", "telegram"]);
    expect(() => parseConfig({ REMINDER_CHANNEL_ORDER: "telegram,viber" })).toThrow(ConfigError);
    expect(() => parseConfig({ REMINDER_CHANNEL_ORDER: "sms,sms" })).toThrow(ConfigError);
  });

  it("reads ZNS and the proactive OA quota", () => {
    const config = parseConfig({ ZALO_APP_ID: "123", ZALO_APP_SECRET: "app-secret", ZALO_OA_SECRET_KEY: "oa-secret", ZALO_ZNS: "1", ZALO_OA_PROACTIVE_DAILY_QUOTA: "50" });
    expect(config.zaloOa).toMatchObject({ zns: true, proactiveDailyQuota: 50 });
    expect(() => parseConfig({ ZALO_OA_PROACTIVE_DAILY_QUOTA: "-1" })).toThrow(ConfigError);
  });
});
