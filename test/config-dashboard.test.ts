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
});
