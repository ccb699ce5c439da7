import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config";

describe("parseConfig", () => {
  it("gives the embedded defaults a newcomer needs", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ port: 8787, host: "127.0.0.1", databasePath: "data/bhyt.sqlite", seedDemo: true, defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh" });
  });

  it("lets PORT and DATABASE_PATH override, and treats empty values as unset", () => {
    const config = parseConfig({ PORT: "9000", DATABASE_PATH: "/srv/bhyt.sqlite", LOG_LEVEL: "" });
    expect(config.port).toBe(9000);
    expect(config.databasePath).toBe("/srv/bhyt.sqlite");
    expect(config.logLevel).toBe("info");
  });

  it("names the offending key but never echoes its value", () => {
    const secret = "not-a-base64-key-but-secret-looking";
    try {
      parseConfig({ PORT: "99999", DATA_ENCRYPTION_KEY: secret });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const e = err as ConfigError;
      expect(e.keys.sort()).toEqual(["DATA_ENCRYPTION_KEY", "PORT"]);
      expect(e.message).not.toContain(secret);
      expect(e.message).not.toContain("99999");
    }
  });

  it("accepts a 32-byte base64 key", () => {
    const key = Buffer.alloc(32, 1).toString("base64");
    expect(parseConfig({ DATA_ENCRYPTION_KEY: key, BLIND_INDEX_KEY: key }).dataEncryptionKey).toBe(key);
  });
});

describe("Telegram mode", () => {
  const token = { TELEGRAM_BOT_TOKEN: "123456:TEST-token" };
  const secret = { TELEGRAM_WEBHOOK_SECRET: "webhook-secret-123" };
  it("derives polling from a token alone and webhook from a secret or PUBLIC_URL", () => {
    expect(parseConfig(token).telegram).toMatchObject({ mode: "polling", modeSource: "derived" });
    expect(parseConfig({ ...token, ...secret }).telegram).toMatchObject({ mode: "webhook", modeSource: "derived" });
    expect(parseConfig({ ...token, ...secret, PUBLIC_URL: "https://bhyt.example.vn" }).telegram?.mode).toBe("webhook");
  });
  it("TELEGRAM_MODE wins; webhook mode without a secret is refused by name", () => {
    expect(parseConfig({ ...token, ...secret, TELEGRAM_MODE: "polling" }).telegram).toMatchObject({ mode: "polling", modeSource: "TELEGRAM_MODE" });
    expect(() => parseConfig({ ...token, TELEGRAM_MODE: "webhook" })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(() => parseConfig({ ...token, PUBLIC_URL: "https://bhyt.example.vn" })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(() => parseConfig({ ...token, TELEGRAM_MODE: "both" })).toThrow(/TELEGRAM_MODE/);
  });
});
