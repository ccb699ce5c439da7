import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config";

describe("privacy config keys", () => {
  it("defaults: no deny-list, 90-day retention, no old keys", () => {
    expect(parseConfig({})).toMatchObject({ smsDenyNumbers: [], inboundTextRetentionDays: 90, oldKeys: undefined });
  });

  it("normalises SMS_DENY_NUMBERS (phones to 84…, short codes and names upper case) and drops repeats", () => {
    expect(parseConfig({ SMS_DENY_NUMBERS: "0912 000 111, +84912000111; 9029,viettel," }).smsDenyNumbers).toEqual(["84912000111", "9029", "VIETTEL"]);
  });

  it("reads old keys only as a pair, and refuses a bad retention or key naming the key, never the value", () => {
    const key = Buffer.alloc(32, 1).toString("base64");
    expect(parseConfig({ OLD_DATA_ENCRYPTION_KEY: key }).oldKeys).toBeUndefined();
    expect(parseConfig({ OLD_DATA_ENCRYPTION_KEY: key, OLD_BLIND_INDEX_KEY: key, OLD_DATA_KEY_ID: "k0" }).oldKeys).toEqual({ dataEncryptionKey: key, blindIndexKey: key, dataKeyId: "k0" });
    expect(() => parseConfig({ INBOUND_TEXT_RETENTION_DAYS: "0" })).toThrow(ConfigError);
    let caught: unknown;
    try {
      parseConfig({ OLD_DATA_ENCRYPTION_KEY: "secret-but-short" });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).keys).toEqual(["OLD_DATA_ENCRYPTION_KEY"]);
    expect((caught as Error).message).not.toContain("secret-but-short");
  });
});
