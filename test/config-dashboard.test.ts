import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config";

describe("dashboard config", () => {
  it("defaults the look-up alarm to 5 × the trailing average, at least 20", () => {
    expect(parseConfig({}).lookupAlarm).toEqual({ multiple: 5, floor: 20 });
    expect(parseConfig({ LOOKUP_ALARM_MULTIPLE: "2.5", LOOKUP_ALARM_FLOOR: "50" }).lookupAlarm).toEqual({ multiple: 2.5, floor: 50 });
  });

  it("names the key of a nonsense value, never the value", () => {
    const caught = (() => {
      try {
        parseConfig({ LOOKUP_ALARM_FLOOR: "0", LOOKUP_ALARM_MULTIPLE: "lots" });
      } catch (err) {
        return err;
      }
    })();
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).keys.sort()).toEqual(["LOOKUP_ALARM_FLOOR", "LOOKUP_ALARM_MULTIPLE"]);
    expect((caught as Error).message).not.toContain("lots");
  });

  it("reads TRUSTED_PROXIES as addresses and CIDRs, and refuses a name or a bad mask", () => {
    expect(parseConfig({ TRUSTED_PROXIES: " 127.0.0.1, 10.0.0.0/8 ,::1" }).trustedProxies).toEqual(["127.0.0.1", "10.0.0.0/8", "::1"]);
    expect(parseConfig({}).trustedProxies).toEqual([]);
    expect(parseConfig({}).loginChecksPerSecond).toBe(5);
    for (const bad of ["nginx", "10.0.0.0/33", "300.1.1.1"]) expect(() => parseConfig({ TRUSTED_PROXIES: bad })).toThrow(ConfigError);
  });
});
